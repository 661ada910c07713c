// Literal prefilters and the scans built on them must never change what a regex finds:
// RegexScan's spans equal the windowed scan's (regex/scan.ts), on the shipped rules' own
// examples mixed and perturbed, and on random texts for hand-written regexes covering the
// syntax — long texts (several windows) and long runs (windows with cuts) included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/documents/load.js';
import { RegexScan } from '../src/regex/regex-scan.js';
import { scanWindows, windowsOf } from '../src/regex/scan.js';
import { LiteralScanner } from '../src/regex/literal-scan.js';
import { analyzeRegex, type Requirement } from '../src/regex/prefilter.js';
import type { CompiledDetector } from '../src/rules/rule.js';
import { join } from 'node:path';
import { ROOT, exampleLinter } from './helpers.js';
import { slow } from './support/tiers.js';

const show = (r: Requirement): string =>
  r.kind === 'true'
    ? 'TRUE'
    : r.kind === 'any'
      ? `any(${r.literals.join(',')})`
      : `${r.kind}(${r.parts.map(show).join(' ')})`;

function detector(source: string, flags: string, group?: string): CompiledDetector {
  return {
    kind: 'pattern',
    regex: new RegExp(source, flags),
    source,
    flags,
    group,
    validators: [],
  } as unknown as CompiledDetector;
}

/** Spans by RegexScan and by a global scan, for every detector, on one text (`rules` is reused: plans are built once per rule list). */
function compare(rules: { detectors: CompiledDetector[] }[], text: string): void {
  const dets = rules[0].detectors;
  const doc = parseDocument('draft.txt', text, 'post', 'txt');
  const windows = windowsOf(doc.prose);
  const scan = new RegexScan(doc, rules, () => windows, { eager: true });
  for (const det of dets) {
    const want = scanWindows(new RegExp(det.regex!.source, det.regex!.flags), windows, det.group);
    expect(
      scan.spans(det),
      `/${det.regex!.source.slice(0, 80)}/${det.regex!.flags} on ${JSON.stringify(text.slice(0, 120))}`,
    ).toEqual(want);
  }
}

