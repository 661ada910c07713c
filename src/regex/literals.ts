// What every match of a regex must contain and start with, as literal strings, read from its
// AST (regexpp; see prefilter.ts): per node, the strings it matches exactly, the condition
// any match satisfies, and the prefixes it starts with.
import type { AST } from './ast.js';
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

/**
 * The strings a regex matches, as far as literals tell, from regexpp's AST: a node is exact
 * when it matches one of a few known strings (a word, `[Hh]`, `colou?r`), else it carries the
 * condition its matches satisfy and the prefixes they start with. Anything it does not
 * understand — non-ASCII letters, wide classes, back-references, escapes other than `\s`
 * and identity escapes — is NONE, which imposes nothing.
 */
export class LiteralAnalysis {
  constructor(private readonly ignoreCase: boolean) {}

  /** What the whole pattern matches. */
  pattern(p: AST.Pattern): Info {
    return this.alternation(p.alternatives);
  }

  private alternation(alternatives: AST.Alternative[]): Info {
    // A branch that can never match (`(?!)`, what an empty term list compiles to) adds no match.
    const live = alternatives.filter((a) => !a.elements.some(neverMatches));
    const branches = (live.length ? live : alternatives).map((a) => this.sequence(a.elements));
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

  private sequence(elements: AST.Element[]): Info {
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
    for (const atom of elements.flatMap((e) => this.atoms(e))) {
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

  /**
   * One element of a sequence. An astral character outside Unicode mode's reach is read as
   * its two UTF-16 halves, of which a quantifier repeats the second (as the source reads).
   */
  private atoms(e: AST.Element): Info[] {
    if (e.type === 'Quantifier' && e.element.type === 'Character' && e.element.value > 0xffff) {
      const pair = String.fromCodePoint(e.element.value);
      return [this.literal(pair[0]), this.quantified(this.literal(pair[1]), e.min, e.max)];
    }
    return [e.type === 'Quantifier' ? this.quantified(this.node(e.element), e.min, e.max) : this.node(e)];
  }

  private quantified(atom: Info, min: number, max: number): Info {
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

  private literal(ch: string): Info {
    // Letters with case outside ASCII (their case folding) are left to the regex.
    if (!literalChar(ch)) return NONE;
    return exactInfo(new Set([this.ignoreCase ? ch.toLowerCase() : ch]));
  }

  private node(e: AST.Node): Info {
    switch (e.type) {
      case 'Group':
      case 'CapturingGroup':
        return this.alternation(e.alternatives);
      case 'Assertion':
        return EMPTY; // ^ $ \b \B and look-arounds consume nothing
      case 'Character':
        return this.character(e);
      case 'CharacterSet':
        // White space stands for itself: the scanner sees every white-space character as ' '.
        return e.kind === 'space' && !e.negate ? exactInfo(new Set([' '])) : NONE;
      case 'CharacterClass':
        return this.charClass(e);
      default:
        return NONE; // back-references, v-mode expressions
    }
  }

  private character(c: AST.Character): Info {
    if (ESCAPE_NONE.test(c.raw)) return NONE;
    const s = String.fromCodePoint(c.value);
    if (s.length === 1) return this.literal(s);
    // an astral character: both halves taken literally
    const [hi, lo] = [this.literal(s[0]), this.literal(s[1])];
    return hi.exact && lo.exact ? exactInfo(cross(hi.exact, lo.exact)!) : NONE;
  }

  /** A class is exact when it holds a few printable ASCII characters: [Hh], [-.]. */
  private charClass(c: AST.CharacterClass): Info {
    if (c.negate) return NONE;
    const chars = new Set<string>();
    let wide = false;
    for (const el of c.elements) {
      if (el.type === 'CharacterSet') {
        if (el.kind === 'space' && !el.negate) chars.add(' ');
        else wide = true;
      } else if (el.type === 'Character') {
        if (ESCAPE_NONE.test(el.raw) || el.raw === '\\b') wide = true;
        else {
          for (const ch of String.fromCodePoint(el.value).split('')) {
            if (literalChar(ch)) chars.add(ch);
            else wide = true;
          }
        }
      } else if (el.type === 'CharacterClassRange') {
        const a = el.min.value;
        const b = el.max.value;
        if (ESCAPE_NONE.test(el.min.raw) || ESCAPE_NONE.test(el.max.raw) || el.min.raw === '\\b') wide = true;
        else if (b - a > 8 || !literalChar(String.fromCodePoint(a)) || !literalChar(String.fromCodePoint(b))) {
          wide = true;
        } else for (let k = a; k <= b; k++) chars.add(String.fromCharCode(k));
      } else wide = true;
    }
    if (wide) return NONE;
    const set = new Set([...chars].map((ch) => (this.ignoreCase ? ch.toLowerCase() : ch)));
    return set.size > 0 && set.size <= 4 ? exactInfo(set) : NONE;
  }
}

/**
 * An element that fails wherever it is tried: `(?!)`, a negative look-ahead of the empty
 * string, or a group each of whose branches holds one (`(?:(?!))`).
 */
function neverMatches(e: AST.Element): boolean {
  if (e.type === 'Assertion')
    return e.kind === 'lookahead' && e.negate && e.alternatives.length === 1 && !e.alternatives[0].elements.length;
  if (e.type === 'Group' || e.type === 'CapturingGroup')
    return e.alternatives.every((a) => a.elements.some(neverMatches));
  return false;
}

/** Escapes that stand for a character the analysis does not take literally: \u \x \c \t \n \r \v \f and digits. */
const ESCAPE_NONE = /^\\[0-9uxctnrvf]/;
