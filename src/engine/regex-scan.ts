// Where a document's regular-expression detectors match, computed as cheaply as the
// literals allow, with exactly the spans of matchers/scan.ts's windowed scan.
//
// One Aho–Corasick pass over the draft (matchers/literal-scan.ts) finds every literal that
// any detector's regex needs (rules/prefilter.ts). Then, per detector:
// - none of the literals it needs is in the draft: no match, the regex is not run;
// - its matches start with known literals: it is tried, with a sticky copy, only where one
//   of them occurs, window by window;
// - otherwise it runs only in the windows whose text holds the literals it needs.
// A skipped window leaves the scan where it was, so the spans are those scanWindows gives.
// Detectors with the same regex (rules share vocabularies) run once per document.
// The regexes of packs that did not ship with phi-lint run under their rule's time budget
// (matchers/budget.ts), from where a scan starts to where its spans are known.
import type { Document, Span } from '../documents/document.js';
import { guard, startDraft } from '../matchers/budget.js';
import { LiteralScanner, type ScanResult } from '../matchers/literal-scan.js';
import { record, scanWindow, scanWindows, type Window } from '../matchers/scan.js';
import { analyzeRegex, literalsOf, storedAnalysis, type RegexAnalysis, type Requirement } from '../rules/prefilter.js';
import { SubstringCheck } from '../rules/substring-check.js';
import type { CompiledDetector } from '../rules/rule.js';
import type { TermIndex } from '../matchers/terms.js';

type Within = (found: ScanResult, start: number, end: number) => boolean;

interface Plan {
  key: string;
  /** False when the literals show the regex cannot match anywhere in the draft. */
  possible?: (found: ScanResult) => boolean;
  /** A sticky copy of the regex, to try at candidate starts. */
  sticky: RegExp;
  /** The regex's leading look-behind refuses a start right after an ASCII letter or digit. */
  afterWordChar: boolean;
  /** Candidates: where one of these literal ids starts (matches start with known literals). */
  starts?: { mask: Uint8Array; first?: Uint8Array };
  /**
   * Candidates: offsets whose character can begin a match (first[c], ASCII; any other
   * character always can), inside the segments — runs of characters the regex can consume
   * (forbidden[c] = 0) — that hold the literals a match needs.
   */
  chars?: {
    first: Uint8Array;
    forbidden?: Uint8Array;
    ids: number[];
    /** Shared by plans whose candidate starts are the same. */
    key: string;
  };
  /** Whether a stretch of text holds the literals a match needs (windows without them are skipped). */
  within?: Within;
}

interface ScannerPlans {
  scanner: LiteralScanner;
  plans: Map<CompiledDetector, Plan>;
}

/**
 * Per rule set: how much text it has linted, and its plans once built. Building them
 * (analysing every regex, the scanner's automaton) costs ~150 ms, which a short run — one
 * reply on standard input — would never earn back; plans are built once the rule set has
 * seen PLAN_AFTER characters, and until then regexes scan every window.
 */
const byRules = new WeakMap<readonly { detectors: CompiledDetector[] }[], { seen: number; plans?: ScannerPlans }>();
export const PLAN_AFTER = 200_000;
/** A draft this long is worth the plans on its own (and too long for the substring checks). */
const BIG_DRAFT = 50_000;
/** Candidate starts denser than one per DENSE characters: scan the windows instead. */
const DENSE = 12;

let eagerPlans = false;
/** This run has much to lint (it is using worker threads): build plans on the first draft. */
export function expectMuchText(): void {
  eagerPlans = true;
}

/**
 * A detector's memo key, made once per detector: a Map lookup with a freshly built string
 * hashes all of it (a term list's regex runs to 16 KB), on every draft.
 */