describe('regex analysis', () => {
  it('finds the literals every match needs', () => {
    expect(show(analyzeRegex('\\b(?:we|our team)\\s+(?:saw|treated)\\s+you\\b', 'gi').requirement)).toBe(
      'and(any(our team,we) any(saw,treated) any(you))',
    );
    expect(show(analyzeRegex('(?:saw|treated)\\syou', 'gi').requirement)).toBe('any(saw you,treated you)');
    expect(show(analyzeRegex('(?<id>\\d{3}-\\d{2}-\\d{4})', 'g').requirement)).toBe('and(any(-) any(-))');
    expect(show(analyzeRegex('(?<id>\\d{3}\\d{4})', 'g').requirement)).toBe('TRUE');
    expect(show(analyzeRegex('[\\w.]+@[\\w.]+', 'g').requirement)).toBe('any(@)');
    expect(show(analyzeRegex('(?:a|b)c?d', 'g').requirement)).toBe('any(acd,ad,bcd,bd)'); // short alternatives combine
    expect(show(analyzeRegex('[ab]\\wc', 'g').requirement)).toBe('TRUE'); // single letters alone are not worth testing
    expect(show(analyzeRegex('x(?:ab+c)?y', 'g').requirement)).toBe('TRUE');
    expect(show(analyzeRegex('(?:weighs|weighing)\\s+\\d+\\s*(?:lbs?|kg)', 'gi').requirement)).toBe(
      'and(any(weighing,weighs) any(kg,lb,lbs))',
    );
  });

  it('finds the literals every match starts with', () => {
    expect(analyzeRegex('(?<![\\p{L}])(?:[Hh]i|[Hh]ello)\\p{Lu}', 'gu').prefixes?.sort()).toEqual([
      'Hello',
      'Hi',
      'hello',
      'hi',
    ]);
    expect(analyzeRegex('(?:hi|hello)[\\s,]+\\p{Lu}', 'gu').prefixes?.sort()).toEqual([
      'hello ',
      'hello,',
      'hi ',
      'hi,',
    ]);
    expect(analyzeRegex('\\p{Lu}\\p{Ll}+ said', 'gu').prefixes).toBeUndefined();
    expect(analyzeRegex('x[-\\s]?ray', 'gi').prefixes?.sort()).toEqual(['x ray', 'x-ray', 'xray']);
    expect(analyzeRegex('a?b', 'g').prefixes?.sort()).toEqual(['ab', 'b']);
    expect(analyzeRegex('\\w?b', 'g').prefixes).toBeUndefined(); // an optional class: the start is unknown
  });

  it('reads a regex as RegExp does with its flags (regexpp): without u, \\p{Lu} is the letters "p{Lu}"', () => {
    expect(show(analyzeRegex('\\p{Lu}ee', 'g').requirement)).toBe('any(p{Lu}ee)');
    expect(new RegExp('\\p{Lu}ee').test('p{Lu}ee')).toBe(true);
    expect(show(analyzeRegex('\\p{Lu}ee', 'gu').requirement)).toBe('any(ee)');
    expect(analyzeRegex('\\1a', 'g').first).toEqual(['\\1']); // no group: an octal escape, not a back-reference
    expect(analyzeRegex('(a)\\1', 'g').first).toBeUndefined();
  });

  it('leaves out a branch that can never match: `(?!)`, what an empty term list compiles to', () => {
    const shelter = '(?<![\\p{L}])(?:(?!))(?![\\p{L}])|(?:[@#][\\p{L}_]+)';
    expect(show(analyzeRegex(shelter, 'giu').requirement)).toBe('any(#,@)');
    expect(analyzeRegex(shelter, 'giu').prefixes?.sort()).toEqual(['#', '@']);
    // only a look-ahead of nothing at all fails everywhere: (?!x) and (?=) impose nothing
    expect(show(analyzeRegex('(?!x)|ab', 'g').requirement)).toBe('TRUE');
    expect(show(analyzeRegex('(?:(?=)|ab)cd', 'g').requirement)).toBe('any(abcd,cd)');
  });

  it('gives up (no condition) on what it cannot parse', () => {
    expect(analyzeRegex('(?<unclosed', 'g')).toEqual({ requirement: { kind: 'true' } });
  });
});

describe('literal scanner', () => {
  it('reports every occurrence, case-insensitively, white space as a space', () => {
    const s = new LiteralScanner(['he', 'she', 'his', 'hers', 'a b'], new Set(['he', 'she', 'his', 'hers', 'a b']));
    const r = s.scan('uSHErs A\tb ſhe');
    const at = (l: string): number[] | undefined => r.starts[s.id(l)!];
    expect(at('she')).toEqual([1, 11]); // ſ folds to s in /iu regexes
    expect(at('he')).toEqual([2, 12]);
    expect(at('hers')).toEqual([2]);
    expect(at('a b')).toEqual([7]);
    expect(r.present[s.id('his')!]).toBe(0);
  });

  it('agrees with a naive search', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[ab c]{1,4}$/), { minLength: 1, maxLength: 6 }),
        fc.stringMatching(/^[abAB c\t]{0,40}$/),
        (lits, text) => {
          const s = new LiteralScanner(lits, new Set(lits));
          const r = s.scan(text);
          const norm = text.toLowerCase().replace(/\s/g, ' ');
          for (const l of new Set(lits)) {
            const want: number[] = [];
            for (let i = norm.indexOf(l); i >= 0; i = norm.indexOf(l, i + 1)) want.push(i);
            expect(r.starts[s.id(l)!] ?? []).toEqual(want);
          }
        },
      ),
    );
  });
});

