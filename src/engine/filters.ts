// The filters a document's findings pass through after the rules have run, in order:
// inline directives (suppress, with reasons; or, with --no-inline-config, counted and
// ignored), then consent (covered findings become notes).
// The baseline (run-wide) and masking (in formatters) come later. Each is a small function
// tested on its own; this module only chains them.
import { applyConsent } from '../consent/filter.js';
import type { ConsentLedger } from '../consent/ledger.js';
import type { DirectiveSettings } from '../config/config.js';
import { applyDirectives, ignoredDirectives } from '../directives/filter.js';
import { parseDirectives } from '../directives/parse.js';
import type { Document } from '../documents/document.js';
import { CATEGORIES, type DirectiveUse, type Finding, type SuppressedFinding } from '../types.js';

export interface FilterContext {
  /** Every rule id a directive may name (disabled rules included). */
  ruleIds: ReadonlySet<string>;
  directives: DirectiveSettings;
  ledger?: ConsentLedger;
  /** YYYY-MM-DD */
  today: string;
  cwd: string;
  /** false: ignore inline directives (--no-inline-config). Default true. */
  inlineConfig?: boolean;
  /** Warn when a cited consent expires within this many days (--consent-warn-days). */
  consentWarnDays?: number;
}

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);

export interface Filtered {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Directives that suppressed findings, or that --no-inline-config ignored. */
  directives: DirectiveUse[];
}

export function filterFindings(doc: Document, findings: Finding[], ctx: FilterContext): Filtered {
  const parsed = parseDirectives(doc);
  const consent = { ledger: ctx.ledger, today: ctx.today, cwd: ctx.cwd, warnDays: ctx.consentWarnDays };
  if (ctx.inlineConfig === false) {
    // --no-inline-config: directives change nothing (and are not checked); each is counted.
    const directives = ignoredDirectives(parsed.directives, { ruleIds: ctx.ruleIds, categories: CATEGORY_SET });
    return { findings: applyConsent(doc, findings, consent), suppressed: [], directives };
  }
  const d = applyDirectives(doc, findings, parsed, {
    requireReason: ctx.directives.requireReason,
    reportUnused: ctx.directives.reportUnused,
    ruleIds: ctx.ruleIds,
    categories: CATEGORY_SET,
  });
  return { findings: applyConsent(doc, d.findings, consent), suppressed: d.suppressed, directives: d.uses };
}
