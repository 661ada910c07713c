// TermIndex looks a word up by binary search in its sorted keys at first, and in one Set of
// one-word terms and first words once enough words have been looked up (TermIndex.starts): both must
// find the same terms, including a one-word term that also starts a longer one, plurals and
// possessives.
import { describe, expect, it } from 'vitest';
import { TermIndex } from '../src/matchers/term-index.js';

const TERMS = ['retinal tear', 'retina', 'tear duct', 'sciatica', 'plantar fasciitis', 'Grant Park', 'Grant'];
const TEXT =
  'Her retinal tears healed; the retina is fine. A blocked tear duct, sciatica flares and plantar ' +
  "fasciitis. Sciatica's worst at Grant Park, said Grant. Grant's retina's fine. Nothing else: tearing, retinas.";

describe('TermIndex word look-ups', () => {
  it('find the same terms by binary search and, after many look-ups, by one map', () => {
    const index = new TermIndex(TERMS, { inflect: true });
    const first = index.find(TEXT);
    expect(first.map((s) => TEXT.slice(s.start, s.end))).toEqual([
      'retinal tears',
      'retina',
      'tear duct',
      'sciatica',
      'plantar fasciitis',
      "Sciatica's",
      'Grant Park',
      'Grant',
      "Grant's",
      "retina's",
      'retinas',
    ]);
    // thousands of look-ups of words the list does not hold: the map replaces the binary search
    const filler = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    expect(index.find(filler)).toEqual([]);
    expect(index.find(TEXT)).toEqual(first);
    expect(new TermIndex(TERMS, { inflect: true }).find(TEXT)).toEqual(first);
  });
});
