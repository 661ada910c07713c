// Engine pieces the identifier rules rely on: large term lists looked up word by word, lists
// written as blocks of lines, the `@practice` context hotword, and plain-text paragraphs
// with CRLF line ends.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { parseText } from '../src/documents/text.js';
import { compileTerms } from '../src/matchers/terms.js';
import { TermIndex } from '../src/matchers/term-index.js';

const spans = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => m[0]);

describe('TermIndex', () => {
  const terms = ['Social Circle', 'Macon', 'New York', 'New York Mills', 'Winston-Salem', 'Phoenix'];
  const text =
    'From Social Circle to New York Mills, then Winston Salem, New  York and Phoenix’s hospital; not NewYork, Maconite or _Macon.';

  it('finds the same terms as the compiled regular expression', () => {
    const index = new TermIndex(terms, { caseSensitive: true });
    const found = index.find(text).map((s) => text.slice(s.start, s.end));
    expect(found).toEqual(['Social Circle', 'New York Mills', 'Winston Salem', 'New  York', 'Phoenix']);
    const re = compileTerms(terms, { caseSensitive: true, inflect: false })!;
    expect(spans(re, text).filter((s) => s !== 'Phoenix')).toEqual(found.filter((s) => s !== 'Phoenix'));
  });

  it('with inflection finds what the inflected regular expression finds (plurals, possessives, odd terms)', () => {
    const health = [
      'cataract',
      'allergy',
      'sinus',
      'rash',
      'plantar fasciitis',
      'retinal tear',
      'X-ray',
      'Clear + Brilliant',
      'day',
      'brace',
    ];
    const index = new TermIndex(health, { inflect: true });
    const re = compileTerms(health, { inflect: true })!;
    const sample = fc
      .array(
        fc.constantFrom(
          ...health,
          'cataracts',
          'allergies',
          'sinuses',
          'rashes',
          "Tyler's",
          'plantar  fasciitis',
          'retinal-tears',
          'x ray',
          'X-rays',
          "cataract's",
          'days',
          'braces',
          'Clear + Brilliant',
          'and',
          'the',
          'cataractous',
          'allergys',
          ',',
          '.',
          'rash@x.com',
          '#sinus',
          "don't",
        ),
        { maxLength: 12 },
      )
      .map((a) => a.join(' '));
    fc.assert(
      fc.property(sample, (text) => {
        const byIndex = index.find(text).map((x) => text.slice(x.start, x.end));
        // the same spans, except that the index also reads a hyphen where a term has a space ("retinal-tears")
        expect(byIndex.filter((x) => !/\p{L}-\p{L}/u.test(x) || /x-ray/i.test(x))).toEqual(
          spans(re, text).filter((x) => !/\p{L}-\p{L}/u.test(x) || /x-ray/i.test(x)),
        );
        for (const x of spans(re, text)) expect(byIndex).toContain(x);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('is case-insensitive unless told otherwise', () => {
    expect(new TermIndex(['Macon']).find('macon and MACON').length).toBe(2);
    expect(new TermIndex(['Macon'], { caseSensitive: true }).find('macon and MACON').length).toBe(0);
  });

  it('visits only capitalised words for a capitalised list, with the same spans as reading every word', () => {
    // The reference: tokenise the whole text, then try every word (how find() first worked).
    const reference = (list: string[], caseSensitive: boolean, text: string): { start: number; end: number }[] => {
      const key = (w: string) => (caseSensitive ? w : w.toLowerCase());
      const byFirst = new Map<string, string[][]>();
      for (const t of new Set(list.map((x) => x.trim()).filter(Boolean))) {
        const words = t.split(/[\s-]+/).map(key);
        byFirst.set(words[0], [...(byFirst.get(words[0]) ?? []), words]);
      }
      for (const l of byFirst.values()) l.sort((a, b) => b.length - a.length);
      const tokens = [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        key: key(m[0]),
        base: /['’]s$/i.test(m[0]) ? key(m[0].slice(0, -2)) : undefined,
      }));
      const out: { start: number; end: number }[] = [];
      for (let i = 0; i < tokens.length; i++) {
        if (/[_@#/]/.test(text[tokens[i].start - 1] ?? '')) continue;
        const first = tokens[i];
        for (const words of [
          ...(byFirst.get(first.key) ?? []),
          ...(first.base ? (byFirst.get(first.base) ?? []) : []),
        ]) {
          const n = words.length;
          if (i + n > tokens.length) continue;
          let ok = true;
          for (let k = 0; k < n && ok; k++) {
            const tok = tokens[i + k];
            ok = tok.key === words[k] || (k === n - 1 && tok.base === words[k]);
            if (ok && k > 0) ok = /^(?:\s+|\s*-\s*)$/.test(text.slice(tokens[i + k - 1].end, tok.start));
          }
          if (!ok) continue;
          const last = tokens[i + n - 1];
          const end = last.key === words[n - 1] ? last.end : last.end - 2;
          if (text[end] === '_' || text[end] === '@' || /^\.[\p{L}\p{N}]{2}/u.test(text.slice(end, end + 3))) continue;
          out.push({ start: first.start, end });
          i += n - 1;
          break;
        }
      }
      return out;
    };
    const pieces = [
      ...terms,
      ...terms.map((t) => t.toLowerCase()),
      'York',
      'Circle',
      'Salem',
      "O'Macon",
      'Macon’s',
      "rock'N'Macon",
      'Ébène',
      'x',
      '3',
      ' ',
      '  ',
      '-',
      ' - ',
      "'",
      '’',
      '.',
      '.com',
      '_',
      '@',
      '#',
      '/',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean(), (parts, caseSensitive) => {
        const text = parts.join('');
        expect(new TermIndex(terms, { caseSensitive }).find(text)).toEqual(reference(terms, caseSensitive, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('indexes looking up the same and different texts in turn (the words of a text are read once) agree', () => {
    const names = new TermIndex(['Grant', 'Grant Park', 'Macon'], { caseSensitive: true });
    const health = new TermIndex(['crown', 'root canal', 'grant'], { inflect: true });
    const one = 'Grant Park: a crown for Macon, a root canal for grant-writing Maconites.';
    const two = 'macon and Grant; crowns.';
    const words = (t: string, spans: { start: number; end: number }[]): string[] =>
      spans.map((x) => t.slice(x.start, x.end));
    for (let round = 0; round < 2; round++) {
      expect(words(one, names.find(one))).toEqual(['Grant Park', 'Macon']);
      expect(words(one, health.find(one))).toEqual(['Grant', 'crown', 'root canal', 'grant']);
      expect(words(two, names.find(two))).toEqual(['Grant']);
      expect(words(one, names.find(one))).toEqual(['Grant Park', 'Macon']);
      expect(words(two, health.find(two))).toEqual(['Grant', 'crowns']);
    }
  });

  it('finds `/regex/` entries as whole words beside the plain terms (word shapes)', () => {
    const index = new TermIndex(['sciatica', 'plantar fasciitis', '/[a-z]+itis/', '/\\p{Lu}{2,}/u'], { inflect: true });
    const text = 'Her tendonitis and plantar fasciitis, not the Titisee or fasciitises; CBC done, sciatica too.';
    const found = index.find(text).map((s) => text.slice(s.start, s.end));
    expect(found).toEqual(['tendonitis', 'plantar fasciitis', 'CBC', 'sciatica']);
  });

  it('the prefix tree keeps the longest term first', () => {
    const re = compileTerms(['root canal', 'root canal therapy', 'root'], { inflect: false })!;
    expect(spans(re, 'a root canal therapy and a root')).toEqual(['root canal therapy', 'root']);
  });
});

function packDir(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-lint-pack-'));
  writeFileSync(join(dir, 'clinic.yaml'), yaml);
  return dir;
}

describe('rule packs', () => {
  it('a terms detector reads `/regex/` entries of its lists as word patterns, even in a short list', async () => {
    const dir = packDir(`pack: clinic
lists:
  shapes: ['/[a-z]+ectomy/', tonsils]
rules:
  - id: clinic/shape
    category: health-detail
    severity: warning
    message: 'Health word "{match}".'
    why: A procedure.
    detect:
      - terms: ['@shapes']
    examples: { fire: ['a tonsillectomy'], silent: ['a selection'] }
`);
    const linter = createLinter({ rules: [dir], builtin: false });
    const { findings } = await linter.lint('After her appendectomy and tonsils, a /[a-z]+ectomy/ literal.', {
      kind: 'post',
    });
    expect(findings.map((f) => f.match)).toEqual(['appendectomy', 'tonsils']);
  });
  it('a list may be a block of lines, with comments', async () => {
    const dir = packDir(`pack: clinic
lists:
  towns: |
    # one name a line
    Social Circle
    Macon
rules:
  - id: clinic/town
    category: geo
    severity: warning
    message: 'Town "{match}".'
    why: Towns are Safe Harbor identifier (B).
    detect:
      - terms: ['@towns']
        inflect: false
    examples: { fire: ['from Macon'], silent: ['from Atlanta'] }
`);
    const linter = createLinter({ rules: [dir], builtin: false });
    const { findings } = await linter.lint('She drove from Social Circle, not Macon.', { kind: 'post' });
    expect(findings.map((f) => f.match)).toEqual(['Social Circle', 'Macon']);
  });

  it('@practice in context matches the practice name and staff names', async () => {
    const dir = packDir(`pack: clinic
rules:
  - id: clinic/day
    category: date
    severity: error
    message: 'Day "{match}".'
    why: Dates are Safe Harbor identifier (C).
    detect:
      - pattern: '\\b(?:Monday|Friday)\\b'
    context:
      scope: sentence
      forbid: ['@practice']
    examples: { fire: ['see you Monday'], silent: ['Dr. Reyes is back Monday'] }
`);
    const cfg = join(mkdtempSync(join(tmpdir(), 'phi-lint-cfg-')), '.phi-lint.yaml');
    writeFileSync(cfg, 'practice:\n  name: Peachtree Family Dental\n  staff: ["Dr. Anna Reyes", "Nurse Maggie"]\n');
    const linter = createLinter({ rules: [dir], builtin: false, config: cfg });
    const lint = async (t: string): Promise<string[]> =>
      (await linter.lint(t, { kind: 'post' })).findings.map((f) => f.match);
    expect(await lint('We saw you Monday.')).toEqual(['Monday']);
    expect(await lint('Dr. Reyes is back Monday.')).toEqual([]);
    expect(await lint('Maggie is out Friday.')).toEqual([]);
    expect(await lint('Peachtree Family Dental is closed Friday.')).toEqual([]);
    // lower-case words that happen to be staff names are not mentions
    expect(await lint('We will reyes-check on Friday.')).toEqual(['Friday']);
  });
});

describe('plain text paragraphs', () => {
  it('a CRLF is a line break, not a blank line', () => {
    const doc = parseText('a.txt', 'first line\r\nsecond line\r\n\r\nnext paragraph\r\n');
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end).trimEnd())).toEqual([
      'first line\r\nsecond line',
      'next paragraph',
    ]);
  });
});

describe('the phi pack escalation', () => {
  it('a town is a warning alone, and an error with a date and a health detail in the paragraph', async () => {
    const { exampleLinter } = await import('./helpers.js');
    const lint = async (t: string) =>
      (await exampleLinter().lint(t, { kind: 'post' })).findings.filter((f) => f.category === 'geo');
    const weak = await lint('She moved here from Social Circle. Her email is jo.pike@aol.com.');
    expect(weak.map((f) => [f.match, f.severity])).toEqual([['Social Circle', 'warning']]);
    const strong = await lint('A girl from Social Circle came in this fall for her crowns.');
    expect(strong.map((f) => [f.match, f.severity])).toEqual([['Social Circle', 'error']]);
  });
});
