// Scan plans (see regex-scan.ts): per regex detector of a rule set, from the analysis of its
// regex (prefilter.ts), whether a draft's literals allow a match at all, where matches can
// start, and which stretches of text can hold one; and the one literal scanner they share.
import { LiteralScanner, type ScanResult } from './literal-scan.js';
import { analyzeRegex, literalsOf, type Requirement } from './prefilter.js';
import { asDetector, helperRegexes } from './helper-regexes.js';
import type { CompiledDetector } from '../rules/rule.js';

export type Within = (found: ScanResult, start: number, end: number) => boolean;

export interface Plan {
  key: string;
  /** False when the literals show the regex cannot match anywhere in the draft. */
  possible?: (found: ScanResult) => boolean;
  /** A sticky copy of the regex, to try at candidate starts. */
  sticky: RegExp;
  /** The regex's leading look-behind refuses a start right after an ASCII letter or digit. */
  afterWordChar: boolean;
  /** Candidates: where one of these literal ids starts (matches start with known literals). */
  starts?: { mask: Uint8Array; ids: number[]; first?: Uint8Array };
  /**
   * Candidates: offsets whose character can begin a match (first[c], ASCII; any other
   * character always can), inside the segments — runs of characters the regex can consume
   * (forbidden[c] = 0) — that hold the literals a match needs.
   */
  chars?: {
    first: Uint8Array;
    forbidden?: Uint8Array;
    /**
     * The literal ids whose occurrences anchor the segments to look at, in this draft: every
     * match contains one of them (for an `and`, the part that occurs least in the draft).
     */
    anchors: (found: ScanResult) => number[];
    /** Shared by plans whose candidate starts are the same. */
    key: string;
  };
  /** Whether a stretch of text holds the literals a match needs (windows without them are skipped). */
  within?: Within;
}

export interface ScannerPlans {
  scanner: LiteralScanner;
  plans: Map<CompiledDetector, Plan>;
  /** The candidate starts over the whole draft (chars plans without segments), found in one pass. */
  starts: StartSets;
}

/**
 * The distinct `chars` keys of the plans that take candidates from the whole draft (no
 * `forbidden` table), up to 32 of them, as bits: mask[c] holds the keys whose regex can begin
 * with ASCII character c, every key can begin with any other character, and a key in
 * afterWord refuses a start right after an ASCII letter or digit. One pass over a draft then
 * finds every key's candidates instead of one pass per key.
 */
export interface StartSets {
  bit: Map<string, number>;
  mask: Uint32Array;
  all: number;
  afterWord: number;
}

function startSets(plans: Iterable<Plan>): StartSets {
  const bit = new Map<string, number>();
  const mask = new Uint32Array(128);
  let afterWord = 0;
  for (const p of plans) {
    const c = p.chars;
    if (!c || c.forbidden || bit.has(c.key) || bit.size === 32) continue;
    const b = 1 << bit.size;
    bit.set(c.key, bit.size);
    for (let ch = 0; ch < 128; ch++) if (c.first[ch]) mask[ch] |= b;
    if (p.afterWordChar) afterWord |= b;
  }
  const all = bit.size === 32 ? 0xffffffff : (1 << bit.size) - 1;
  return { bit, mask, all, afterWord };
}

/**
 * A detector's memo key, made once per detector: a Map lookup with a freshly built string
 * hashes all of it (a term list's regex runs to 16 KB), on every draft.
 */
const keys = new WeakMap<CompiledDetector, string>();
export function keyOf(det: CompiledDetector): string {
  let k = keys.get(det);
  if (k === undefined) keys.set(det, (k = `${det.source!}\0${det.flags!}\0${det.group ?? ''}`));
  return k;
}

/** Plans for every regex detector of a rule set, and the one scanner their literals need (built once per rule set). */
export function plansFor(rules: readonly { detectors: CompiledDetector[] }[]): ScannerPlans {
  const analyses = new Map<CompiledDetector, ReturnType<typeof analyzeRegex>>();
  const literals: string[] = [];
  const startLiterals = new Set<string>();
  for (const r of rules) {
    for (const det of r.detectors.flatMap((d) => [d, ...helperRegexes(d).map(asDetector)])) {
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
      plan.starts = {
        mask,
        ids: idsOf(a.prefixes, scanner),
        first: flags.includes('i') ? undefined : firstChars(a.prefixes),
      };
    } else {
      const first = a.first && asciiTable(a.first, flags, true);
      const forbidden =
        needs && a.consumed && !unconditional(a.requirement) ? asciiTable(a.consumed, flags, false) : undefined;
      if (first) {
        const key = `${plan.afterWordChar ? 1 : 0}${first.join('')}`;
        plan.chars = {
          first,
          forbidden,
          anchors: forbidden ? compileAnchors(a.requirement, scanner) : () => [],
          key,
        };
      }
      if (needs) plan.within = compileWithin(a.requirement, scanner);
    }
    plans.set(det, plan);
  }
  return { scanner, plans, starts: startSets(plans.values()) };
}

const idsOf = (literals: string[], scanner: LiteralScanner): number[] => [
  ...new Set(literals.map((l) => scanner.id(l.toLowerCase())!)),
];

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
      return (found) =>
        !mask || ids.length <= found.found.length
          ? ids.some((id) => found.present[id] === 1)
          : found.found.some((id) => mask[id] === 1);
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

/**
 * The literal ids one of which every match contains, chosen per draft: all of an `any`'s, the
 * union over an `or`'s parts, and for an `and` only the part whose literals occur least often
 * in the draft (a match holds an occurrence of each part, so of that one too).
 */
function compileAnchors(r: Requirement, scanner: LiteralScanner): (found: ScanResult) => number[] {
  switch (r.kind) {
    case 'any': {
      const ids = idsOf(r.literals, scanner);
      return () => ids;
    }
    case 'or': {
      const parts = r.parts.map((p) => compileAnchors(p, scanner));
      return (found) => parts.flatMap((p) => p(found));
    }
    case 'and': {
      const parts = r.parts.map((p) => compileAnchors(p, scanner));
      return (found) => {
        let best: number[] = [];
        let fewest = Infinity;
        for (const part of parts) {
          const ids = part(found);
          let n = 0;
          for (const id of ids) if (found.present[id]) n += found.starts[id]?.length ?? 0;
          if (n < fewest) {
            fewest = n;
            best = ids;
          }
        }
        return best;
      };
    }
    default:
      // no condition: nothing anchors a match (plansFor uses no segments then: unconditional)
      throw new Error('compileAnchors: a requirement without a condition has no anchors');
  }
}

/** Does a requirement hold no condition somewhere (TRUE as a part)? */
function unconditional(r: Requirement): boolean {
  return r.kind === 'true' || ((r.kind === 'and' || r.kind === 'or') && r.parts.some(unconditional));
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

export const ASCII_WORD = new Uint8Array(128);
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
          here =
            !mask || ids.length <= found.found.length
              ? ids.filter((id) => found.present[id])
              : found.found.filter((id) => mask[id]);
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
