// What every match of a regex must contain and start with, as literal strings, read from its
// source (see prefilter.ts): a parser of the regex source that works out, per node, the
// strings it matches exactly, the condition any match satisfies, and the prefixes it starts with.
import { and, anyOf, literalChar, or, TRUE, type Requirement } from './requirement.js';

/** Cross products of alternative literals grow quickly; past this they become conditions. */
const MAX_EXACT = 16;

export interface Info {
  /** The node matches exactly one of these strings (null: not enumerable). */
  exact: Set<string> | null;
  /** What any match of the node must contain (when exact is null). */
  req: Requirement;
  /** Every match of the node starts with one of these strings (null: unknown). */
  prefix: Set<string> | null;
}

export const exactReq = (info: Info): Requirement => (info.exact ? anyOf(info.exact) : info.req);
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

export class Parser {
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
