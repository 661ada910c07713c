// Literal prefilters for detector regexes (the idea of RE2's prefilter and of trigram code
// search). Scanning a draft with a rule's regular expression costs about 100 ns a character
// once it uses Unicode classes and a leading look-behind, and a default rule set has dozens
// of them; most rules need a word the draft does not contain. From a regex's source we derive
// a condition on the literal strings every match must contain — "one of (saw, treated) and
// `you`" — and a draft that fails it cannot match, so the regex is not run on it.
//
// Literals are matched against a normalized view of the text in which every white-space
// character is a space, so `\s` is the literal " " here ("had\s+been" needs "had been").
//
// The analysis is conservative: anything it does not understand (non-ASCII characters, wide
// classes, back-references, look-arounds, optional parts) imposes no condition. A condition
// is only ever dropped or weakened, never invented, so the prefilter never hides a match.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A condition on a text: TRUE, a set of alternative literals (one must occur), or and/or. */
export type Requirement =
  | { kind: 'true' }
  | { kind: 'any'; literals: string[] }
  | { kind: 'and'; parts: Requirement[] }
  | { kind: 'or'; parts: Requirement[] };

const TRUE: Requirement = { kind: 'true' };
/** Cross products of alternative literals grow quickly; past this they become conditions. */
const MAX_EXACT = 16;
/** Literals shorter than this are too common to be worth testing (a lone punctuation mark is kept: @, :, #). */
const MIN_LITERAL = 2;
/**
 * A literal with a long run of one character is not used: the windowed scan shortens such
 * runs in the text (matchers/scan.ts), so the literal could match there and not in the text.
 */
const usefulLiteral = (s: string): boolean =>
  (s.length >= MIN_LITERAL || (s.length === 1 && !/[\p{L}\p{N}\s]/u.test(s))) && !LONG_RUN.test(s);
const LONG_RUN = /(.)\1{31}|\s{32}/u;

/**
 * Characters taken literally: printable ASCII, and characters without case (’, –, emoji
 * halves), whose case folding cannot differ from toLowerCase.
 */
export function literalChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1 || code < 0x20 || code === 0x7f) return false;
  return code < 0x7f || (ch.toLowerCase() === ch && ch.toUpperCase() === ch && !/\s/.test(ch));
}
/** Past this an alternative-literal set is not worth keeping (the scanner's automaton grows). */
const MAX_LITERALS = 5000;

interface Info {
  /** The node matches exactly one of these strings (null: not enumerable). */
  exact: Set<string> | null;
  /** What any match of the node must contain (when exact is null). */
  req: Requirement;
  /** Every match of the node starts with one of these strings (null: unknown). */
  prefix: Set<string> | null;
}

const anyOf = (lits: Iterable<string>): Requirement => {
  const l = [...new Set(lits)];
  if (!l.length || !l.every(usefulLiteral)) return TRUE;
  return { kind: 'any', literals: l.sort() };
};

function and(parts: Requirement[]): Requirement {
  const out: Requirement[] = [];
  for (const p of parts) {
    if (p.kind === 'true') continue;
    if (p.kind === 'and') out.push(...p.parts);
    else out.push(p);
  }
  if (!out.length) return TRUE;
  return out.length === 1 ? out[0] : { kind: 'and', parts: out };
}

function or(parts: Requirement[]): Requirement {
  if (!parts.length || parts.some((p) => p.kind === 'true')) return TRUE;
  // Merge plain literal sets: any(a, b) | any(c) = any(a, b, c).
  const lits: string[] = [];
  const rest: Requirement[] = [];
  for (const p of parts) {
    if (p.kind === 'any') lits.push(...p.literals);
    else if (p.kind === 'or') rest.push(...p.parts);
    else rest.push(p);
  }
  const merged = lits.length ? [anyOf(lits), ...rest] : rest;
  return merged.length === 1 ? merged[0] : { kind: 'or', parts: merged };
}

