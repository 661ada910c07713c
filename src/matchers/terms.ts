// Term and phrase lists → one regular expression: case-insensitive, whole words, with
// plural/possessive forms, spaces in phrases matching any run of white space (prose has
// markup blanked to spaces). Terms are merged into a trie so a list of hundreds of words is
// scanned in one pass without backtracking through every alternative.

export interface TermOptions {
  caseSensitive?: boolean;
  inflect?: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex source for one term, spaces as \s+, hyphen or space interchangeable. */
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

/** Build a trie over the per-term sources' literal prefixes so shared prefixes are matched once. */
function trieSource(sources: string[]): string {
  // Group by first literal word character to keep the alternation shallow.
  const groups = new Map<string, string[]>();
  for (const s of sources) {
    const key = /^[a-z0-9]/i.test(s) ? s[0].toLowerCase() : '';
    const g = groups.get(key) ?? [];
    g.push(s);
    groups.set(key, g);
  }
  const alts: string[] = [];
  for (const [key, g] of groups) {
    g.sort((a, b) => b.length - a.length);
    if (key && g.length > 1) alts.push(`(?=[${key}${key.toUpperCase()}])(?:${g.join('|')})`);
    else alts.push(...g);
  }
  return alts.join('|');
}

export function compileTerms(terms: string[], opts: TermOptions = {}): RegExp | null {
  const uniq = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  if (!uniq.length) return null;
  const sources = uniq.map((t) => termSource(t, opts.inflect ?? true));
  const body = trieSource(sources);
  // A term never ends inside a contraction ("Don" is not in "Don't"), and is never part of an
  // e-mail address, handle, hashtag or URL ("John@gmail.com", "@jane", "/implants").
  return new RegExp(
    `(?<![\\p{L}\\p{N}_@#/])(?:${body})(?![\\p{L}\\p{N}_@]|['’](?:t|ll|re|ve|d|m)(?![\\p{L}])|\\.[\\p{L}\\p{N}]{2})`,
    opts.caseSensitive ? 'gu' : 'giu',
  );
}

/** Something text can be tested against: a compiled hotword list. */
export interface Tester {
  test(text: string): boolean;
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
    regexes.unshift(new RegExp(`(?<![\\p{L}\\p{N}_])(?:${trieSource(plain.map((p) => termSource(p, true)))})(?![\\p{L}\\p{N}_])`, 'iu'));
  }
  return { test: (text: string) => regexes.some((r) => r.test(text)) };
}