describe('RegexScan gives the spans of a global scan', () => {
  const SYNTAX: [string, string, string?][] = [
    ['(?<![\\p{L}\\p{N}])(?<id>(?:[Ww]e|I)\\s+(?:saw|treated)\\s+(?:you|him|her))(?![\\p{L}])', 'dgu', 'id'],
    ['\\b(?:visit|appointment)s?\\b', 'gi'],
    ['(?<![\\w.])(?<id>[a-z0-9]+\\s+at\\s+(?:gmail|yahoo)(?:\\s+dot\\s+com)?)', 'dgi', 'id'],
    ['(?<![\\w+])(?<id>\\(?[2-9]\\d{2}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{4})(?!\\w)', 'dg', 'id'],
    ['[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z]{2,})+', 'g'],
    ['(?:Mr|Mrs|Ms)\\.?\\s+\\p{Lu}\\p{Ll}+', 'gu'],
    ['x[-\\s]?rays?', 'gi'],
    ['(?<=\\bDr\\.\\s)\\p{Lu}\\p{Ll}+', 'gu'],
    ['(?:had|has)\\s+been\\s+(?:seen|treated)[^.,;!?\\n]{0,20}', 'gi'],
    ['^\\s*(?:hi|hello),?\\s+\\w+', 'gim'],
    ['(\\w)\\1', 'g'],
    ['sp?o?t', 'g'],
    ['(?:a|an|one)\\s+(?:boy|girl)', 'gi'],
    ['stage\\s+(?:0|[1-4]|I{1,3}V?|IV)', 'gi'],
    ['’s\\s+(?:visit|exam)', 'gu'],
    // no start literals: run only in windows holding what they need
    ['\\p{Lu}\\p{Ll}*\\s+(?:saw|treated)\\s+(?:you|him)', 'gu'],
    ['[a-z]+\\s+at\\s+gmail(?:\\s+dot\\s+com)?', 'gi'],
    ['\\w+\\s+(?:been|seen)\\s+\\w+', 'g'],
    // segments anchored by the rarer part of each branch ("came" rather than "to")
    ['\\p{Lu}\\p{Ll}+\\s+(?:came\\s+to\\s+(?:us|see\\s+you)|was\\s+(?:seen|treated)\\s+by\\s+(?:us|him))', 'gu'],
    // an unless-inside list of only a /regex/ entry: an empty trie (?!) beside it
    ['(?<![\\p{L}\\p{N}_@#/])(?:(?!))(?![\\p{L}\\p{N}_@])|(?:[@#][\\p{L}\\p{N}_.]+)', 'giu'],
  ];
  const WORDS = [
    'we',
    'We',
    'I',
    'saw',
    'treated',
    'you',
    'him',
    'visit',
    'Visits',
    'appointment',
    'jane',
    'at',
    'gmail',
    'dot',
    'com',
    '404',
    '555',
    '0187',
    'Mr.',
    'Mrs',
    'Dana',
    'Ruiz',
    'x-ray',
    'X ray',
    'xrays',
    'Dr.',
    'had',
    'has',
    'been',
    'seen',
    'hi',
    'Hello',
    'aa',
    'spot',
    'sot',
    'a',
    'an',
    'one',
    'boy',
    'stage',
    'IV',
    'III',
    'Ann’s',
    'exam',
    'ſaw',
    'KELVIN',
    'e@x.org',
    'came',
    'to',
    'us',
    'was',
    'by',
    'Tom',
  ];
  const SEPS = [
    ' ',
    '  ',
    '\n',
    '\t',
    ', ',
    '. ',
    '! ',
    '-',
    '',
    '\u00a0',
    '\r\n',
    ' (',
    ') ',
    ' '.repeat(90),
    '\n'.repeat(70),
    '-'.repeat(80),
  ];
  // up to ~300 words: several 1024-character windows, with long runs in some
  // padded so that matches fall across window boundaries (every 1024 characters)
  const text = fc
    .tuple(
      fc.integer({ min: 0, max: 1100 }),
      fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPS)), { maxLength: 300 }),
    )
    .map(
      ([pad, xs]) => 'q'.repeat(pad % 7) + ' zz'.repeat(Math.floor(pad / 3)) + ' ' + xs.map(([w, s]) => w + s).join(''),
    );

  it('on random texts, for regexes covering the syntax', () => {
    const rules = [{ detectors: SYNTAX.map(([src, flags, group]) => detector(src, flags, group)) }];
    fc.assert(
      fc.property(text, (t) => compare(rules, t)),
      { numRuns: 600 },
    );
  });

  it('for matches that straddle a window boundary', () => {
    const rules = [{ detectors: SYNTAX.map(([src, flags, group]) => detector(src, flags, group)) }];
    for (const phrase of [
      'Dana saw you',
      'We treated him',
      'jane at gmail dot com',
      'has been seen',
      'Mrs Ruiz',
      'an x-ray',
    ]) {
      for (let at = 1000; at < 1030; at++) compare(rules, `${'z'.repeat(at)} ${phrase} and more`);
    }
  });

  slow('on the shipped rules, over their examples mixed and perturbed', () => {
    const dets = exampleLinter()
      .prepared.ctx.rules.flatMap((r) => r.detectors)
      .filter((d) => d.regex);
    const examples = exampleLinter().prepared.ctx.rules.flatMap((r) => [...r.examples.fire, ...r.examples.silent]);
    expect(dets.length).toBeGreaterThan(20);
    // each example alone, then examples joined in random order with random separators and case
    const rules = [{ detectors: dets }];
    for (const e of examples) compare(rules, e);
    const mixed = fc
      .array(
        fc.tuple(fc.constantFrom(...examples), fc.constantFrom(...SEPS), fc.constantFrom('same', 'upper', 'lower')),
        { minLength: 1, maxLength: 40 },
      )
      .map((xs) =>
        xs.map(([e, s, c]) => (c === 'upper' ? e.toUpperCase() : c === 'lower' ? e.toLowerCase() : e) + s).join(''),
      );
    fc.assert(
      fc.property(mixed, (t) => compare(rules, t)),
      { numRuns: 60 },
    );
  });
});

