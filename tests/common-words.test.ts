// The common-word lists (src/lexicon/) are looked up by binary search in their text instead of
// a Set built at every start: every listed word is found, and nothing else.
import { describe, expect, it } from 'vitest';
import { englishWords, nameLikeWords, SortedWords } from '../src/lexicon/common-words.js';
import { LOWER_CASE_WORDS, SAFE_WORDS } from '../src/lexicon/safe-words.js';

describe('common words', () => {
  it('finds exactly the words of each list', () => {
    for (const [list, text] of [
      [englishWords(), SAFE_WORDS],
      [nameLikeWords(), LOWER_CASE_WORDS],
    ] as const) {
      const words = text.split(/\s+/).filter(Boolean);
      expect(words.length).toBeGreaterThan(3000);
      const listed = new Set(words);
      for (const w of words) if (!list.has(w)) expect.fail(`"${w}" not found`);
      for (const w of words.slice(0, 2000)) {
        for (const near of [`${w}x`, w.slice(0, -1), `a${w}`, w.toUpperCase(), `${w} `]) {
          if (!listed.has(near)) expect(list.has(near), near).toBe(false);
        }
      }
    }
    expect(englishWords().has('soft')).toBe(true);
    expect(englishWords().has('')).toBe(false);
    expect(englishWords().has('whitfield')).toBe(false);
  });

  it('reads any white space between words, at either end too', () => {
    const list = new SortedWords('\n  apple banana\ncherry\t date  \n');
    expect(['apple', 'banana', 'cherry', 'date'].map((w) => list.has(w))).toEqual([true, true, true, true]);
    expect(['', ' ', 'apples', 'bana', 'zebra', 'aardvark'].some((w) => list.has(w))).toBe(false);
    expect(new SortedWords('').has('a')).toBe(false);
  });

  it('a start looks words up in the text itself: no index of the whole list is built for a few words', () => {
    const text = LOWER_CASE_WORDS;
    const words = text.split(/\s+/).filter(Boolean);
    const listed = new Set(words);
    // a fresh list for each look-up: every answer comes from the search in the text
    for (const w of words) {
      for (const probe of [w, `${w}x`, w.slice(0, -1), `a${w}`, `${w} `]) {
        const list = new SortedWords(text);
        expect(list.has(probe), probe).toBe(listed.has(probe));
        expect((list as unknown as { bounds?: Int32Array }).bounds, probe).toBeUndefined();
      }
    }
    const runs = new SortedWords('  b\n\n d  f \t h\n');
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', ''].filter((w) => runs.has(w))).toEqual(['b', 'd', 'f', 'h']);
  });
});