const exactReq = (info: Info): Requirement => (info.exact ? anyOf(info.exact) : info.req);
const NONE: Info = { exact: null, req: TRUE, prefix: null };
const EMPTY: Info = { exact: new Set(['']), req: TRUE, prefix: new Set(['']) };
const exactInfo = (set: Set<string>): Info => ({ exact: set, req: TRUE, prefix: set });
/** Prefix sets may be large (a term list is thousands of words); past this they are dropped. */
const MAX_PREFIXES = 20000;

function cross(a: Set<string>, b: Set<string>, max = MAX_EXACT): Set<string> | null {
  if (a.size * b.size > max) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  /** Top-level alternatives (a leading look-behind guards every match only when there is one). */
  topBranches = 0;

  parse(): Info {
    const info = this.alternation(true);
    if (this.i !== this.src.length) throw new Error('unbalanced');
    return info;
  }

  private peek(): string {
    return this.src[this.i];
  }

  private alternation(top = false): Info {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (top) this.topBranches = branches.length;
    if (branches.length === 1) return branches[0];
    if (branches.every((b) => b.exact)) {
      const all = new Set<string>();
      for (const b of branches) for (const s of b.exact!) all.add(s);
      if (all.size <= MAX_EXACT) return exactInfo(all);
    }
    let prefix: Set<string> | null = new Set<string>();
    for (const b of branches) {
      if (!b.prefix || prefix.size + b.prefix.size > MAX_PREFIXES) {
        prefix = null;
        break;
      }
      for (const x of b.prefix) prefix.add(x);
    }
    return { exact: null, req: or(branches.map(exactReq)), prefix };
  }

  private sequence(): Info {
    let cur: Set<string> | null = new Set(['']);
    const reqs: Requirement[] = [];
    let allExact = true;
    // The prefix grows while the atoms are exact, and takes in the first inexact atom's prefix.
    let prefix: Set<string> | null = new Set(['']);
    let prefixOpen = true;
    const flush = (): void => {
      if (cur) reqs.push(anyOf(cur));
      cur = new Set(['']);
    };
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.literalRun() ?? this.quantified();
      if (prefixOpen) {
        if (atom.exact) {
          const p: Set<string> | null = cross(prefix!, atom.exact, MAX_PREFIXES);
          if (p) prefix = p;
          else prefixOpen = false;
        } else {
          const p: Set<string> | null = atom.prefix && cross(prefix!, atom.prefix, MAX_PREFIXES);
          if (p) prefix = p;
          prefixOpen = false;
        }
      }
      if (atom.exact) {
        const next = cross(cur!, atom.exact);
        if (next) cur = next;
        else {
          flush();
          allExact = false;
          cur = atom.exact;
        }
      } else {
        allExact = false;
        flush();
        reqs.push(atom.req);
      }
    }
    if (allExact) return exactInfo(cur!);
    flush();
    return { exact: null, req: and(reqs), prefix };
  }

  /** A run of plain characters, none quantified ("amelogenesis"), as one exact string: term lists are mostly this. */
  private literalRun(): Info | undefined {
    let j = this.i;
    while (j < this.src.length && PLAIN.test(this.src[j]) && !QUANT.test(this.src[j + 1] ?? '')) j++;
    if (j - this.i < 2) return undefined;
    const run = this.src.slice(this.i, j);
    this.i = j;
    return exactInfo(new Set([this.ignoreCase ? run.toLowerCase() : run]));
  }

  private quantified(): Info {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    const [min, max] = q;
    if (this.peek() === '?') this.i++; // lazy: same strings
    if (min === 0) {
      if (max === 1 && atom.exact && atom.exact.size < MAX_EXACT) return exactInfo(new Set([...atom.exact, '']));
      return { ...NONE, prefix: new Set(['']) };
    }
    if (min === 1 && max === 1) return atom;
    if (atom.exact && min === max && min <= 3) {
      let acc: Set<string> | null = new Set(['']);
      for (let k = 0; k < min && acc; k++) acc = cross(acc, atom.exact);
      if (acc) return exactInfo(acc);
    }
    // At least one repetition: a match starts as the atom does.
    return { exact: null, req: exactReq(atom), prefix: atom.exact ?? atom.prefix };
  }

  /** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` → [min, max]; undefined when none. */
  private quantifier(): [number, number] | undefined {
    const c = this.peek();
    if (c === '*') return this.i++, [0, Infinity];
    if (c === '+') return this.i++, [1, Infinity];
    if (c === '?') return this.i++, [0, 1];
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return undefined; // a literal brace (non-Unicode mode)
      this.i += m[0].length;
      const min = Number(m[1]);
      return [min, m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])];
    }
    return undefined;
  }

  private literal(ch: string): Info {
    // Letters with case outside ASCII (their case folding) are left to the regex.
    if (!literalChar(ch)) return NONE;
    return exactInfo(new Set([this.ignoreCase ? ch.toLowerCase() : ch]));
  }

  private atom(): Info {
    const c = this.src[this.i++];
    switch (c) {
      case '(': {
        let kind: 'group' | 'look' = 'group';
        if (this.src.startsWith('?:', this.i)) this.i += 2;
        else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) (this.i += 2), (kind = 'look');
        else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) (this.i += 3), (kind = 'look');
        else if (this.src.startsWith('?<', this.i)) {
          const end = this.src.indexOf('>', this.i);
          if (end < 0) throw new Error('bad group name');
          this.i = end + 1;
        } else if (this.peek() === '?') throw new Error('unknown group');
        const inner = this.alternation();
        if (this.src[this.i++] !== ')') throw new Error('unclosed group');
        return kind === 'look' ? EMPTY : inner;
      }
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return NONE;
      case ')':
      case '|':
        throw new Error('unexpected');
      default:
        return this.literal(c);
    }
  }

  private escape(): Info {
    const c = this.src[this.i++];
    if (c === undefined) throw new Error('trailing backslash');
    if ('bB'.includes(c)) return EMPTY;
    // White space stands for itself: the scanner sees every white-space character as ' '.
    if (c === 's') return exactInfo(new Set([' ']));
    if ('dDwWS'.includes(c)) return NONE;
    if (c === 'p' || c === 'P') {
      if (this.peek() === '{') this.i = this.src.indexOf('}', this.i) + 1;
      return NONE;
    }
    if (c === 'k') {
      if (this.peek() === '<') this.i = this.src.indexOf('>', this.i) + 1;
      return NONE;
    }
    if (/\d/.test(c)) {
      while (/\d/.test(this.peek() ?? '')) this.i++;
      return NONE; // back-reference (or legacy octal)
    }
    if (c === 'u') {
      const m = /^(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
      if (m) this.i += m[0].length;
      return NONE;
    }
    if (c === 'x') {
      const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
      if (m) this.i += 2;
      return NONE;
    }
    if (c === 'c') {
      this.i++;
      return NONE;
    }
    if ('tnrvf'.includes(c)) return NONE;
    return this.literal(c); // identity escape: \. \( \- …
  }

  /** A class is exact when it holds a few printable ASCII characters: [Hh], [-.]. */
  private charClass(): Info {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const chars = new Set<string>();
    let wide = false;
    while (this.i < this.src.length && this.peek() !== ']') {
      let ch = this.src[this.i++];
      if (ch === '\\') {
        const e = this.src[this.i++];
        if (e === undefined) throw new Error('trailing backslash');
        if (e === 's') {
          chars.add(' ');
          continue;
        }
        if ('dDwWSpPuxc'.includes(e) || /\d/.test(e) || e === 'b' || 'tnrvf'.includes(e)) {
          wide = true;
          if ((e === 'p' || e === 'P') && this.peek() === '{') this.i = this.src.indexOf('}', this.i) + 1;
          if (e === 'u') {
            const m = /^(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
            if (m) this.i += m[0].length;
          }
          if (e === 'x') this.i += 2;
          if (e === 'c') this.i++;
          continue;
        }
        ch = e;
      }
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++; // a range: a-z
        let to = this.src[this.i++];
        if (to === '\\') to = this.src[this.i++];
        const a = ch.charCodeAt(0);
        const b = to.charCodeAt(0);
        if (b - a > 8 || !literalChar(ch) || !literalChar(to)) wide = true;
        else for (let k = a; k <= b; k++) chars.add(String.fromCharCode(k));
        continue;
      }
      if (!literalChar(ch)) wide = true;
      else chars.add(ch);
    }
    if (this.src[this.i++] !== ']') throw new Error('unclosed class');
    if (negated || wide) return NONE;
    const set = new Set([...chars].map((ch) => (this.ignoreCase ? ch.toLowerCase() : ch)));
    return set.size > 0 && set.size <= 4 ? exactInfo(set) : NONE;
  }
}

