// What `--fix` changes in one draft, decided from its reported findings:
//
// 1. A reply with a finding redaction cannot make safe — any finding of a reply-only rule,
//    or of a disclosure category (patient-relationship, health-detail, case-narrative,
//    defensive-disclosure, unconsented-media) — gets its whole body (everything after the
//    front matter) replaced with the approved reply template, when the practice profile has
//    a phone (the template gives it) and the config does not say `fix: { reply-template:
//    false }`.
// 2. Otherwise every identifier finding (the Safe Harbor categories) is redacted to its
//    placeholder ("[PHONE]"), except a name right after a greeting, which is left out ("Hi
//    Sarah," → "Hi,": greeting.ts). Disclosure findings in posts have no safe replacement:
//    they are left for the writer.
//
// Only publishable text is written (issue 15.10): an edit that would leave a placeholder
// (any redaction; a template of your own holding "[NAME]") is not applied but offered as a
// suggestion (ESLint's `suggestions`), since phi-lint/placeholder would block the copy.
//
// Never fixed: phi-lint's own findings, findings covered by a consent, suppressed findings
// (they never reach here).
import type { Document } from '../documents/document.js';
import { isCoveredByConsent } from '../consent/filter.js';
import { isMetaRule } from '../meta-rules.js';
import { DISCLOSURE_CATEGORIES, IDENTIFIER_CATEGORIES, type Finding } from '../types.js';
import { redactionGroups, type Edit } from './edits.js';
import { greetingEdit } from './greeting.js';
import { placeholderIn } from './placeholders.js';

export const DEFAULT_REPLY_TEMPLATE =
  'Thank you for your feedback. Privacy rules keep us from discussing any visit online; please call us at {phone}.';

export interface FixOptions {
  /** true: the default template; a string: your own wording with `{phone}`; false: never. */
  replyTemplate: boolean | string;
  /** The practice's phone for the template. */
  phone?: string;
  /** Ids of rules that run only on replies. */
  replyRules: ReadonlySet<string>;
}

/** An edit --fix does not make (it would leave a placeholder): offered to the writer instead. */
export interface FixSuggestion {
  /** What the edit does, in words (never a value from the draft). */
  desc: string;
  edit: Edit;
  /** The findings it would remove. */
  findings: Finding[];
}

export interface FixPlan {
  edits: Edit[];
  /** The findings the edits remove. */
  fixed: Finding[];
  /** Set when the reply template replaces the body. */
  template?: string;
  /** Edits that would leave unpublishable text: suggestions, never applied by --fix. */
  suggestions: FixSuggestion[];
}

const IDENTIFIERS = new Set<string>(IDENTIFIER_CATEGORIES);
const DISCLOSURES = new Set<string>(DISCLOSURE_CATEGORIES);

export function templateText(opts: Pick<FixOptions, 'replyTemplate' | 'phone'>): string | undefined {
  if (opts.replyTemplate === false || !opts.phone) return undefined;
  const t = typeof opts.replyTemplate === 'string' ? opts.replyTemplate : DEFAULT_REPLY_TEMPLATE;
  return t.replace(/\{phone\}/g, opts.phone);
}

const candidate = (f: Finding): boolean => !isMetaRule(f.ruleId) && !isCoveredByConsent(f);

/** Where the draft's body starts: after the front matter and its line break. */
function bodyStart(doc: Pick<Document, 'text' | 'frontMatterSpan'>): number {
  if (!doc.frontMatterSpan) return 0;
  const m = /^(?:\r\n|\r|\n)/.exec(doc.text.slice(doc.frontMatterSpan.end));
  return doc.frontMatterSpan.end + (m ? m[0].length : 0);
}

export function planFixes(
  doc: Pick<Document, 'text' | 'prose' | 'format' | 'kind' | 'frontMatterSpan'>,
  findings: Finding[],
  opts: FixOptions,
): FixPlan {
  // a comment is somebody else's words: it is hidden and answered, never rewritten
  if (doc.kind === 'comment') return { edits: [], fixed: [], suggestions: [] };
  const open = findings.filter(candidate);
  const template = doc.kind === 'reply' ? templateText(opts) : undefined;
  const start = bodyStart(doc);
  if (
    template &&
    open.some((f) => f.start >= start && (opts.replyRules.has(f.ruleId) || DISCLOSURES.has(f.category)))
  ) {
    const body = doc.text.slice(start);
    const eol = /\r\n|\r|\n/.exec(doc.text)?.[0] ?? '\n';
    const trailing = /(?:\r\n|\r|\n)$/.test(body) ? eol : '';
    const edit = { start, end: doc.text.length, text: template + trailing };
    const fixed = open.filter((f) => f.start >= start);
    const left = placeholderIn(template);
    if (left) {
      const desc = `replace the reply with your reply template, then write what it says in place of ${left}`;
      return { edits: [], fixed: [], suggestions: [{ desc, edit, findings: fixed }] };
    }
    return { edits: [edit], fixed, template, suggestions: [] };
  }
  const plan: FixPlan = { edits: [], fixed: [], suggestions: [] };
  const identifiers = open.filter((f) => IDENTIFIERS.has(f.category));
  for (const { edit: redaction, findings } of redactionGroups(doc, identifiers)) {
    const greeted = findings.every((f) => f.category === 'name') && greetingEdit(doc, redaction.start, redaction.end);
    const edit = greeted || redaction;
    const left = placeholderIn(edit.text);
    if (!left) {
      plan.edits.push(edit);
      plan.fixed.push(...findings);
      continue;
    }
    const desc = `replace it with ${left}; a placeholder is not publishable, so rewrite that part before posting`;
    plan.suggestions.push({ desc, edit, findings });
  }
  return plan;
}
