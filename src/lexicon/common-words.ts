// Common English words that are not names or places (SCOWL levels 10-35, generated into
// ./safe-words.ts; see scripts/gen-safe-words.mjs). The masker shows them; the name rules
// read a capitalised one as an ordinary word ("Soft, hydrated, natural", "Noted.") and not
// as a name. Loaded on first use: the list is ~360 KB of text.
import { LOWER_CASE_WORDS, SAFE_WORDS } from './safe-words.js';

let common: Set<string> | undefined;
let lowerOnly: Set<string> | undefined;

/** Common English words that are never names or places ("soft", "society", "noted"). */
export const englishWords = (): ReadonlySet<string> => (common ??= new Set(SAFE_WORDS.split(/\s+/).filter(Boolean)));

/** Common words that are also a name or a place ("will", "grace", "brown", "austin"). */
export const nameLikeWords = (): ReadonlySet<string> =>
  (lowerOnly ??= new Set(LOWER_CASE_WORDS.split(/\s+/).filter(Boolean)));

/**
 * Is the first word of `text` an ordinary English word, whatever its case? "Oof" and "Ha" are
 * interjections, "Crow" in "Crow's feet" a bird: not names. Words that are also names
 * ("Grace", "Will") are not ordinary here.
 */
export function isOrdinaryWord(text: string): boolean {
  const m = /^\p{L}+(?:['\u2019]\p{L}+)?/u.exec(text.trim());
  if (!m) return false;
  let w = m[0].toLowerCase().replace('\u2019', "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  return w.length > 1 && englishWords().has(w);
}