/** Characters that stand for themselves in a regex source, and may be taken as literals (ASCII letters, digits, a few marks). */
const PLAIN = /^[A-Za-z0-9 ,;:'"!#%&=<>@_~`-]$/;
const QUANT = /^[*+?{]$/;

/** Drop literal sets too large to be worth testing (a weaker condition is still sound). */
function prune(r: Requirement): Requirement {
  switch (r.kind) {
    case 'any':
      return r.literals.length > MAX_LITERALS ? TRUE : r;
    case 'and':
      return and(r.parts.map(prune));
    case 'or':
      return or(r.parts.map(prune));
    default:
      return r;
  }
}

export interface RegexAnalysis {
  /** A literal condition every match satisfies (TRUE when none is known). */
  requirement: Requirement;
  /** The class of a negative look-behind every match starts with (`[\p{L}\p{N}]` in `(?<![\p{L}\p{N}])…`). */
  notAfter?: string;
  /**
   * Every match starts with one of these strings (lower-case when the regex ignores case),
   * none shorter than MIN_PREFIX; undefined when that is not known.
   */
  prefixes?: string[];
  /**
   * The atoms (sources: `\p{Lu}`, `[Hh]`, `a`) one of which consumes a match's first
   * character; undefined when not known (a back-reference, or a match can be empty).
   */
  first?: string[];
  /** The atoms a match consumes (outside look-arounds); undefined when not known. */
  consumed?: string[];
}

/** Prefixes shorter than this occur so often that scanning the whole text is cheaper. */
const MIN_PREFIX = 1;

const analyses = new Map<string, RegexAnalysis>();

/** What every match of `source` (with `flags`) must look like, as far as literals tell (cached: rules share vocabularies). */
export function analyzeRegex(source: string, flags: string): RegexAnalysis {
  const key = `${flags}/${source}`;
  let a = analyses.get(key) ?? storedAnalysis(source, flags);
  if (!a) {
    a = analyze(source, flags);
    analyses.set(key, a);
  }
  return a;
}

/**
 * The build analyses the shipped rules' regexes once (dist/regex-analyses.json), stamped
 * with a hash of this module, so a stale file (the analyser changed since) is never used.
 */
export const STORED_ANALYSES = new URL('../regex-analyses.json', import.meta.url);
let stored: Map<string, RegexAnalysis> | null | undefined;

export function analyserStamp(): string {
  return createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('base64');
}

/** The build's analysis of a regex, if it made one (never computes). */
export function storedAnalysis(source: string, flags: string): RegexAnalysis | undefined {
  if (stored === undefined) {
    stored = null;
    try {
      const file = JSON.parse(readFileSync(fileURLToPath(STORED_ANALYSES), 'utf8')) as { stamp: string; analyses: Record<string, RegexAnalysis> };
      if (file.stamp === analyserStamp()) stored = new Map(Object.entries(file.analyses));
    } catch {
      // not built, or unreadable: analyse on demand
    }
  }
  return stored?.get(`${flags}/${source}`);
}

/** The file the build writes: analyses of these regexes (source as written, and flags), stamped. */
export function analysesFile(regexes: { source: string; flags: string }[]): string {
  const out: Record<string, RegexAnalysis> = {};
  for (const re of regexes) out[`${re.flags}/${re.source}`] = analyze(re.source, re.flags);
  return JSON.stringify({ stamp: analyserStamp(), analyses: out });
}

function analyze(source: string, flags: string): RegexAnalysis {
  let info: Info;
  const parser = new Parser(source, flags.includes('i'));
  try {
    info = parser.parse();
  } catch {
    return { requirement: TRUE };
  }
  const prefix = info.exact ?? info.prefix;
  const prefixes = prefix && prefix.size > 0 && [...prefix].every((p) => p.length >= MIN_PREFIX && !LONG_RUN.test(p)) ? [...prefix] : undefined;
  const lead = /^\(\?<!(\[(?:\\.|[^\]\\])*\])\)/.exec(source);
  const sets = charSets(source);
  return {
    requirement: prune(exactReq(info)),
    prefixes,
    notAfter: lead && parser.topBranches === 1 ? lead[1] : undefined,
    first: sets?.first,
    consumed: sets?.consumed,
  };
}

/**
 * The atoms that can consume a match's first character, and all the atoms a match can
 * consume, as sources that compile on their own (with the regex's flags); undefined for a
 * regex with back-references or one whose matches can be empty.
 */
export function charSets(source: string): { first: string[]; consumed: string[] } | undefined {
  let i = 0;
  let look = 0;
  const consumed = new Set<string>();
  type Item = { first: Set<string>; nullable: boolean };
  const unit = (atom: string): Item => {
    if (look === 0) consumed.add(atom);
    return { first: new Set([atom]), nullable: false };
  };
  const empty = (): Item => ({ first: new Set(), nullable: true });
  const alt = (): Item => {
    const out = seq();
    while (source[i] === '|') {
      i++;
      const b = seq();
      for (const f of b.first) out.first.add(f);
      out.nullable ||= b.nullable;
    }
    return out;
  };
  const seq = (): Item => {
    const out = empty();
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const item = quant(atom());
      if (out.nullable) for (const f of item.first) out.first.add(f);
      out.nullable &&= item.nullable;
    }
    return out;
  };
  const quant = (item: Item): Item => {
    const c = source[i];
    let min = 1;
    if (c === '*' || c === '?') (i++, (min = 0));
    else if (c === '+') i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(i, i + 24));
      if (!m) return item;
      i += m[0].length;
      min = Number(m[1]);
    } else return item;
    if (source[i] === '?') i++;
    return min === 0 ? { first: item.first, nullable: true } : item;
  };
  const atom = (): Item => {
    const start = i;
    const c = source[i++];
    if (c === '(') {
      let isLook = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (/^\?<?[=!]/.test(source.slice(i, i + 3))) {
        i += source[i + 1] === '<' ? 3 : 2;
        isLook = true;
      } else if (source.startsWith('?<', i)) i = source.indexOf('>', i) + 1;
      if (isLook) look++;
      const inner = alt();
      if (isLook) look--;
      if (source[i++] !== ')') throw new Error('unclosed group');
      return isLook ? empty() : inner;
    }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      return unit(source.slice(start, i));
    }
    if (c === '\\') {
      const e = source[i++];
      if (e === 'b' || e === 'B') return empty();
      if (e === 'k' || /[1-9]/.test(e)) throw new Error('back-reference');
      if ((e === 'p' || e === 'P') && source[i] === '{') i = source.indexOf('}', i) + 1;
      else if (e === 'u') i += source[i] === '{' ? source.indexOf('}', i) + 1 - i : 4;
      else if (e === 'x') i += 2;
      else if (e === 'c') i++;
      return unit(source.slice(start, i));
    }
    if (c === '^' || c === '$') return empty();
    if (c === ')' || c === '|' || c === undefined) throw new Error('unexpected');
    // a character: both halves of an astral one
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i < source.length) i++;
    return unit(source.slice(start, i));
  };
  try {
    const top = alt();
    if (i !== source.length || top.nullable) return undefined;
    return { first: [...top.first], consumed: [...consumed] };
  } catch {
    return undefined;
  }
}

/** Every literal a requirement mentions. */
export function literalsOf(r: Requirement, out: string[] = []): string[] {
  if (r.kind === 'any') out.push(...r.literals);
  else if (r.kind === 'and' || r.kind === 'or') for (const p of r.parts) literalsOf(p, out);
  return out;
}

