// Where a document's regular-expression detectors match, computed as cheaply as the
// literals allow. One Aho–Corasick pass over the draft (matchers/literal-scan.ts) answers,
// for every detector at once, which of the literals its regex needs are present
// (rules/prefilter.ts): a detector whose literals are absent is skipped, and one whose
// matches must start with known literals is tried only where they occur, with a sticky copy
// of its regex. Detectors with the same regex (several rules share a vocabulary) are run
// once per document. The spans are exactly those a global scan with the regex would give.
import type { Document, Span } from '../documents/document.js';
import { LiteralScanner, type ScanResult } from '../matchers/literal-scan.js';
import { analyzeRegex, literalsOf, storedAnalysis, type Requirement } from '../rules/prefilter.js';
import type { CompiledDetector } from '../rules/rule.js';

interface Plan {
  key: string;
  /** False when the literals show the regex cannot match. */
  possible?: (found: ScanResult) => boolean;
  /** Literal ids a match may start with, and a sticky copy of the regex to try there. */
  starts?: { mask: Uint8Array; ids: number[]; sticky: RegExp; afterWordChar: boolean; first?: Uint8Array };
  /** Run the regex only on the stretches of text that can hold a match (see compacted()). */
  compact?: Compact;
}

interface Compact {
  /** forbidden[c] = 1: the regex never consumes ASCII character c, so no match spans it. */
  forbidden: Uint8Array;
  /** A forbidden character, to join the stretches with. */
  separator: string;
  /** How far look-arounds see: kept around each stretch. */
  margin: number;
  /** The requirement within [start, end), from where its literals occur. */
  holds: (found: ScanResult, start: number, end: number) => boolean;
  /** Literal ids of the requirement (a stretch must contain one). */
  ids: number[];
}

interface ScannerPlans {
  scanner: LiteralScanner;
  plans: Map<CompiledDetector, Plan>;
}

/**
 * Per rule set: how much text it has linted, and its plans once built. Building them
 * (analysing every regex, the scanner's automaton) costs ~150 ms, which a short run — one
 * reply on standard input — would never earn back; plans are built once the rule set has
 * seen PLAN_AFTER characters, and until then regexes simply scan.
 */
const byRules = new WeakMap<readonly { detectors: CompiledDetector[] }[], { seen: number; plans?: ScannerPlans }>();
const PLAN_AFTER = 200_000;
/** A draft this long is worth the plans on its own (and too long for the substring checks). */
const BIG_DRAFT = 50_000;

const keyOf = (det: CompiledDetector): string => `${det.regex!.source}\0${det.regex!.flags}\0${det.group ?? ''}`;

/** Plans for every regex detector of a rule set, and the one scanner their literals need (built once per rule set). */
function plansFor(rules: readonly { detectors: CompiledDetector[] }[]): ScannerPlans {
  const analyses = new Map<CompiledDetector, ReturnType<typeof analyzeRegex> & { forbidden?: Uint8Array }>();
  const literals: string[] = [];
  // Positions are recorded only for literals that anchor a run or mark a stretch.
  const startLiterals = new Set<string>();
  for (const r of rules) {
    for (const det of r.detectors) {
      if (!det.regex || analyses.has(det)) continue;
      const a: ReturnType<typeof analyzeRegex> & { forbidden?: Uint8Array } = analyzeRegex(det.regex.source, det.regex.flags);
      if (!a.prefixes && a.requirement.kind !== 'true' && a.bounds) a.forbidden = forbiddenChars(a.bounds.consumed, det.regex.flags);
      analyses.set(det, a);
      for (const l of literalsOf(a.requirement)) {
        literals.push(l.toLowerCase());
        if (a.forbidden) startLiterals.add(l.toLowerCase());
      }
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
      plan.starts = {
        mask,
        ids,
        sticky: new RegExp(det.regex!.source, `${det.regex!.flags.replace('g', '')}y`),
        afterWordChar: !!a.notAfter && excludesAsciiWordChars(a.notAfter, det.regex!.flags),
        first: det.regex!.flags.includes('i') ? undefined : firstChars(a.prefixes),
      };
    } else if (a.requirement.kind !== 'true') {
      plan.possible = compile(a.requirement, scanner);
      const forbidden = a.forbidden;
      if (forbidden) {
        const sep = forbidden[0] ? 0 : forbidden.indexOf(1);
        plan.compact = {
          forbidden,
          separator: String.fromCharCode(sep),
          margin: a.bounds!.lookWidth,
          holds: compileWithin(a.requirement, scanner),
          ids: [...new Set(literalsOf(a.requirement).map((l) => scanner.id(l.toLowerCase())!))],
        };
      }
    }
    plans.set(det, plan);
  }
  return { scanner, plans };
}

