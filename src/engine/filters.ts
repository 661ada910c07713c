// The filters a document's findings pass through after the rules have run, in order:
// inline directives (suppress, with reasons), then consent (covered findings become notes).
// The baseline (run-wide) and masking (in formatters) come later. Each is a small function
// tested on its own; this module only chains them.
import { applyConsent } from '../consent/filter.js';
import type { ConsentLedger } from '../consent/ledger.js';
import type { DirectiveSettings } from '../config/config.js';
import { applyDirectives } from '../directives/filter.js';
import { parseDirectives } from '../directives/parse.js';
import type { Document } from '../documents/document.js';
import { CATEGORIES, type Finding, type SuppressedFinding } from '../types.js';

export interface FilterContext {
  /** Every rule id a directive may name (disabled rules included). */
  ruleIds: ReadonlySet<string>;
  directives: DirectiveSettings;
  ledger?: ConsentLedger;
  /** YYYY-MM-DD */
  today: string;
  cwd: string;
}

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);

export function filterFindings(doc: Document, findings: Finding[], ctx: FilterContext): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const d = applyDirectives(doc, findings, parseDirectives(doc), {
    requireReason: ctx.directives.requireReason,
    reportUnused: ctx.directives.reportUnused,
    ruleIds: ctx.ruleIds,
    categories: CATEGORY_SET,
  });
  const consented = applyConsent(doc, d.findings, { ledger: ctx.ledger, today: ctx.today, cwd: ctx.cwd });
  return { findings: consented, suppressed: d.suppressed };
}