const keys = new WeakMap<CompiledDetector, string>();
function keyOf(det: CompiledDetector): string {
  let k = keys.get(det);
  if (k === undefined) keys.set(det, (k = `${det.source!}\0${det.flags!}\0${det.group ?? ''}`));
  return k;
}
/** The build's analysis of a detector's regex, looked up once per detector (null: none). */
const analysesByDetector = new WeakMap<CompiledDetector, RegexAnalysis | null>();
function storedAnalysisOf(det: CompiledDetector): RegexAnalysis | undefined {
  let a = analysesByDetector.get(det);
  if (a === undefined) analysesByDetector.set(det, (a = storedAnalysis(det.source!, det.flags!) ?? null));
  return a ?? undefined;
}

/** Plans for every regex detector of a rule set, and the one scanner their literals need (built once per rule set). */
function plansFor(rules: readonly { detectors: CompiledDetector[] }[]): ScannerPlans {
  const analyses = new Map<CompiledDetector, ReturnType<typeof analyzeRegex>>();
  const literals: string[] = [];
  const startLiterals = new Set<string>();
  for (const r of rules) {
    for (const det of r.detectors) {
      if (det.source === undefined || analyses.has(det)) continue;
      const a = analyzeRegex(det.source, det.flags!);
      analyses.set(det, a);
      // positions are recorded for literals that mark segments (below) or start matches
      for (const l of literalsOf(a.requirement)) {
        literals.push(l.toLowerCase());
        if (!a.prefixes && a.first && a.consumed) startLiterals.add(l.toLowerCase());
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
    const flags = det.flags!;
    const plan: Plan = {
      key: keyOf(det),
      sticky: new RegExp(det.source!, `${flags.replace('g', '')}y`),
      afterWordChar: !!a.notAfter && excludesAsciiWordChars(a.notAfter, flags),
    };
    const needs = a.requirement.kind !== 'true';
    if (needs) plan.possible = compile(a.requirement, scanner);
    if (a.prefixes) {
      const mask = new Uint8Array(scanner.literals.length);
      for (const p of a.prefixes) mask[scanner.id(p.toLowerCase())!] = 1;
      plan.starts = { mask, first: flags.includes('i') ? undefined : firstChars(a.prefixes) };
    } else {
      const first = a.first && asciiTable(a.first, flags, true);
      const forbidden = needs && a.consumed ? asciiTable(a.consumed, flags, false) : undefined;
      if (first) {
        const key = `${plan.afterWordChar ? 1 : 0}${first.join('')}`;
        plan.chars = {
          first,
          forbidden,
          ids: forbidden ? [...new Set(literalsOf(a.requirement).map((l) => scanner.id(l.toLowerCase())!))] : [],
          key,
        };
      }
      if (needs) plan.within = compileWithin(a.requirement, scanner);
    }
    plans.set(det, plan);
  }
  return { scanner, plans };
}

const idsOf = (literals: string[], scanner: LiteralScanner): number[] => [...new Set(literals.map((l) => scanner.id(l.toLowerCase())!))];

/** A membership table, for large literal sets only (one byte per literal of the rule set, per set). */
function maskOf(ids: number[], scanner: LiteralScanner): Uint8Array | undefined {
  if (ids.length < 64) return undefined;
  const mask = new Uint8Array(scanner.literals.length);
  for (const id of ids) mask[id] = 1;
  return mask;
}

function compile(r: Requirement, scanner: LiteralScanner): (found: ScanResult) => boolean {
  switch (r.kind) {
    case 'any': {
      const ids = idsOf(r.literals, scanner);
      const mask = maskOf(ids, scanner);
      // Walk whichever list is shorter: the set's literals, or those the draft contains.
      return (found) => (!mask || ids.length <= found.found.length ? ids.some((id) => found.present[id] === 1) : found.found.some((id) => mask[id] === 1));
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

/**
 * For each ASCII character, whether one of these atoms matches it (`matches`), or whether
 * none does (`!matches`); undefined when the atoms do not compile alone, or (for the
 * forbidden table) when every character is matched.
 */
function asciiTable(atoms: string[], flags: string, matches: boolean): Uint8Array | undefined {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${atoms.join('|')})$`, flags.replace(/[gdy]/g, ''));
  } catch {
    return undefined;
  }
  const out = new Uint8Array(128);
  let any = false;
  for (let c = 0; c < 128; c++) {
    if (re.test(String.fromCharCode(c)) === matches) {
      out[c] = 1;
      any = true;
    }
  }
  return matches || any ? out : undefined;
}

const ASCII_WORD = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') ASCII_WORD[ch.charCodeAt(0)] = 1;

/** The requirement evaluated on [start, end): a literal counts when one of its occurrences lies inside. */
function compileWithin(r: Requirement, scanner: LiteralScanner): Within {
  switch (r.kind) {
    case 'any': {
      const ids = idsOf(r.literals, scanner);
      const mask = maskOf(ids, scanner);
      const lens = scanner.lengths;
      // the set's literals present in the current draft, worked out once per draft
      let last: ScanResult | undefined;
      let here: number[] = [];
      return (found, start, end) => {
        if (found !== last) {
          last = found;
          here = !mask || ids.length <= found.found.length ? ids.filter((id) => found.present[id]) : found.found.filter((id) => mask[id]);
        }
        for (const id of here) if (occursWithin(found.starts[id], start, end - lens[id])) return true;
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
  private readonly termMemo = new Map<TermIndex, Span[]>();
  private subs?: SubstringCheck;
  private readonly fullStarts = new Map<string, number[]>();

  /**
   * `windows`: the document's scan windows (Structure.windows()). `eager`: build the rule
   * set's plans now, however little text it has seen (tests).
   */
  constructor(
    private readonly doc: Document,
    rules: readonly { detectors: CompiledDetector[] }[],
    private readonly windows: () => Window[],
    opts: { eager?: boolean } = {},
  ) {
    let state = byRules.get(rules);
    if (!state) byRules.set(rules, (state = { seen: 0 }));
    if (!state.plans && (opts.eager || eagerPlans || state.seen >= PLAN_AFTER || doc.prose.length >= BIG_DRAFT)) state.plans = plansFor(rules);
    state.seen += doc.prose.length;
    this.plans = state.plans;
    startDraft(doc.prose.length);
  }

  private literals(): ScanResult {
    return (this.scanned ??= this.plans!.scanner.scan(this.doc.prose));
  }

  /** The spans of a word-indexed term list (rules sharing a gazetteer look it up once). */
  termSpans(index: TermIndex): Span[] {
    let out = this.termMemo.get(index);
    if (!out) this.termMemo.set(index, (out = index.find(this.doc.prose)));
    return out;
  }

  /** The spans of a pattern or terms detector (its named group's, when it has one). */
  spans(det: CompiledDetector): Span[] {
    const plan = this.plans?.plans.get(det);
    const key = plan?.key ?? keyOf(det);
    let out = this.memo.get(key);
    if (!out) {
      out = plan ? this.planned(det, plan) : this.unplanned(det);
      this.memo.set(key, out);
    }
    return out;
  }

  /**
   * No plans yet: every window is scanned, unless the build's analysis of the regex shows a
   * literal it needs is missing from the draft — then it is not even compiled.
   */
  private unplanned(det: CompiledDetector): Span[] {
    const a = storedAnalysisOf(det);
    if (a && !(this.subs ??= new SubstringCheck(this.doc.prose)).holds(a.requirement, det.flags!.includes('i'))) return [];
    const scan = (): Span[] => scanWindows(det.regex!, this.windows(), det.group);
    return det.budget ? guard(det.budget, scan) : scan();
  }

  private planned(det: CompiledDetector, plan: Plan): Span[] {
    if (plan.possible && !plan.possible(this.literals())) return [];
    return det.budget ? guard(det.budget, () => this.plannedScan(det, plan)) : this.plannedScan(det, plan);
  }

  private plannedScan(det: CompiledDetector, plan: Plan): Span[] {
    const at = plan.starts ? this.literalStarts(plan) : plan.chars ? this.charStarts(plan) : undefined;
    // Past a candidate every few characters, scanning the windows is cheaper than many starts.
    if (at && at.length <= this.doc.prose.length / DENSE) return this.anchored(det, plan, at);
    const out: Span[] = [];
    let resume = 0;
    const found = plan.within && this.literals();
    for (const w of this.windows()) {
      // a match lies in [start, end) of its window: without the literals there, nothing to find
      if (found && !plan.within!(found, Math.max(w.start, resume), w.end)) continue;
      resume = scanWindow(det.regex!, w, resume, det.group, out);
    }
    return out;
  }

  /** Offsets where one of the plan's start literals occurs and the regex could begin. */
  private literalStarts(plan: Plan): number[] {
    const found = this.literals();
    const s = plan.starts!;
    const prose = this.doc.prose;
    const at: number[] = [];
    for (const id of found.found) {
      if (!s.mask[id]) continue;
      for (const p of found.starts[id] ?? []) {
        if (plan.afterWordChar && p > 0) {
          const c = prose.charCodeAt(p - 1);
          if (c < 128 && ASCII_WORD[c]) continue;
        }
        if (s.first) {
          const c = prose.charCodeAt(p);
          if (c < 128 && !s.first[c]) continue;
        }
        at.push(p);
      }
    }
    return at.sort((a, b) => a - b);
  }

  /**
   * Offsets whose character can begin a match. With a requirement, only inside segments (runs
   * of characters the regex can consume) that hold its literals: a match never spans a
   * character it cannot consume, and contains the literals it needs.
   */
  private charStarts(plan: Plan): number[] {
    const c = plan.chars!;
    const prose = this.doc.prose;
    const at: number[] = [];
    const limit = prose.length / DENSE;
    const take = (from: number, to: number): void => {
      for (let p = from; p < to; p++) {
        const ch = prose.charCodeAt(p);
        if (ch < 128 && !c.first[ch]) continue;
        if (plan.afterWordChar && p > 0) {
          const b = prose.charCodeAt(p - 1);
          if (b < 128 && ASCII_WORD[b]) continue;
        }
        at.push(p);
        if (at.length > limit) return;
      }
    };
    if (!c.forbidden) {
      // the whole draft: shared by the regexes that begin alike
      const key = c.key;
      const cached = this.fullStarts.get(key);
      if (cached) return cached;
      take(0, prose.length);
      this.fullStarts.set(key, at);
      return at;
    }
    const found = this.literals();
    const f = c.forbidden;
    const stop = (code: number): boolean => code < 128 && f[code] === 1;
    const occ: number[] = [];
    for (const id of c.ids) if (found.present[id]) for (const p of found.starts[id] ?? []) occ.push(p);
    occ.sort((a, b) => a - b);
    let segEnd = -1;
    for (const q of occ) {
      if (q < segEnd) continue;
      let a = q;
      while (a > 0 && !stop(prose.charCodeAt(a - 1))) a--;
      let b = q;
      while (b < prose.length && !stop(prose.charCodeAt(b))) b++;
      segEnd = b;
      if (plan.within!(found, a, b)) take(a, b);
      if (at.length > prose.length / DENSE) break;
    }
    return at;
  }

  /**
   * Try the sticky regex at each candidate offset, window by window, left to right,
   * resuming after each match as scanWindow does. A window with cuts (long runs shortened)
   * is scanned whole: its chunk offsets are not the text's.
   */
  private anchored(det: CompiledDetector, plan: Plan, at: number[]): Span[] {
    const out: Span[] = [];
    const re = plan.sticky;
    let resume = 0;
    let k = 0;
    for (const w of this.windows()) {
      if (w.cuts.length) {
        resume = scanWindow(det.regex!, w, resume, det.group, out);
        continue;
      }
      const from = Math.max(w.start, resume);
      while (k < at.length && at[k] < from) k++;
      for (; k < at.length && at[k] < w.own; k++) {
        const p = at[k];
        if (p < resume) continue;
        re.lastIndex = p - w.base;
        const m = re.exec(w.chunk);
        if (!m || m[0].length === 0) continue;
        resume = record(w, m, p, det.group, out);
        if (resume >= w.own) break;
      }
    }
    return out;
  }
}

