// Common English words that are not names or places (SCOWL levels 10-35, generated into
// ./safe-words.ts; see scripts/gen-safe-words.mjs). The masker shows them; the name rules
// read a capitalised one as an ordinary word ("Soft, hydrated, natural", "Noted.") and not
// as a name. Loaded on first use: the list is ~360 KB of text.
import { LOWER_CASE_WORDS, SAFE_WORDS } from './safe-words.js';

/**
 * A sorted word list (one string, the words separated by white space, in code-unit order, as
 * scripts/gen-safe-words.mjs writes it) looked up by binary search: finding where its 36,000
 * words start takes a millisecond, a Set of them several, on every start.
 */
export class SortedWords {
  /** Start and end of each word (built once enough look-ups have been made). */
  private bounds?: Int32Array;
  private searches = 0;

  constructor(private readonly text: string) {}

  private index(): Int32Array {
    const t = this.text;
    const out: number[] = [];
    let start = -1;
    for (let i = 0; i <= t.length; i++) {
      const c = i < t.length ? t.charCodeAt(i) : 32;
      const space = isSpace(c);
      if (start < 0 && !space) start = i;
      else if (start >= 0 && space) {
        out.push(start, i);
        start = -1;
      }
    }
    return Int32Array.from(out);
  }

  has(word: string): boolean {
    if (!this.bounds && ++this.searches <= TEXT_SEARCHES) return this.searchText(word);
    const b = (this.bounds ??= this.index());
    let lo = 0;
    let hi = b.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = this.text.slice(b[2 * mid], b[2 * mid + 1]);
      if (w === word) return true;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /**
   * Binary search in the text itself, by character position: a start that looks up a few
   * hundred words does not index all 36,000 (a few milliseconds at every start).
   */
  private searchText(word: string): boolean {
    const t = this.text;
    // every word of the text that lies in [lo, hi) lies there whole
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let start = mid;
      while (start > lo && !isSpace(t.charCodeAt(start - 1))) start--;
      let end = mid;
      while (end < hi && !isSpace(t.charCodeAt(end))) end++;
      if (start === end) {
        // on white space: the first word after it
        while (start < hi && isSpace(t.charCodeAt(start))) start++;
        if (start === hi) {
          hi = mid;
          continue;
        }
        end = start;
        while (end < hi && !isSpace(t.charCodeAt(end))) end++;
      }
      const w = t.slice(start, end);
      if (w === word) return true;
      if (w < word) lo = end;
      else hi = start;
    }
    return false;
  }
}

/** Look-ups a SortedWords answers from its text before it indexes its words. */
const TEXT_SEARCHES = 2048;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

let common: SortedWords | undefined;
let lowerOnly: SortedWords | undefined;

/** Common English words that are never names or places ("soft", "society", "noted"). */
export const englishWords = (): SortedWords => (common ??= new SortedWords(SAFE_WORDS));

/** Common words that are also a name or a place ("will", "grace", "brown", "austin"). */
export const nameLikeWords = (): SortedWords => (lowerOnly ??= new SortedWords(LOWER_CASE_WORDS));

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
