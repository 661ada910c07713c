// windowsOf shortens long runs (white space, or one repeated character) in each chunk with
// a regex; it only runs the regex on chunks that longRuns says a run reaches into. Every
// match of that regex must lie inside a run longRuns reports, and the windows must be those
// of running the regex on every chunk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longRuns, SPACE_RUN, windowsOf } from '../src/regex/scan.js';

const LONG_RUN = new RegExp(`\\s{${SPACE_RUN + 1},}|(\\S)\\1{${SPACE_RUN},}`, 'g');

/** Texts of words, white space of every kind and long runs (of spaces, of one letter, of mixed white space). */
const texts = fc
  .array(
    fc.oneof(
      fc.constantFrom('word', 'a', '.', '\n', ' ', '\u00a0', '\u3000', '\t', 'é', '😀'),
      fc
        .tuple(fc.constantFrom(' ', '-', 'x', '\n', '\u2003', ' \n'), fc.integer({ min: 20, max: 150 }))
        .map(([c, n]) => c.repeat(n)),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('long runs', () => {
  it('every LONG_RUN match lies inside a run longRuns reports', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const runs = longRuns(text);
        for (const m of text.matchAll(LONG_RUN)) {
          const s = m.index;
          const e = s + m[0].length;
          let inside = false;
          for (let k = 0; k < runs.length; k += 2) if (runs[k] <= s && e <= runs[k + 1]) inside = true;
          expect(inside, JSON.stringify(m[0].slice(0, 10))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(longRuns(`a${' '.repeat(SPACE_RUN + 1)}b`)).toEqual([1, SPACE_RUN + 2]);
    expect(longRuns(`a${' '.repeat(SPACE_RUN)}b${'z'.repeat(SPACE_RUN)}`)).toEqual([]);
  });

  it('windows are those of shortening every chunk', () => {
    const sizes = { window: 64, before: 16, after: 32 };
    fc.assert(
      fc.property(texts, (text) => {
        const windows = windowsOf(text, sizes);
        for (const w of windows) {
          const raw = text.slice(w.base, w.end);
          // a chunk the regex would have shortened has cuts; one it would have left alone has none
          const shortened = raw.replace(LONG_RUN, '') !== raw;
          expect(w.cuts.length > 0, JSON.stringify(raw.slice(0, 40))).toBe(shortened);
          if (!shortened) expect(w.chunk).toBe(w.end < text.length ? `${raw}\0` : raw);
        }
      }),
      { numRuns: 300 },
    );
  });
});
