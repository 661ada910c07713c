// TermIndex: a vocabulary looked up word by word (a hash of each word run) instead of by one
// alternation regex, and matchSpans, the spans of a regex's matches in a text.
import { compileTerms, pluralOf } from './terms.js';
import { isRegexTerm, shapeRegexes } from './term-shapes.js';
import { wordsOf } from './words.js';

interface Token {
  start: number;
  end: number;
  key: string;
  /** A possessive's base ("Phoenix" for "Phoenix's"). */
  base?: string;
}

const JOINER = /^(?:\s+|\s*-\s*)$/;
/** Does the word end in 's or ’s (as /['’]s$/i)? */
function isPossessive(w: string): boolean {
  const last = w.charCodeAt(w.length - 1);
  const quote = w.charCodeAt(w.length - 2);
  return (last === 115 || last === 83) && (quote === 39 || quote === 8217);
}
/** A term TermIndex can look up word by word: words (letters, digits, apostrophes) joined by white space or hyphens. */
const WORDS_ONLY = /^[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*(?:(?:\s+|\s*-\s*)[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*)*$/u;

/** Every non-empty match of a global regex in the text, left to right. */
export function matchSpans(re: RegExp, text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!m[0].length) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Two left-to-right span lists as one: at a place where both match, the longer span; no overlaps. */
function mergeSpans(
  a: { start: number; end: number }[],
  b: { start: number; end: number }[],
): { start: number; end: number }[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: { start: number; end: number }[] = [];
  for (const s of all) if (!out.length || s.start >= out[out.length - 1].end) out.push(s);
  return out;
}

export interface TermIndexOptions {
  caseSensitive?: boolean;
  inflect?: boolean;
  /** How a `/regex/` entry's regex is made (a user's pack: under its rule's time budget). */
  makeRegex?: (source: string, flags: string) => RegExp;
}

/** What a TermIndex is made of, computed from its terms (or stored by the build: term-index-store.ts). */
export interface TermIndexParts {
  /** The keys of one-word terms and their plurals, one a line, sorted in code-unit order. */
  single: string;
  /** Terms of several words, by the key of their first word. */
  pending: [string, string[]][];
  upperOnly: boolean;
  /** Terms that are not made of words only. */
  odd: string[];
  /** `/regex/` entries. */
  shapes: string[];
}

/** A TermIndex's parts: its terms sorted into one-word keys, phrases by first word, odd terms and shapes. */
export function termIndexParts(terms: string[], opts: TermIndexOptions = {}): TermIndexParts {
  const caseSensitive = !!opts.caseSensitive;
  const inflect = !!opts.inflect;
  const key = (w: string): string => (caseSensitive ? w : w.toLowerCase());
  const single = new Set<string>();
  const pending = new Map<string, string[]>();
  let upperOnly = true;
  const shapes: string[] = [];
  // Built from lists of tens of thousands of terms: a one-word term is one Set entry; only
  // terms of several words are split and sorted.
  const spaced = /[\s-]/;
  const upper = /^\p{Lu}/u;
  const seen = new Set<string>();
  const odd: string[] = [];
  for (const raw of terms) {
    const t = raw.trim();
    if (!t) continue;
    // a `/regex/` entry is a word shape ("any word ending in -ectomy"): matched as a whole word
    if (t.charCodeAt(0) === 47 && isRegexTerm(t)) {
      shapes.push(t);
      continue;
    }
    // a term with other characters ("Clear + Brilliant") is not made of words: a regex finds it
    if (!WORDS_ONLY.test(t)) {
      odd.push(t);
      continue;
    }
    if (!spaced.test(t)) {
      const plural = inflect ? pluralOf(t) : undefined;
      const k = key(t);
      single.add(k);
      if (plural) single.add(key(plural));
      if (upperOnly && !upper.test(k)) upperOnly = false;
      continue;
    }
    if (seen.has(t)) continue;
    seen.add(t);
    // filed under its first word only: split when a draft first has that word (most never do)
    const first = key(t.slice(0, t.search(spaced)));
    if (upperOnly && !upper.test(first)) upperOnly = false;
    const list = pending.get(first);
    if (list) list.push(t);
    else pending.set(first, [t]);
  }
  upperOnly &&= caseSensitive && !odd.length;
  // sorted: a start looks keys up by binary search instead of building a Set of them (SortedKeys)
  return { single: [...single].sort().join('\n'), pending: [...pending], upperOnly, odd, shapes };
}

/**
 * Keys (one a line, sorted in code-unit order) looked up by binary search in their text. A
 * short draft looks up a few hundred words in each of several lists of 5,000 to 20,000 keys:
 * building a Set of them would cost more at each start (about 10 ms) than the look-ups
 * themselves; TermIndex builds one only once it has looked up enough words (starts).
 */
export class SortedKeys {
  constructor(private readonly text: string) {}

  /** Every key, in order. */
  keys(): string[] {
    return this.text ? this.text.split('\n') : [];
  }

  /** Is the key there? */
  has(key: string): boolean {
    const t = this.text;
    // lo and hi are always at the start of a line (or the text's end)
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const start = t.lastIndexOf('\n', mid - 1) + 1;
      let end = t.indexOf('\n', mid);
      if (end < 0) end = t.length;
      const line = t.slice(start, end);
      if (line === key) return true;
      if (line < key) lo = end + 1;
      else hi = start;
    }
    return false;
  }
}

/** Words a TermIndex looks up by binary search before it builds a Set (about a 10 KB draft's words). */
const SORTED_KEYS_SEARCHES = 2048;

/**
 * A term list looked up word by word: each term is filed under its first word, and a scan
 * of the text tries only the terms that start with the word at hand, longest first. Same
 * matches as `compileTerms` without inflection (whole words, any white space or a hyphen
 * between words), at a cost that does not grow with the size of the list.
 */
export class TermIndex {
  /** One-word terms (most of a gazetteer), by key. */
  private single: SortedKeys;
  /** The keys that start a term (see starts), once enough words have been looked up to pay for it. */
  #starters?: Set<string>;
  #searches = 0;
  /** The keys of the first words of terms of several words. */
  private firstWords: Set<string>;
  /** Terms of several words, by their first word, longest first. */
  private multi = new Map<string, string[][]>();
  private caseSensitive: boolean;
  /** Case-sensitive, and every term starts with a capital letter. */
  private upperOnly: boolean;

  /** Plurals and possessives count, as in compileTerms with inflection: "cataracts", "Tyler's sciatica". */
  private inflect: boolean;

  /**
   * `terms`: a list, or what termIndexParts made of one (the build stores the parts of the
   * built-in vocabularies: matchers/term-index-store.ts), with the options it was made with.
   */
  constructor(terms: string[] | TermIndexParts, opts: TermIndexOptions = {}) {
    this.caseSensitive = !!opts.caseSensitive;
    this.inflect = !!opts.inflect;
    const parts = Array.isArray(terms) ? termIndexParts(terms, opts) : terms;
    this.single = new SortedKeys(parts.single);
    this.pending = new Map(parts.pending);
    this.firstWords = new Set(this.pending.keys());
    this.upperOnly = parts.upperOnly;
    // the odd terms' and the shapes' regexes are built on first use: parsing them costs a few
    // milliseconds at every start, and a short draft may never need them
    this.#oddTerms = parts.odd;
    this.#shapeEntries = parts.shapes;
    this.#makeRegex = opts.makeRegex;
  }

  // private (#) fields: a rule set is compared as JSON in tests, and first use must not change it
  readonly #oddTerms: string[];
  readonly #shapeEntries: string[];
  readonly #makeRegex?: (source: string, flags: string) => RegExp;
  #odd?: RegExp | null;
  #shapes?: RegExp[];

  /** The regex of the terms that are not made of words only (RegexScan may run it for `find`). */
  get oddRegex(): RegExp | undefined {
    if (this.#odd === undefined) {
      this.#odd = this.#oddTerms.length
        ? compileTerms(this.#oddTerms, { caseSensitive: this.caseSensitive, inflect: this.inflect })
        : null;
    }
    return this.#odd ?? undefined;
  }

  /** The regexes of the `/regex/` entries, one per entry (RegexScan may run them for `find`). */
  get shapeRegexes(): readonly RegExp[] {
    return (this.#shapes ??= shapeRegexes(
      this.#shapeEntries,
      this.#makeRegex ?? ((source, flags) => new RegExp(source, flags)),
    ));
  }

  /** Terms of several words not split yet, by the key of their first word. */
  private pending: Map<string, string[]>;

  /** The terms of several words that start with this word, longest first (split on first use). */
  private multiFor(key: string): string[][] | undefined {
    const terms = this.pending.get(key);
    if (!terms) return this.multi.get(key);
    this.pending.delete(key);
    const list: string[][] = [];
    for (const t of terms) {
      const words = t.split(/[\s-]+/).map((w) => this.key(w));
      list.push(words);
      // the plural inflects the last word only ("retinal tear" → "retinal tears")
      const plural = this.inflect ? pluralOf(words[words.length - 1]) : undefined;
      if (plural) list.push([...words.slice(0, -1), this.key(plural)]);
    }
    if (list.length > 1) list.sort((a, b) => b.length - a.length);
    this.multi.set(key, list);
    return list;
  }

  /**
   * Does a word (by key) start a term of the list? Binary search in the sorted one-word keys
   * at first; after as many look-ups as a SortedKeys makes before building its Set, one Set of
   * both kinds of keys (one-word terms and first words), so that a word that starts nothing
   * (most words) costs one look-up. Which kind a word starts is asked once per word
   * (startingWith, memoised), by binary search.
   */
  private starts(key: string): boolean {
    const starters = this.#starters;
    if (starters) return starters.has(key);
    if (++this.#searches > SORTED_KEYS_SEARCHES) {
      const set = new Set<string>(this.single.keys());
      for (const k of this.firstWords) set.add(k);
      this.#starters = set;
      return set.has(key);
    }
    return this.single.has(key) || this.firstWords.has(key);
  }

  /** startingWith's answers, by key (a word that starts a term is usually met again). */
  private starting = new Map<string, string[][] | undefined>();

  /** The terms that start with this word, longest first. */
  private startingWith(key: string): string[][] | undefined {
    if (this.starting.has(key)) return this.starting.get(key);
    const multi = this.multiFor(key);
    const all = !this.single.has(key) ? multi : multi ? [...multi, [key]] : [[key]];
    this.starting.set(key, all);
    return all;
  }

  private key(w: string): string {
    return this.caseSensitive ? w : w.toLowerCase();
  }

  /**
   * Spans of every term found in the text, left to right, longest at each place. `scan`, when
   * given, finds the matches of the odd terms' regex and of the shapes (as matchSpans would:
   * RegexScan skips the parts of the text that cannot hold one).
   */
  find(
    text: string,
    scan: (re: RegExp) => { start: number; end: number }[] = (re) => matchSpans(re, text),
  ): { start: number; end: number }[] {
    // Words are the text's tokens (read once per text, shared by every index), but a match can
    // only start at a word some term starts with: for a capitalised list (names, places) only
    // capitalised words are looked up, and the words after one only when a term starting
    // there needs them.
    const words = wordsOf(text);
    const count = words.word.length;
    // the words a match may start at: every word, or (a capitalised list) the capitalised ones
    const visit = this.upperOnly ? words.upper() : undefined;
    const visits = visit ? visit.length : count;
    const out: { start: number; end: number }[] = [];
    /** The word after the last match's last word: the scan goes on from there. */
    let resume = 0;
    // a case-sensitive list reads a shouted word in title case (Words.shouted), unless it has
    // two letters (TO, ON, AL: a state, an initial)
    const keyAt = (i: number): string =>
      !this.caseSensitive
        ? words.lowerAt(i)
        : words.word[i].length > 2 && words.shouted(i)
          ? words.titleAt(i)
          : words.word[i];
    const token = (i: number): Token => {
      const w = words.word[i];
      const start = words.start[i];
      const key = keyAt(i);
      return { start, end: start + w.length, key, base: isPossessive(w) ? key.slice(0, -2) : undefined };
    };
    for (let v = 0; v < visits; v++) {
      const i = visit ? visit[v] : v;
      if (i < resume) continue;
      // as in compileTerms: never part of an e-mail address, handle, hashtag or URL path
      const before = text.charCodeAt(words.start[i] - 1);
      if (before === 95 || before === 64 || before === 35 || before === 47) continue; // _ @ # /
      // most words start no term: look the word (and a possessive's base) up before reading it as a token
      const w = words.word[i];
      const k = keyAt(i);
      if (!this.starts(k)) {
        if (!isPossessive(w)) continue;
        if (!this.starts(k.slice(0, -2))) continue;
      }
      const first = token(i);
      // A possessive ("Phoenix's") still names the place: its base is tried as well.
      const byKey = this.startingWith(first.key);
      const byBase = first.base ? this.startingWith(first.base) : undefined;
      if (!byKey && !byBase) continue;
      const following: Token[] = [];
      /** The k-th word after the first (1-based), read on demand; undefined past the end. */
      const word = (k: number): Token | undefined => {
        if (i + k >= count) return undefined;
        return (following[k - 1] ??= token(i + k));
      };
      for (const terms of byKey && byBase ? [...byKey, ...byBase] : (byKey ?? byBase)!) {
        const n = terms.length;
        let ok = true;
        let prev = first;
        let last = first;
        let lastAt = i;
        for (let k = 0; k < n && ok; k++) {
          const tok = k === 0 ? first : word(k);
          if (!tok) {
            ok = false;
            break;
          }
          ok = tok.key === terms[k] || (k === n - 1 && tok.base === terms[k]);
          if (ok && k > 0) ok = JOINER.test(text.slice(prev.end, tok.start));
          prev = last = tok;
          lastAt = i + k;
        }
        if (!ok) continue;
        // with inflection a possessive belongs to the match, as in compileTerms
        const end = this.inflect || last.key === terms[n - 1] ? last.end : last.end - 2;
        if (text[end] === '_' || text[end] === '@' || /^\.[\p{L}\p{N}]{2}/u.test(text.slice(end, end + 3))) continue;
        out.push({ start: first.start, end });
        resume = lastAt + 1;
        if (!visit) v = lastAt; // the scan goes on after the match's last word
        break;
      }
    }
    const odd = this.oddRegex;
    let all = odd ? mergeSpans(out, scan(odd)) : out;
    for (const re of this.shapeRegexes) all = mergeSpans(all, scan(re));
    return all;
  }
}
