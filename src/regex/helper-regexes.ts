// Regexes a detector runs besides its own — the odd terms of its word index ("Clear +
// Brilliant", found by one small regex), its word shapes (`/regex/` entries) and its
// `unless-inside` phrases — handed to
// RegexScan as detectors of their own, so that they get the same literal prefilter and scan
// plan as pattern detectors (a regex whose literals the draft lacks is not run; one whose
// matches start with known words is tried only where they occur) and are run once per
// document however many rules share them. Run over the whole text, a list of a dozen phrases
// cost as much as the draft's word look-ups: its leading look-behind is tried at every
// character. A budgeted regex (a pack that did not ship with phi-lint) stays as it was.
import { BudgetedRegExp } from '../matchers/budget.js';
import type { CompiledDetector } from '../rules/rule.js';

/** The helper regexes of a detector (compiling its `unless-inside` list if it has one). */
export function helperRegexes(det: CompiledDetector): RegExp[] {
  const out: RegExp[] = [];
  const odd = det.index?.oddRegex;
  if (odd) out.push(odd);
  if (det.index) out.push(...det.index.shapeRegexes);
  if (det.unlessInside) out.push(det.unlessInside);
  return out.filter(scannable);
}

/** Can RegexScan plan this regex? (A budgeted regex must run as itself, under its budget.) */
export function scannable(re: RegExp): boolean {
  return !(re instanceof BudgetedRegExp) && re.global;
}

const wrappers = new WeakMap<RegExp, CompiledDetector>();
/** A helper regex as a detector of its own (one per regex, so plans and memos find it again). */
export function asDetector(re: RegExp): CompiledDetector {
  let det = wrappers.get(re);
  if (!det) {
    det = { kind: 'pattern', regex: re, source: re.source, flags: re.flags, validators: [] };
    wrappers.set(re, det);
  }
  return det;
}
