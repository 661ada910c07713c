// The word indexes of the large built-in vocabularies are sorted at build time
// (dist/term-indexes.json, src/matchers/term-index-store.ts): a run restores them instead of
// sorting tens of thousands of terms at every start, and finds exactly what they find.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SortedKeys, TermIndex, termIndexParts } from '../src/matchers/term-index.js';
import { usedIndexParts } from '../src/matchers/term-index-store.js';
import { BUILTIN_RULES_DIR, loadRuleSet } from '../src/rules/load.js';
import { ROOT } from './helpers.js';

describe('stored word indexes', () => {
  it('the build stores the parts the loader computes for every large built-in vocabulary', () => {
    const rules = loadRuleSet([BUILTIN_RULES_DIR]).rules;
    const indexed = rules.flatMap((r) => r.detectors).filter((d) => d.index);
    expect(indexed.length).toBeGreaterThan(3);
    const stored = JSON.parse(readFileSync(join(ROOT, 'dist', 'term-indexes.json'), 'utf8')) as ReturnType<
      typeof usedIndexParts
    >;
    // every distinct index of the shipped packs is stored, as the loader computes it (this process may
    // have loaded other packs' lists too)
    const computed = usedIndexParts();
    expect(stored.format).toBe(computed.format);
    expect(Object.keys(stored.parts)).toHaveLength(new Set(indexed.map((d) => d.index)).size);
    for (const [hash, parts] of Object.entries(stored.parts)) expect(computed.parts[hash]).toEqual(parts);
  });

  it('an index restored from its parts finds what one built from its terms finds', () => {
    const terms = ['Sarah', 'Grant Park', 'root canal', 'X-ray', 'Clear + Brilliant', '/\\p{L}+ectomy/'];
    const text = "Sarah's root canals, an x-ray and a tonsillectomy near Grant Park; Clear + Brilliant too.";
    for (const opts of [{ inflect: true }, { caseSensitive: true }, {}]) {
      const built = new TermIndex(terms, opts);
      const restored = new TermIndex(JSON.parse(JSON.stringify(termIndexParts(terms, opts))) as never, opts);
      expect(restored.find(text)).toEqual(built.find(text));
      expect(built.find(text).length).toBeGreaterThan(1);
    }
  });

  it('one-word keys are stored sorted in code-unit order, so a start needs no Set of them', () => {
    const terms = ['zeta', 'Alpha', 'émile', 'beta', 'Zoë', 'alpha', 'mid-term', 'b'];
    for (const opts of [{ inflect: true }, { caseSensitive: true }]) {
      const keys = termIndexParts(terms, opts).single.split('\n');
      expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(keys.length).toBeGreaterThan(5);
    }
  });

  it('sorted keys are found by binary search', () => {
    const words = ['a', 'ab', 'abc', 'b', 'ba', 'zz', 'Zoë', 'émile', 'mañana', 'x1'];
    const keys = new SortedKeys([...words].sort().join('\n'));
    const probes = [...words, '', 'aa', 'abcd', 'c', 'zzz', 'Z', 'zoë', '\n', 'a\nab', 'émil'];
    for (const w of probes) expect(keys.has(w), w).toBe(words.includes(w));
    expect(keys.keys()).toEqual([...words].sort());
    expect(new SortedKeys('').has('')).toBe(false);
    expect(new SortedKeys('').has('a')).toBe(false);
    expect(new SortedKeys('only').has('only')).toBe(true);
  });

  it('a possessive is looked up as itself and by its base, each answer reused (spans as before the memo)', () => {
    const terms = ['Phoenix’s Rising', 'Phoenix', "Mesa's Best", 'Mesa', 'root canal'];
    const text =
      "Phoenix’s arena, Phoenix’s Rising, MESA'S best and Mesa's sun; root canal's cost, root canals. Phoenix's";
    const found = (opts: { inflect?: boolean; caseSensitive?: boolean }): string[] => {
      const index = new TermIndex(terms, opts);
      index.find(text); // the second look-up uses the answers memoised by the first
      return index.find(text).map((s) => text.slice(s.start, s.end));
    };
    // the spans the index found before startingWith's answers were memoised
    expect(found({})).toEqual(['Phoenix', 'Phoenix’s Rising', "MESA'S best", 'Mesa', 'root canal', 'Phoenix']);
    expect(found({ inflect: true })).toEqual([
      'Phoenix’s',
      'Phoenix’s Rising',
      "MESA'S best",
      "Mesa's",
      "root canal's",
      'root canals',
      "Phoenix's",
    ]);
    expect(found({ caseSensitive: true })).toEqual(['Phoenix', 'Phoenix’s Rising', 'Mesa', 'root canal', 'Phoenix']);
  });

  it('looking words up leaves an index as it serialises (tests compare rule sets as JSON)', () => {
    const show = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x instanceof Set ? [...x] : x));
    const index = new TermIndex(termIndexParts(['Sarah', 'Grant Park', 'root canal'], { inflect: true }), {
      inflect: true,
    });
    const before = show(index);
    // enough look-ups for the keys' Set to be built
    for (let i = 0; i < 300; i++) index.find('Sarah at Grant Park for a root canal, and other words to look up');
    expect(show(index)).toBe(before);
  });
});
