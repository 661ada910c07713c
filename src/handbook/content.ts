// The practice's social-media handbook, as content: what PHI is, the disclosure risks, what
// is allowed, replying to reviews, a patient's own comment, written authorizations, the
// practice's reply template, and every active rule with its why, an example that fires and
// the safe rewrite. src/handbook/render.ts turns it into Markdown or printable HTML.
// Text may hold `code` spans; nothing else is markup.
import type { Config } from '../config/config.js';
import { DEFAULT_REPLY_TEMPLATE } from '../fix/plan.js';
import type { CompiledRule } from '../rules/rule.js';
import { SAFE_HARBOR, type SeverityOrOff } from '../types.js';
import { ruleTitle } from './rule-docs.js';

export interface HandbookSection {
  title: string;
  paragraphs: string[];
  bullets?: string[];
  /** A block of literal text (a ledger entry, front matter). */
  code?: string;
  /** A quotation set apart (the reply template). */
  quote?: string;
}

export interface HandbookRule {
  id: string;
  title: string;
  severity: SeverityOrOff;
  identifier: string;
  why: string;
  fires: string;
  rewrite: string;
}

export interface Handbook {
  practice: string;
  date: string;
  toolVersion: string;
  rulesVersion: string;
  sections: HandbookSection[];
  rules: HandbookRule[];
}

const GENERAL_REWRITE = 'Remove the identifying detail, or speak in general terms.';
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The 18 Safe Harbor identifiers, (A)–(R), once each. */
export function safeHarborList(): string[] {
  const seen = new Map<string, string>();
  for (const [category, sh] of Object.entries(SAFE_HARBOR)) {
    if (!seen.has(sh.letter) || category === 'name') seen.set(sh.letter, `(${sh.letter}) ${sh.title}`);
  }
  return [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([, t]) => t);
}

export interface HandbookInput {
  config: Config;
  rules: { rule: CompiledRule; effective: SeverityOrOff }[];
  date: string;
  toolVersion: string;
  rulesVersion: string;
}

