// Term and phrase lists → one regular expression: case-insensitive, whole words, with
// plural/possessive forms, spaces in phrases matching any run of white space (prose has
// markup blanked to spaces). Terms are merged into a trie so a list of hundreds of words is
// scanned in one pass without backtracking through every alternative.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { REGEX_TERM } from './term-shapes.js';

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
  const key = createHash('sha256')
    .update(`${caseSensitive}\0${sources.join('\n')}`)
    .digest('base64');
  const src = storedSources().get(key) ?? used.get(key) ?? trieSource(sources, caseSensitive);
  used.set(key, src);
  return src;
}

/** The large tries this process used (the build stores those of the built-in packs). */
export function usedTrieSources(): Record<string, string> {
  return Object.fromEntries(used);
}

/** The source and flags of compileTerms's regular expression (null for an empty list). */
export function termsSource(terms: string[], opts: TermOptions = {}): { source: string; flags: string } | null {
  const all = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  if (!all.length) return null;
  // `/regex/` entries match as written (under the list's case rule), beside the words
  const patterns = all.flatMap((t) => REGEX_TERM.exec(t)?.[1] ?? []);
  const uniq = patterns.length ? all.filter((t) => !REGEX_TERM.test(t)) : all;
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
    regexes.unshift(
      new RegExp(
        `(?<![\\p{L}\\p{N}_])(?:${cachedTrieSource(plain.map((p) => termSource(p, true)))})(?![\\p{L}\\p{N}_])`,
        'iu',
      ),
    );
  }
  return { test: (text: string) => regexes.some((r) => r.test(text)) };
}
