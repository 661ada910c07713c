// Where a document's regular-expression detectors match, computed as cheaply as the
// literals allow, with exactly the spans of regex/scan.ts's windowed scan.
//
// One Aho–Corasick pass over the draft (regex/literal-scan.ts) finds every literal that
// any detector's regex needs (regex/prefilter.ts). Then, per detector:
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
import type { ScanResult } from './literal-scan.js';
import { ASCII_WORD, keyOf, plansFor, type Plan, type ScannerPlans } from './plans.js';
import { record, scanWindow, scanWindows, type Window } from './scan.js';
import { storedAnalysis, type RegexAnalysis } from './prefilter.js';
import { SubstringCheck } from './substring-check.js';
import type { CompiledDetector } from '../rules/rule.js';
import { matchSpans, type TermIndex } from '../matchers/term-index.js';
import { asDetector, scannable } from './helper-regexes.js';

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

/** The build's analysis of a detector's regex, looked up once per detector (null: none). */
const analysesByDetector = new WeakMap<CompiledDetector, RegexAnalysis | null>();
function storedAnalysisOf(det: CompiledDetector): RegexAnalysis | undefined {
  let a = analysesByDetector.get(det);
  if (a === undefined) analysesByDetector.set(det, (a = storedAnalysis(det.source!, det.flags!) ?? null));
  return a ?? undefined;
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
    if (!state.plans && (opts.eager || eagerPlans || state.seen >= PLAN_AFTER || doc.prose.length >= BIG_DRAFT))
      state.plans = plansFor(rules);
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
    if (!out) this.termMemo.set(index, (out = index.find(this.doc.prose, (re) => this.helperSpans(re))));
    return out;
  }

  /**
   * Every match of a detector's helper regex (helper-regexes.ts: its word index's odd terms,
   * its `unless-inside` phrases) in the prose, as matchSpans finds them.
   */
  helperSpans(re: RegExp): Span[] {
    if (!scannable(re)) return matchSpans(re, this.doc.prose);
    const det = asDetector(re);
    if (!this.narrows(det)) {
      // nothing to skip by (a word shape: no literal every match needs): one pass over the
      // whole text, as TermIndex.find runs it, is cheaper than the windows, which each scan
      // on into the next window's text before they give up
      const key = keyOf(det);
      let out = this.memo.get(key);
      if (!out) this.memo.set(key, (out = matchSpans(re, this.doc.prose)));
      return out;
    }
    return this.spans(det);
  }

  /** Does the literal analysis let a scan of this detector skip anything? */
  private narrows(det: CompiledDetector): boolean {
    const plan = this.plans?.plans.get(det);
    if (plan) return !!(plan.possible || plan.starts || plan.chars || plan.within);
    const a = storedAnalysisOf(det);
    return !!a && a.requirement.kind !== 'true';
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
    if (a && !(this.subs ??= new SubstringCheck(this.doc.prose)).holds(a.requirement, det.flags!.includes('i')))
      return [];
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
    // walk whichever list is shorter: the plan's start literals, or those the draft contains
    const ids = s.ids.length <= found.found.length ? s.ids : found.found;
    for (const id of ids) {
      if (!s.mask[id] || !found.present[id]) continue;
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
      // the whole draft: shared by the regexes that begin alike, all found in one pass
      const cached = this.fullStarts.get(c.key);
      if (cached) return cached;
      if (this.plans!.starts.bit.has(c.key)) {
        this.allFullStarts();
        return this.fullStarts.get(c.key)!;
      }
      take(0, prose.length);
      this.fullStarts.set(c.key, at);
      return at;
    }
    const found = this.literals();
    const f = c.forbidden;
    const stop = (code: number): boolean => code < 128 && f[code] === 1;
    const occ: number[] = [];
    for (const id of c.anchors(found)) if (found.present[id]) for (const p of found.starts[id] ?? []) occ.push(p);
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
   * The candidates of every whole-draft `chars` key (plans.ts, StartSets) in one pass over the
   * draft: as charStarts's `take` would find them key by key, each list stopping once it holds
   * more than one candidate per DENSE characters.
   */
  private allFullStarts(): void {
    const { bit, mask, all, afterWord } = this.plans!.starts;
    const prose = this.doc.prose;
    const limit = prose.length / DENSE;
    const lists: number[][] = [];
    for (const [key, k] of bit) this.fullStarts.set(key, (lists[k] = []));
    let open = all;
    for (let p = 0; p < prose.length && open; p++) {
      const ch = prose.charCodeAt(p);
      let m = (ch < 128 ? mask[ch] : all) & open;
      if (!m) continue;
      if (p > 0) {
        const b = prose.charCodeAt(p - 1);
        if (b < 128 && ASCII_WORD[b]) m &= ~afterWord;
      }
      while (m) {
        const low = m & -m;
        const k = 31 - Math.clz32(low);
        m ^= low;
        const list = lists[k];
        list.push(p);
        if (list.length > limit) open &= ~low;
      }
    }
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
    // as in plannedScan: a match starting in a window lies before its end, with its literals
    const found = plan.within && this.literals();
    for (const w of this.windows()) {
      const from = Math.max(w.start, resume);
      while (k < at.length && at[k] < from) k++;
      if (!w.cuts.length && (k >= at.length || at[k] >= w.own)) continue; // no candidate starts here
      if (found && !plan.within!(found, from, w.end)) continue;
      if (w.cuts.length) {
        resume = scanWindow(det.regex!, w, resume, det.group, out);
        continue;
      }
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