function compile(r: Requirement, scanner: LiteralScanner): (found: ScanResult) => boolean {
  switch (r.kind) {
    case 'any': {
      const ids = [...new Set(r.literals.map((l) => scanner.id(l.toLowerCase())!))];
      const mask = new Uint8Array(scanner.literals.length);
      for (const id of ids) mask[id] = 1;
      // Walk whichever list is shorter: the set's literals, or those the draft contains.
      return (found) => (ids.length <= found.found.length ? ids.some((id) => found.present[id] === 1) : found.found.some((id) => mask[id] === 1));
    }
    case 'and': {
      const parts = r.parts.map((p) => compile(p, scanner));
      return (found) => parts.every((p) => p(found));
    }
    case 'or': {
      const parts = r.parts.map((p) => compile(p, scanner));
      return (found) => parts.some((p) => p(found));
    }
    default:
      return () => true;
  }
}

/** Does a look-behind class match every ASCII letter and digit (so no match starts right after one)? */
function excludesAsciiWordChars(cls: string, flags: string): boolean {
  try {
    const re = new RegExp(`^${cls}$`, flags.replace(/[gdy]/g, ''));
    return [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'].every((ch) => re.test(ch));
  } catch {
    return false;
  }
}

/**
 * For a case-sensitive regex, the ASCII letters its start literals begin with (the scanner
 * ignores case, so "will" is a candidate for "Will"); undefined when some start is not an
 * ASCII letter.
 */
function firstChars(prefixes: string[]): Uint8Array | undefined {
  const set = new Uint8Array(128);
  for (const p of prefixes) {
    const c = p.charCodeAt(0);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return undefined;
    set[c] = 1;
  }
  return set;
}

const ASCII_WORD = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') ASCII_WORD[ch.charCodeAt(0)] = 1;

/** ASCII characters no consumed atom matches (undefined when there are none, or the atoms cannot be tested). */
function forbiddenChars(consumed: string[], flags: string): Uint8Array | undefined {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${consumed.join('|')})$`, flags.replace(/[gdy]/g, ''));
  } catch {
    return undefined;
  }
  const out = new Uint8Array(128);
  let any = false;
  for (let c = 0; c < 128; c++) {
    if (!re.test(String.fromCharCode(c))) {
      out[c] = 1;
      any = true;
    }
  }
  return any ? out : undefined;
}

/** The requirement evaluated on [start, end): a literal counts when one of its occurrences lies inside. */
function compileWithin(r: Requirement, scanner: LiteralScanner): Compact['holds'] {
  switch (r.kind) {
    case 'any': {
      const ids = [...new Set(r.literals.map((l) => scanner.id(l.toLowerCase())!))];
      const mask = new Uint8Array(scanner.literals.length);
      for (const id of ids) mask[id] = 1;
      const lens = scanner.lengths;
      return (found, start, end) => {
        const list = ids.length <= found.found.length ? ids : found.found;
        for (const id of list) if (mask[id] && occursWithin(found.starts[id], start, end - lens[id])) return true;
        return false;
      };
    }
    case 'and': {
      const parts = r.parts.map((p) => compileWithin(p, scanner));
      return (found, start, end) => parts.every((p) => p(found, start, end));
    }
    case 'or': {
      const parts = r.parts.map((p) => compileWithin(p, scanner));
      return (found, start, end) => parts.some((p) => p(found, start, end));
    }
    default:
      return () => true;
  }
}

/** Is there a value in [lo, hi] in an ascending list? */
function occursWithin(list: number[] | undefined, lo: number, hi: number): boolean {
  if (!list || hi < lo) return false;
  let a = 0;
  let b = list.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (list[mid] < lo) a = mid + 1;
    else b = mid;
  }
  return a < list.length && list[a] <= hi;
}

/** Regex detector spans for one document. */
export class RegexScan {
  private readonly plans?: ScannerPlans;
  private scanned?: ScanResult;
  private readonly memo = new Map<string, Span[]>();

  /** `eager`: build the rule set's plans now, however little text it has seen (tests). */
  constructor(
    private readonly doc: Document,
    rules: readonly { detectors: CompiledDetector[] }[],
    opts: { eager?: boolean } = {},
  ) {
    let state = byRules.get(rules);
    if (!state) byRules.set(rules, (state = { seen: 0 }));
    if (!state.plans && (opts.eager || state.seen >= PLAN_AFTER || doc.prose.length >= BIG_DRAFT)) state.plans = plansFor(rules);
    state.seen += doc.prose.length;
    this.plans = state.plans;
  }

  private subs?: SubstringCheck;
  private substrings(): SubstringCheck {
    return (this.subs ??= new SubstringCheck(this.doc.prose));
  }

  private literals(): ScanResult {
    return (this.scanned ??= this.plans!.scanner.scan(this.doc.prose));
  }

  /** The spans of a pattern or terms detector (its named group's, when it has one). */
  spans(det: CompiledDetector): Span[] {
    const plan = this.plans?.plans.get(det);
    if (!plan) {
      // No plans yet: a plain scan (once per distinct regex), unless the build's analysis of
      // the regex shows a literal it needs is missing — then it is not even compiled.
      const key = keyOf(det);
      let out = this.memo.get(key);
      if (!out) {
        const a = storedAnalysis(det.regex!.source, det.regex!.flags);
        out = a && !this.substrings().holds(a.requirement, det.regex!.flags.includes('i')) ? [] : globalSpans(det.regex!, det.group, this.doc.prose);
        this.memo.set(key, out);
      }
      return out;
    }
    let out = this.memo.get(plan.key);
    if (out) return out;
    if (plan.starts) out = this.anchored(det, plan.starts);
    else if (plan.possible && !plan.possible(this.literals())) out = [];
    else if (plan.compact) out = this.compacted(det, plan.compact);
    else out = globalSpans(det.regex!, det.group, this.doc.prose);
    this.memo.set(plan.key, out);
    return out;
  }

  /**
   * Run the regex on the candidate stretches only, joined by a character it cannot consume,
   * and map the matches back. Inside a stretch the regex sees the same characters (margins
   * cover its look-arounds), and nothing outside the stretches can match.
   */
  private compacted(det: CompiledDetector, c: Compact): Span[] {
    const prose = this.doc.prose;
    const pieces = candidateStretches(prose, c, this.literals());
    if (!pieces.length) return [];
    let kept = 0;
    for (const [s, e] of pieces) kept += e - s;
    if (kept > prose.length / 2) return globalSpans(det.regex!, det.group, prose);
    const compactStarts: number[] = [];
    let text = '';
    for (const [s, e] of pieces) {
      if (text) text += c.separator;
      compactStarts.push(text.length);
      text += prose.slice(s, e);
    }
    const toReal = (i: number): number => {
      let a = 0;
      let b = compactStarts.length - 1;
      while (a < b) {
        const mid = (a + b + 1) >> 1;
        if (compactStarts[mid] <= i) a = mid;
        else b = mid - 1;
      }
      return pieces[a][0] + (i - compactStarts[a]);
    };
    return globalSpans(det.regex!, det.group, text).map((sp) => {
      const start = toReal(sp.start);
      return { start, end: start + (sp.end - sp.start) };
    });
  }

  /** Try the sticky regex at each offset where one of its start literals occurs, left to right, without overlaps (as a global scan would). */
  private anchored(det: CompiledDetector, s: NonNullable<Plan['starts']>): Span[] {
    const found = this.literals();
    const prose = this.doc.prose;
    const at: number[] = [];
    for (const id of found.found) {
      if (!s.mask[id]) continue;
      for (const p of found.starts[id] ?? []) {
        if (s.first) {
          const c = prose.charCodeAt(p);
          if (c < 128 && !s.first[c]) continue;
        }
        // the regex's leading look-behind would refuse a start right after a letter or digit
        if (s.afterWordChar && p > 0) {
          const c = prose.charCodeAt(p - 1);
          if (c < 128 && ASCII_WORD[c]) continue;
        }
        at.push(p);
      }
    }
    const out: Span[] = [];
    if (!at.length) return out;
    // Past a few candidates per word, one pass of the regex is cheaper than many starts.
    if (at.length > prose.length / 8) return globalSpans(det.regex!, det.group, prose);
    at.sort((a, b) => a - b);
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

/**
 * The stretches of `text` that can hold a match: a match never spans a character the regex
 * cannot consume, so the text splits into segments at those characters, and only a segment
 * whose literals satisfy the requirement can hold one. Each such segment is kept with
 * `margin` characters on each side for look-arounds.
 */
export function candidateStretches(text: string, c: Compact, found: ScanResult): [number, number][] {
  const f = c.forbidden;
  const stop = (code: number): boolean => code < 128 && f[code] === 1;
  const at: number[] = [];
  for (const id of c.ids) if (found.present[id]) for (const p of found.starts[id] ?? []) at.push(p);
  at.sort((a, b) => a - b);
  const pieces: [number, number][] = [];
  let segEnd = -1;
  for (const p of at) {
    if (p < segEnd) continue;
    let a = p;
    while (a > 0 && !stop(text.charCodeAt(a - 1))) a--;
    let b = p;
    while (b < text.length && !stop(text.charCodeAt(b))) b++;
    segEnd = b;
    if (!c.holds(found, a, b)) continue;
    const s = Math.max(0, a - c.margin);
    const e = Math.min(text.length, b + c.margin);
    const last = pieces[pieces.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else pieces.push([s, e]);
  }
  return pieces;
}

/**
 * Requirements checked with substring searches, for a short draft before the scanner is
 * built: the same answers as the scanner's (white space as a space; case folded for
 * case-insensitive regexes, ſ as s), or more lenient.
 */
class SubstringCheck {
  private folded?: string;
  private spaced?: string;
  private readonly memo = new Map<string, boolean>();
  constructor(private readonly text: string) {}

  holds(r: Requirement, ignoreCase: boolean): boolean {
    switch (r.kind) {
      case 'any':
        return r.literals.some((l) => this.has(l, ignoreCase));
      case 'and':
        return r.parts.every((p) => this.holds(p, ignoreCase));
      case 'or':
        return r.parts.some((p) => this.holds(p, ignoreCase));
      default:
        return true;
    }
  }

  private has(literal: string, ignoreCase: boolean): boolean {
    const key = `${ignoreCase ? 'i' : 'c'}${literal}`;
    let v = this.memo.get(key);
    if (v === undefined) {
      const hay = ignoreCase
        ? (this.folded ??= this.text.toLowerCase().replace(/\u017f/g, 's').replace(/\s/g, ' '))
        : (this.spaced ??= this.text.replace(/\s/g, ' '));
      v = hay.includes(ignoreCase ? literal.toLowerCase() : literal);
      this.memo.set(key, v);
    }
    return v;
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
