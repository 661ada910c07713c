// `/regex/` entries of a term list ("word shapes": any word ending in -ectomy): how an entry
// is recognised and how the entries become whole-word regexes beside the list's terms.

/** Is this list entry a `/regex/` or `/regex/flags` entry rather than a term? */
export function isRegexTerm(t: string): boolean {
  return REGEX_TERM.test(t.trim());
}
export const REGEX_TERM = /^\/(.+)\/([a-z]*)$/s;

/**
 * `/regex/` entries of a term list, as whole-word regexes (never inside a word, an e-mail
 * address, handle, hashtag or URL, as for terms): case-insensitive, or with exactly the
 * flags given (`/\p{Lu}{2,}/u` stays upper-case only). One regex per entry: RegexScan runs
 * each only where the literals it needs occur (a phrase shape that starts with "left" or
 * "right" is tried there only), which one alternation of every entry would not allow.
 */
export function shapeRegexes(entries: string[], make: (source: string, flags: string) => RegExp): RegExp[] {
  const seen = new Set<string>();
  const out: RegExp[] = [];
  for (const e of entries) {
    const m = REGEX_TERM.exec(e.trim())!;
    const flags = m[2] ? `${m[2].replace(/[gyud]/g, '')}gu` : 'giu';
    const source = `(?<![\\p{L}\\p{N}_@#/])(?:${m[1]})(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}]{2})`;
    if (seen.has(`${flags}/${source}`)) continue;
    seen.add(`${flags}/${source}`);
    out.push(make(source, flags));
  }
  return out;
}
