// Findings phi-lint itself reports (not from a rule pack): broken directives, consent
// problems, malformed front matter. They share the `phi-lint/` prefix, are never suppressed
// by directives (a directive must not hide its own missing reason), are not PHI (so never
// masked) and are never fixed or redacted. `phi-lint explain` documents them from here.
import type { Document, Span } from './documents/document.js';
import type { Finding, Severity } from './types.js';

export const META_PREFIX = 'phi-lint/';

export function isMetaRule(ruleId: string): boolean {
  return ruleId.startsWith(META_PREFIX);
}

export interface MetaRule {
  id: string;
  severity: Severity;
  looksFor: string;
  why: string;
  fires: string;
  silent: string;
  suggestion: string;
}

export const META_RULES: MetaRule[] = [
  {
    id: 'phi-lint/directive-without-reason',
    severity: 'error',
    looksFor: 'An inline phi-lint-disable… directive that gives no reason after " -- ".',
    why: 'A suppression is a compliance decision. The reason is the audit record a privacy officer reads later (45 CFR 164.530(j): keep documentation of privacy decisions). Relax with `directives: { require-reason: false }`.',
    fires: '<!-- phi-lint-disable-next-line phi/phone -->',
    silent: "<!-- phi-lint-disable-next-line phi/phone -- the clinic's after-hours line, not a patient -->",
    suggestion:
      'Add the reason after " -- ": <!-- phi-lint-disable-next-line RULE -- why this is not PHI or who approved it -->',
  },
  {
    id: 'phi-lint/directive-invalid',
    severity: 'error',
    looksFor: 'A phi-lint directive with an unknown keyword, or naming a rule or category that does not exist.',
    why: 'A misspelt directive silently suppresses nothing, so the finding it was meant for stays and the writer does not know why.',
    fires: '<!-- phi-lint-disable-next-line phi/phnoe -- typo -->',
    silent: "<!-- phi-lint-disable-next-line phi/phone -- the clinic's after-hours line -->",
    suggestion:
      'Use phi-lint-disable-next-line, phi-lint-disable-line, phi-lint-disable or phi-lint-enable with a rule id (`phi-lint rules` lists them) or a category.',
  },
  {
    id: 'phi-lint/unused-directive',
    severity: 'error',
    looksFor:
      'A directive that suppresses no finding (reported with --report-unused-directives or `directives: { report-unused: … }`).',
    why: 'A stale suppression left in a draft hides the next real finding on that line.',
    fires: '<!-- phi-lint-disable-next-line phi/phone -- old number -->\nWe are open Saturdays.',
    silent: '<!-- phi-lint-disable-next-line phi/phone -- our after-hours line -->\nCall 404-555-0187 after 6 pm.',
    suggestion: 'Remove the directive.',
  },
  {
    id: 'phi-lint/consent',
    severity: 'error',
    looksFor:
      'A draft whose front matter cites a consent (`consent: C-2025-014`) that is not in the consent ledger, ' +
      'has expired, is not yet signed, or does not cover what the draft discloses (errors); or one that runs ' +
      'longer than `consent: { max-validity }` (default 2 years) after signing (a warning: it lapses at that maximum).',
    why: 'HIPAA allows a testimonial, photo or patient story only with a valid written authorization (45 CFR 164.508) that covers that use and has not expired.',
    fires: '---\nconsent: C-2099-001\n---\nMeet Dana Whitfield, who ran her first 5K after knee surgery!',
    silent:
      '---\nconsent: C-2025-014\n---\nMeet Dana Whitfield, who ran her first 5K after knee surgery!   (with C-2025-014 in consents.yaml covering name and health-detail)',
    suggestion:
      'Cite a consent id from the ledger that covers these categories and has not expired, or remove what it does not cover.',
  },
  {
    id: 'phi-lint/front-matter',
    severity: 'warning',
    looksFor: 'Front matter (--- YAML --- at the top of a Markdown draft) that is not valid YAML or not a mapping.',
    why: 'phi-lint reads `kind:` and `consent:` from front matter; when it cannot, a reply may be linted as a post and a consent may be missed.',
    fires: '---\nkind: [reply\n---\nThanks!',
    silent: '---\nkind: reply\n---\nThanks!',
    suggestion: 'Fix the YAML between the --- lines.',
  },
  {
    id: 'phi-lint/placeholder',
    severity: 'error',
    looksFor:
      'A placeholder left by --fix or `phi-lint redact` ("[PHONE]", "[NAME]", "[LOCATION]", "[PHOTO]", "[DATE]"…).',
    why:
      'A redacted copy lints clean, but "[LOCATION]" or "[PHOTO]" is not publishable text: posted as it is, ' +
      "it tells readers something was taken out of a patient's story.",
    fires: 'We loved seeing you at [LOCATION] last week!',
    silent: 'We loved seeing everyone at the open house last week!',
    suggestion: 'Rewrite the sentence without the placeholder (leave the detail out), then lint the draft again.',
  },
];

/** A finding phi-lint reports about the draft itself (not PHI: match is empty). */
export function metaFinding(
  doc: Pick<Document, 'lines'>,
  ruleId: string,
  severity: Severity,
  span: Span,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  const s = doc.lines.position(span.start);
  const e = doc.lines.position(span.end);
  return {
    ruleId,
    category: 'other-id',
    severity,
    start: span.start,
    end: span.end,
    match: '',
    message,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    ...extra,
  };
}
