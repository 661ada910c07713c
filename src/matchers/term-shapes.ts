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
 * flags given (`/\p{Lu}{2,}/u` stays upper-case only). Entries with the same flags are
 * joined into one regex.
 */
export function shapeRegexes(entries: string[], make: (source: string, flags: string) => RegExp): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const e of entries) {
    const m = REGEX_TERM.exec(e.trim())!;
    const flags = m[2] ? `${m[2].replace(/[gyud]/g, '')}gu` : 'giu';
    byFlags.set(flags, [...(byFlags.get(flags) ?? []), `(?:${m[1]})`]);
  }
  return [...byFlags].map(([flags, alts]) =>
    make(`(?<![\\p{L}\\p{N}_@#/])(?:${alts.join('|')})(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}]{2})`, flags),
  );
}
