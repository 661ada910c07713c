// Hotword keys (exclude-terms, unless-inside and the context lists) compile their words into one
// regular expression tested on each candidate. A list of tens of thousands of entries there (the
// place names, the given names) made one regex of half a megabyte that took ~0.7 s per test and
// slowed a 150-reply run from 1.5 s to 18 s. Those vocabularies belong in `terms:` detectors,
// which look words up in a hash index (src/matchers/term-index.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const HUGE_LISTS = ['@us-places', '@us-neighbourhoods', '@given-names', '@surnames', '@person-nouns'];
const HOTWORD_KEY =
  /^\s*-?\s*(exclude-terms|unless-inside|require|forbid|raise|lower|require-before|require-after|forbid-before|forbid-after):(.*)$/;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

describe('hotword lists stay small', () => {
  it('no shipped rule uses a vocabulary of tens of thousands of words as hotwords', () => {
    const offending: string[] = [];
    for (const file of yamlFiles('rules')) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = HOTWORD_KEY.exec(line);
          if (m && HUGE_LISTS.some((l) => m[2].includes(`'${l}'`))) offending.push(`${file}:${i + 1} ${m[1]}`);
        });
    }
    expect(offending).toEqual([]);
  });

  it('the check sees an offending line', () => {
    const m = HOTWORD_KEY.exec("        exclude-terms: ['@us-places', Sr]");
    expect(m && HUGE_LISTS.some((l) => m[2].includes(`'${l}'`))).toBe(true);
  });
});
