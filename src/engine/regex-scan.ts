// Where a document's regular-expression detectors match, computed as cheaply as the
// literals allow. One Aho–Corasick pass over the draft (matchers/literal-scan.ts) answers,
// for every detector at once, which of the literals its regex needs are present
// (rules/prefilter.ts): a detector whose literals are absent is skipped, and one whose
// matches must start with known literals is tried only where they occur, with a sticky copy
// of its regex. Detectors with the same regex (several rules share a vocabulary) are run
// once per document. The spans are exactly those a global scan with the regex would give.
import type { Document, Span } from '../documents/document.js';
import { LiteralScanner, type ScanResult } from '../matchers/literal-scan.js';
import { analyzeRegex, literalsOf, type Requirement } from '../rules/prefilter.js';
import type { CompiledDetector } from '../rules/rule.js';

interface Plan {
  key: string;
  /** False when the literals show the regex cannot match. */
  possible?: (present: Uint8Array) => boolean;
  /** Literal ids a match may start with, and a sticky copy of the regex to try there. */
  starts?: { mask: Uint8Array; ids: number[]; sticky: RegExp };
}

interface ScannerPlans {
  scanner: LiteralScanner;
  plans: Map<CompiledDetector, Plan>;
}

const byRules = new WeakMap<readonly { detectors: CompiledDetector[] }[], ScannerPlans>();

const keyOf = (det: CompiledDetector): string => `${det.regex!.source}\0${det.regex!.flags}\0${det.group ?? ''}`;

/** Plans for every regex detector of a rule set, and the one scanner their literals need (built once per rule set). */
function plansFor(rules: readonly { detectors: CompiledDetector[] }[]): ScannerPlans {
  let sp = byRules.get(rules);
  if (sp) return sp;
  const analyses = new Map<CompiledDetector, ReturnType<typeof analyzeRegex>>();
  const literals: string[] = [];
  const startLiterals = new Set<string>();
  for (const r of rules) {
    for (const det of r.detectors) {
      if (!det.regex || analyses.has(det)) continue;
      const a = analyzeRegex(det.regex.source, det.regex.flags);
      analyses.set(det, a);
      literals.push(...literalsOf(a.requirement).map((l) => l.toLowerCase()));
      for (const p of a.prefixes ?? []) {
        literals.push(p.toLowerCase());
        startLiterals.add(p.toLowerCase());
      }
    }
  }
  const scanner = new LiteralScanner(literals, startLiterals);
  const plans = new Map<CompiledDetector, Plan>();
  for (const [det, a] of analyses) {
    const plan: Plan = { key: keyOf(det) };
    if (a.prefixes) {
      const ids = [...new Set(a.prefixes.map((p) => scanner.id(p.toLowerCase())!))];
      const mask = new Uint8Array(scanner.literals.length);
      for (const id of ids) mask[id] = 1;
      plan.starts = { mask, ids, sticky: new RegExp(det.regex!.source, `${det.regex!.flags.replace('g', '')}y`) };
    } else if (a.requirement.kind !== 'true') {
      plan.possible = compile(a.requirement, scanner);
    }
    plans.set(det, plan);
  }
  sp = { scanner, plans };
  byRules.set(rules, sp);
  return sp;
}

function compile(r: Requirement, scanner: LiteralScanner): (present: Uint8Array) => boolean {
  switch (r.kind) {
    case 'any': {
      const ids = [...new Set(r.literals.map((l) => scanner.id(l.toLowerCase())!))];
      return (present) => ids.some((id) => present[id] === 1);
    }
    case 'and': {
      const parts = r.parts.map((p) => compile(p, scanner));
      return (present) => parts.every((p) => p(present));
    }
    case 'or': {
      const parts = r.parts.map((p) => compile(p, scanner));
      return (present) => parts.some((p) => p(present));
    }
    default:
      return () => true;
  }
}

/** Regex detector spans for one document. */
export class RegexScan {
  private readonly plans: ScannerPlans;
  private scanned?: ScanResult;
  private readonly memo = new Map<string, Span[]>();

  constructor(
    private readonly doc: Document,
    rules: readonly { detectors: CompiledDetector[] }[],
  ) {
    this.plans = plansFor(rules);
  }

  private literals(): ScanResult {
    return (this.scanned ??= this.plans.scanner.scan(this.doc.prose));
  }

  /** The spans of a pattern or terms detector (its named group's, when it has one). */
  spans(det: CompiledDetector): Span[] {
    const plan = this.plans.plans.get(det);
    if (!plan) return globalSpans(det.regex!, det.group, this.doc.prose);
    let out = this.memo.get(plan.key);
    if (out) return out;
    if (plan.starts) out = this.anchored(det, plan.starts);
    else if (plan.possible && !plan.possible(this.literals().present)) out = [];
    else out = globalSpans(det.regex!, det.group, this.doc.prose);
    this.memo.set(plan.key, out);
    return out;
  }

  /** Try the sticky regex at each offset where one of its start literals occurs, left to right, without overlaps (as a global scan would). */
  private anchored(det: CompiledDetector, s: NonNullable<Plan['starts']>): Span[] {
    const found = this.literals();
    let at: number[] = [];
    for (const id of found.found) if (s.mask[id]) at = at.concat(found.starts[id] ?? []);
    const out: Span[] = [];
    if (!at.length) return out;
    at.sort((a, b) => a - b);
    const prose = this.doc.prose;
    const re = s.sticky;
    let from = 0;
    let prev = -1;
    for (const p of at) {
      if (p < from || p === prev) continue;
      prev = p;
      re.lastIndex = p;
      const m = re.exec(prose);
      if (!m || m[0].length === 0) continue;
      from = p + m[0].length;
      push(out, m, det.group);
    }
    return out;
  }
}

function push(out: Span[], m: RegExpExecArray, group: string | undefined): void {
  if (group) {
    const idx = m.indices?.groups?.[group];
    if (idx) out.push({ start: idx[0], end: idx[1] });
  } else out.push({ start: m.index, end: m.index + m[0].length });
}

/** Every match of a global regex, left to right. */
export function globalSpans(re: RegExp, group: string | undefined, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    push(out, m, group);
  }
  return out;
}
