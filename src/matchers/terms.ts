// Term and phrase lists → one regular expression: case-insensitive, whole words, with
// plural/possessive forms, spaces in phrases matching any run of white space (prose has
// markup blanked to spaces). Terms are merged into a trie so a list of hundreds of words is
// scanned in one pass without backtracking through every alternative.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface TermOptions {
  caseSensitive?: boolean;
  inflect?: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex source for one term, spaces as \s+, hyphen or space interchangeable. */
/** The plural compileTerms accepts for a term (its last word inflected), or undefined when it takes none. */
export function pluralOf(term: string): string | undefined {
  const t = term.trim();
  if (!/[a-z]$/i.test(t)) return undefined;
  const last = t[t.length - 1].toLowerCase();
  const prev = t[t.length - 2]?.toLowerCase() ?? '';
  if (last === 'y' && !'aeiou'.includes(prev)) return `${t.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(t)) return `${t}es`;
  return `${t}s`;
}

function termSource(term: string, inflect: boolean): string {
  const t = term.trim();
  const parts = t.split(/\s+/).map((w) => escape(w).replace(/\\?-/g, '[-\\s]?'));
  let src = parts.join('\\s+');
  if (inflect && /[a-z]$/i.test(t)) {
    const last = t[t.length - 1].toLowerCase();
    const prev = t[t.length - 2]?.toLowerCase() ?? '';
    if (last === 'y' && !'aeiou'.includes(prev)) src = `${src.slice(0, -1)}(?:y|ies)`;
    else if (/(?:s|x|z|ch|sh)$/i.test(t)) src += '(?:es)?';
    else src += '(?:s)?';
    src += "(?:['’]s)?";
  }
  return src;
}

/**
 * Merge the per-term sources into a prefix tree: leading literal letters and digits shared by
 * several terms are matched once, so a list of thousands of terms (a gazetteer) costs a few
 * character comparisons per word instead of one per term. At each node the branch holding
 * the longest term comes first, so the longest term wins where several match.
 */
function trieSource(sources: string[], caseSensitive = false): string {
  const kids = new Map<string, string[]>();
  const leaves: string[] = [];
  for (const s of sources) {
    const c = s[0];
    if (c !== undefined && /[\p{L}\p{N}]/u.test(c)) {
      const key = caseSensitive ? c : c.toLowerCase();
      const g = kids.get(key) ?? [];
      g.push(s.slice(1));
      kids.set(key, g);
    } else leaves.push(s);
  }
  const alts: { src: string; weight: number }[] = [];
  for (const [c, rest] of kids) {
    const weight = 1 + Math.max(...rest.map((r) => r.length));
    const inner = trieSource(rest, caseSensitive);
    const single = rest.length === 1 || !inner.includes('|');
    alts.push({ src: c + (single ? inner : `(?:${inner})`), weight });
  }
  for (const l of new Set(leaves)) alts.push({ src: l, weight: l.length });
  alts.sort((a, b) => b.weight - a.weight);
  return alts.map((a) => a.src).join('|');
}

/**
 * Trie sources of the built-in vocabularies are computed when phi-lint is built and stored
 * in dist/term-sources.json, keyed by a hash of their terms: building the trie of a list of
 * thousands of names costs tens of milliseconds at every start. Any other list (a user's
 * pack, or a built-in one edited since) is computed as usual.
 */
export const STORED_TERM_SOURCES = new URL('../term-sources.json', import.meta.url);
let stored: Map<string, string> | undefined;
/** Every large trie this process used, stored or computed (what the build stores). */
const used = new Map<string, string>();

function storedSources(): Map<string, string> {
  if (stored) return stored;
  try {
    stored = new Map(Object.entries(JSON.parse(readFileSync(STORED_TERM_SOURCES, 'utf8')) as Record<string, string>));
  } catch {
    stored = new Map(); // not built, or unreadable: compute every trie
  }
  return stored;
}

/** A list this short builds its trie faster than its key can be hashed. */
const STORE_FROM = 50;

/** trieSource, looked up in the build's store first. */
function cachedTrieSource(sources: string[], caseSensitive = false): string {
  if (sources.length < STORE_FROM) return trieSource(sources, caseSensitive);
  const key = createHash('sha256').update(`${caseSensitive}\0${sources.join('\n')}`).digest('base64');
  const src = storedSources().get(key) ?? used.get(key) ?? trieSource(sources, caseSensitive);
  used.set(key, src);
  return src;
}

/** The large tries this process used (the build stores those of the built-in packs). */
export function usedTrieSources(): Record<string, string> {
  return Object.fromEntries(used);
}

/** The source and flags of compileTerms's regular expression (null for an empty list). */
/** A list entry written as `/regex/` or `/regex/flags`. */
const REGEX_ENTRY = /^\/(.+)\/([a-z]*)$/s;

export function termsSource(terms: string[], opts: TermOptions = {}): { source: string; flags: string } | null {
  const all = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  if (!all.length) return null;
  // `/regex/` entries match as written (under the list's case rule), beside the words
  const patterns = all.flatMap((t) => REGEX_ENTRY.exec(t)?.[1] ?? []);
  const uniq = patterns.length ? all.filter((t) => !REGEX_ENTRY.test(t)) : all;
  const sources = uniq.map((t) => termSource(t, opts.inflect ?? true));
  const body = sources.length ? cachedTrieSource(sources, opts.caseSensitive) : '(?!)';
  // A term never ends inside a contraction ("Don" is not in "Don't"), and is never part of an
  // e-mail address, handle, hashtag or URL ("John@gmail.com", "@jane", "/implants").
  const words = `(?<![\\p{L}\\p{N}_@#/])(?:${body})(?![\\p{L}\\p{N}_@]|['’](?:t|ll|re|ve|d|m)(?![\\p{L}])|\\.[\\p{L}\\p{N}]{2})`;
  return {
    source: patterns.length ? `${words}|${patterns.map((p) => `(?:${p})`).join('|')}` : words,
    flags: opts.caseSensitive ? 'gu' : 'giu',
  };
}

export function compileTerms(terms: string[], opts: TermOptions = {}): RegExp | null {
  const s = termsSource(terms, opts);
  return s && new RegExp(s.source, s.flags);
}

/** Something text can be tested against: a compiled hotword list. */
export interface Tester {
  test(text: string): boolean;
}

/** A Tester compiled on its first test (null from `make`: never matches). */
export function lazyTester(make: () => Tester | null): Tester {
  let inner: Tester | undefined;
  return { test: (text) => (inner ??= make() ?? { test: () => false }).test(text) };
}

/**
 * Hotword lists: plain terms (case-insensitive, whole words, inflected) or `/regex/` entries
 * (case-insensitive) or `/regex/flags` entries with exactly those flags (so `/\p{Lu}/u`
 * stays upper-case only).
 */
export function compileHotwords(items: string[] | undefined): Tester | null {
  if (!items?.length) return null;
  const plain: string[] = [];
  const regexes: RegExp[] = [];
  for (const it of items) {
    const m = /^\/(.+)\/([a-z]*)$/s.exec(it);
    // `/re/` is case-insensitive; give flags (`/re/u`) to take control, e.g. for \p{Lu}
    if (m) regexes.push(new RegExp(m[1], m[2] ? `${m[2].replace(/[gyu]/g, '')}u` : 'iu'));
    else plain.push(it);
  }
  if (plain.length) {
    regexes.unshift(new RegExp(`(?<![\\p{L}\\p{N}_])(?:${cachedTrieSource(plain.map((p) => termSource(p, true)))})(?![\\p{L}\\p{N}_])`, 'iu'));
  }
  return { test: (text: string) => regexes.some((r) => r.test(text)) };
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const NEXT_WORD = new RegExp(WORD.source, 'gu');
interface Token {
  start: number;
  end: number;
  key: string;
  /** A possessive's base ("Phoenix" for "Phoenix's"). */
  base?: string;
}
/** The words WORD finds that start with a capital letter (a word starts after no letter, digit or letter-apostrophe). */
const CAPITALISED = /(?<![\p{L}\p{N}]|[\p{L}\p{N}]['’])\p{Lu}[\p{L}\p{N}]*(?:['’][\p{L}\p{N}]+)*/gu;
const JOINER = /^(?:\s+|\s*-\s*)$/;
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
function mergeSpans(a: { start: number; end: number }[], b: { start: number; end: number }[]): { start: number; end: number }[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: { start: number; end: number }[] = [];
  for (const s of all) if (!out.length || s.start >= out[out.length - 1].end) out.push(s);
  return out;
}

/**
 * A term list looked up word by word: each term is filed under its first word, and a scan
 * of the text tries only the terms that start with the word at hand, longest first. Same
 * matches as `compileTerms` without inflection (whole words, any white space or a hyphen
 * between words), at a cost that does not grow with the size of the list.
 */
export class TermIndex {
  /** One-word terms (most of a gazetteer), by key. */
  private single = new Set<string>();
  /** Terms of several words, by their first word, longest first. */
  private multi = new Map<string, string[][]>();
  private caseSensitive: boolean;
  /** Case-sensitive, and every term starts with a capital letter. */
  private upperOnly = true;

  /** Plurals and possessives count, as in compileTerms with inflection: "cataracts", "Tyler's sciatica". */
  private inflect: boolean;

  constructor(terms: string[], opts: { caseSensitive?: boolean; inflect?: boolean } = {}) {
    this.caseSensitive = !!opts.caseSensitive;
    this.inflect = !!opts.inflect;
    // Built at every start from lists of tens of thousands of terms: a one-word term is one
    // Set entry; only terms of several words are split and sorted.
    const spaced = /[\s-]/;
    const upper = /^\p{Lu}/u;
    const seen = new Set<string>();
    const odd: string[] = [];
    for (const raw of terms) {
      const t = raw.trim();
      if (!t) continue;
      // a term with other characters ("Clear + Brilliant") is not made of words: a regex finds it
      if (!WORDS_ONLY.test(t)) {
        odd.push(t);
        continue;
      }
      const plural = this.inflect ? pluralOf(t) : undefined;
      if (!spaced.test(t)) {
        const k = this.key(t);
        this.single.add(k);
        if (plural) this.single.add(this.key(plural));
        if (this.upperOnly && !upper.test(k)) this.upperOnly = false;
        continue;
      }
      if (seen.has(t)) continue;
      seen.add(t);
      const words = t.split(/[\s-]+/).map((w) => this.key(w));
      if (this.upperOnly && !upper.test(words[0])) this.upperOnly = false;
      const variants = [words];
      if (plural) variants.push([...words.slice(0, -1), this.key(plural.split(/[\s-]+/).at(-1)!)]);
      for (const v of variants) {
        const list = this.multi.get(v[0]);
        if (list) list.push(v);
        else this.multi.set(v[0], [v]);
      }
    }
    for (const list of this.multi.values()) if (list.length > 1) list.sort((a, b) => b.length - a.length);
    this.upperOnly &&= this.caseSensitive && !odd.length;
    this.odd = odd.length ? compileTerms(odd, { caseSensitive: this.caseSensitive, inflect: this.inflect }) ?? undefined : undefined;
  }

  /** Terms that are not made of words only, found by one small regex. */
  private odd?: RegExp;

  /** The terms that start with this word, longest first. */
  private startingWith(key: string): string[][] | undefined {
    const multi = this.multi.get(key);
    if (!this.single.has(key)) return multi;
    return multi ? [...multi, [key]] : [[key]];
  }

  private key(w: string): string {
    return this.caseSensitive ? w : w.toLowerCase();
  }

  /** Spans of every term found in the text, left to right, longest at each place. */
  find(text: string): { start: number; end: number }[] {
    // Words are read as the text's tokens, but a match can only start at a word some term
    // starts with: for a capitalised list (names, places) only capitalised words are
    // visited, and the words after one are read only when a term starting there needs them.
    const starts = this.upperOnly ? CAPITALISED : WORD;
    const next = NEXT_WORD;
    const out: { start: number; end: number }[] = [];
    const following: Token[] = [];
    const token = (w: string, start: number): Token => ({ start, end: start + w.length, key: this.key(w), base: /['’]s$/i.test(w) ? this.key(w.slice(0, -2)) : undefined });
    starts.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = starts.exec(text))) {
      // as in compileTerms: never part of an e-mail address, handle, hashtag or URL path
      const before = text.charCodeAt(m.index - 1);
      if (before === 95 || before === 64 || before === 35 || before === 47) continue; // _ @ # /
      // most words start no term: look the word (and a possessive's base) up before reading it as a token
      const w = m[0];
      const k = this.key(w);
      if (!this.single.has(k) && !this.multi.has(k)) {
        const last = w.charCodeAt(w.length - 1);
        const quote = w.charCodeAt(w.length - 2);
        if (!((last === 115 || last === 83) && (quote === 39 || quote === 8217))) continue;
        const base = k.slice(0, -2);
        if (!this.single.has(base) && !this.multi.has(base)) continue;
      }
      const first = token(w, m.index);
      // A possessive ("Phoenix's") still names the place: its base is tried as well.
      const byKey = this.startingWith(first.key);
      const byBase = first.base ? this.startingWith(first.base) : undefined;
      if (!byKey && !byBase) continue;
      following.length = 0;
      /** The k-th word after the first (1-based), read on demand; undefined past the end. */
      const word = (k: number): Token | undefined => {
        while (following.length < k) {
          next.lastIndex = following.length ? following[following.length - 1].end : first.end;
          const w = next.exec(text);
          if (!w) return undefined;
          following.push(token(w[0], w.index));
        }
        return following[k - 1];
      };
      for (const words of [...(byKey ?? []), ...(byBase ?? [])]) {
        const n = words.length;
        let ok = true;
        let prev = first;
        let last = first;
        for (let k = 0; k < n && ok; k++) {
          const tok = k === 0 ? first : word(k);
          if (!tok) {
            ok = false;
            break;
          }
          ok = tok.key === words[k] || (k === n - 1 && tok.base === words[k]);
          if (ok && k > 0) ok = JOINER.test(text.slice(prev.end, tok.start));
          prev = last = tok;
        }
        if (!ok) continue;
        // with inflection a possessive belongs to the match, as in compileTerms
        const end = this.inflect || last.key === words[n - 1] ? last.end : last.end - 2;
        if (text[end] === '_' || text[end] === '@' || /^\.[\p{L}\p{N}]{2}/u.test(text.slice(end, end + 3))) continue;
        out.push({ start: first.start, end });
        starts.lastIndex = last.end;
        break;
      }
    }
    return this.odd ? mergeSpans(out, matchSpans(this.odd, text)) : out;
  }

}