describe("before its plans are built (a short run), RegexScan still gives a global scan's spans", () => {
  slow("skipping regexes by the build's stored analyses only where they cannot match", async () => {
    // dist/: the stored analyses exist only in a build
    const { RegexScan: DistScan } = (await import(
      join(ROOT, 'dist', 'regex', 'regex-scan.js')
    )) as typeof import('../src/regex/regex-scan.js');
    const { storedAnalysis } = (await import(
      join(ROOT, 'dist', 'regex', 'prefilter.js')
    )) as typeof import('../src/regex/prefilter.js');
    const { createLinter } = (await import(join(ROOT, 'dist', 'api.js'))) as typeof import('../src/api.js');
    const rules = createLinter({}).prepared.ctx.rules;
    const dets = rules.flatMap((r) => r.detectors).filter((d) => d.source !== undefined);
    expect(dets.every((d) => storedAnalysis(d.source!, d.flags!))).toBe(true);
    // and the helper regexes RegexScan runs as detectors (odd terms, unless-inside lists)
    const { helperRegexes } = (await import(
      join(ROOT, 'dist', 'regex', 'helper-regexes.js')
    )) as typeof import('../src/regex/helper-regexes.js');
    const helpers = rules.flatMap((r) => r.detectors).flatMap(helperRegexes);
    expect(helpers.length).toBeGreaterThan(5);
    expect(helpers.filter((re) => !storedAnalysis(re.source, re.flags)).map((re) => re.source.slice(0, 60))).toEqual(
      [],
    );
    const examples = rules.flatMap((r) => [...r.examples.fire, ...r.examples.silent]);
    let skipped = 0;
    for (const text of [...examples, examples.join(' '), examples.join('\n').toUpperCase()]) {
      const doc = parseDocument('draft.txt', text, 'post', 'txt');
      const windows = windowsOf(doc.prose);
      const scan = new DistScan(doc, [{ detectors: dets }], () => windows); // a new rule list: no plans, short text
      for (const det of dets) {
        const got = scan.spans(det);
        const want = scanWindows(new RegExp(det.source!, det.flags!), windows, det.group);
        expect(got, det.source!.slice(0, 60)).toEqual(want);
        if (!want.length) skipped++;
      }
    }
    expect(skipped).toBeGreaterThan(0);
  });
});