export function buildHandbook(input: HandbookInput): Handbook {
  const { config } = input;
  const p = config.practice;
  const practice = p.name?.trim() || 'Our practice';
  const phone = config.contactPhone ?? p.phones[0];
  const phoneText = phone ?? "<the practice's phone>";
  const own = typeof config.fix.replyTemplate === 'string' ? config.fix.replyTemplate : DEFAULT_REPLY_TEMPLATE;
  const template = own.replace(/\{phone\}/g, phoneText);
  const ownDetails = [
    p.name ? `the practice's name (${[p.name, ...p.aliases].join(', ')})` : "the practice's name",
    p.phones.length ? `its phone and fax numbers (${p.phones.join(', ')})` : 'its phone and fax numbers',
    p.addresses.length ? `its address (${p.addresses.join('; ')})` : 'its address',
    p.domains.length || p.emails.length
      ? `its web site and e-mail (${[...p.domains, ...p.emails].join(', ')})`
      : 'its web site and e-mail',
    p.handles.length ? `its social media accounts (${p.handles.join(', ')})` : 'its social media accounts',
  ];
  const sections: HandbookSection[] = [
    {
      title: 'What counts as protected health information',
      paragraphs: [
        'Protected health information (PHI) is anything that ties a person to their health, their care or their ' +
          'payments for care. ' +
          'That includes the simple fact that someone is our patient.',
        'HIPAA lists 18 identifiers that make health information point at a person (the Safe Harbor list, 45 ' +
          'CFR 164.514(b)(2)(i)). ' +
          'In a post or a reply from the practice, any one of them next to anything about care identifies a patient. ' +
          'Names of relatives, employers and household members count too.',
      ],
      bullets: safeHarborList(),
    },
    {
      title: 'What puts a patient at risk',
      paragraphs: [
        "The Privacy Rule (45 CFR 164.502) forbids disclosing PHI without the patient's written authorization " +
          '(45 CFR 164.508). ' +
          'On social media and review sites, these are the ways it happens:',
      ],
      bullets: [
        'Naming a reviewer, or greeting them by name, even when they signed the review with it.',
        'Confirming a visit: "we saw you last week", "see you at your next checkup", "it was a pleasure treating you".',
        'Discussing treatment: any condition, procedure, test result or medicine in a reply, or tied to a ' +
          'person in a post.',
        'Arguing the facts: "our records show you arrived late", what they declined, what they were billed. HHS ' +
          'has fined practices for replies like these.',
        'Telling a case: a story about one patient (age, job, town, what they came in with) identifies them ' +
          'even without a name.',
        "Patient photos and testimonials: a face, a smile, an X-ray or a patient's own words need their " +
          'written authorization first.',
      ],
    },
    {
      title: 'What is fine to post',
      paragraphs: [`These are never PHI, and phi-lint never flags them:`],
      bullets: [
        `The practice's own details: ${ownDetails.join('; ')}.`,
        "Staff news (a birthday, an anniversary, a new certification), with the staff member's agreement.",
        'Events, opening hours, closures and open houses.',
        'General health education that is about no one in particular: "Flu shots are in", "Floss once a day".',
        'The approved reply to a review, which thanks the reviewer and moves the conversation offline (below).',
      ],
    },
    {
      title: 'Replying to a review',
      paragraphs: [
        'Never reply in the heat of the moment. Wait, write the reply, run phi-lint on it, and ask a colleague ' +
          'to read it before it goes out.',
        'Do not confirm, deny or argue with anything in the review, even something the reviewer said about ' +
          'themselves. ' +
          'A kind reply can disclose just as much as an angry one: "So glad your crown feels better, Sarah!" ' +
          'confirms who she is and what was done.',
        "Use the practice's reply, and take everything else to the phone:",
      ],
      quote: template,
    },
    {
      title: "When a patient's own comment reveals health information",
      paragraphs: [
        'A patient may write about their own care under one of our posts. They may share it; we may not confirm it.',
      ],
      bullets: [
        'Do not repeat, confirm or correct anything they wrote, and do not "like" it.',
        "Hide or remove the comment where the platform allows and the practice's policy says so.",
        `Answer privately: call them, or reply only with the practice's number (${phoneText}).`,
      ],
    },
    {
      title: "Recording a patient's written authorization",
      paragraphs: [
        "A testimonial, a patient photo or a patient story may be published only with the patient's signed " +
          'HIPAA authorization (45 CFR 164.508). ' +
          'It says what will be published, where, and when the authorization expires.',
        "Keep the signed form in the practice's records system. In the content repository, record only an id, " +
          'what it covers and its dates in `consents.yaml` (no names or other PHI), ' +
          "and cite the id in the draft's front matter. phi-lint then allows exactly what the authorization " +
          'covers, until it expires.',
      ],
      code: [
        '# consents.yaml',
        'consents:',
        '  - id: C-2025-014',
        '    covers: [name, health-detail, photo]',
        '    signed: 2025-03-01',
        '    expires: 2026-03-01',
        '',
        '# the draft',
        '---',
        'consent: C-2025-014',
        '---',
      ].join('\n'),
    },
  ];
  const rules = input.rules
    .filter((r) => r.effective !== 'off')
    .map(({ rule, effective }) => {
      const sh = SAFE_HARBOR[rule.category];
      return {
        id: rule.id,
        title: ruleTitle(rule.message),
        severity: effective,
        identifier: sh ? `Safe Harbor identifier (${sh.letter}): ${sh.title}` : 'Disclosure risk',
        why: oneLine(rule.why),
        fires: rule.examples.fire[0] ?? '',
        rewrite: oneLine((rule.suggestion ?? GENERAL_REWRITE).replace(/\{practice\.phone\}/g, phoneText)),
      };
    });
  const { date, toolVersion, rulesVersion } = input;
  return { practice, date, toolVersion, rulesVersion, sections, rules };
}
