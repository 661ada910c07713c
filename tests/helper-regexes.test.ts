// A detector's helper regexes (its word index's odd terms, its unless-inside phrases) run
// through RegexScan's plans (src/regex/helper-regexes.ts): the spans must be those of a
// plain global scan of the whole text, whether plans are built yet or not, and a budgeted
// regex (a pack that did not ship with phi-lint) runs as itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/documents/load.js';
import { BudgetedRegExp, RuleBudget } from '../src/matchers/budget.js';
import { matchSpans, TermIndex } from '../src/matchers/term-index.js';
import { termsSource } from '../src/matchers/terms.js';
import { asDetector, helperRegexes, scannable } from '../src/regex/helper-regexes.js';
import { RegexScan } from '../src/regex/regex-scan.js';
import { windowsOf } from '../src/regex/scan.js';
import type { CompiledDetector } from '../src/rules/rule.js';

// odd terms (not made of words only) beside plain ones, and a shelter list of phrases and a /regex/ entry
const index = new TermIndex(
  [
    'Clear + Brilliant',
    'H. pylori',
    'nad+ therapy',
    'retinal tear',
    'botox',
    '/\\p{L}{2,}itis/',
    '/(?:left|right)\\s+(?:knee|tear)/',
    '/tear\\s+duct/',
  ],
  { inflect: true },
);
const shelter = termsSource(['Grant Park', 'Hugh Jackman', 'Olivia Newton-John'], { inflect: false })!;
const onlyRegex = termsSource(['/[@#][\\p{L}\\p{N}_.]+/'], { inflect: false })!;
const detector = (extra: Partial<CompiledDetector>): CompiledDetector => ({
  kind: 'terms',
  validators: [],
  ...extra,
});
const dets = [
  detector({ index }),
  detector({ kind: 'pattern', unlessInside: new RegExp(shelter.source, shelter.flags) }),
  detector({ kind: 'pattern', unlessInside: new RegExp(onlyRegex.source, onlyRegex.flags) }),
];
const WORDS = ['Clear', '+', 'Brilliant', 'H.', 'pylori', 'nad+', 'therapy', 'Grant', 'Park', 'Hugh', 'Jackman'];
const MORE = ['Olivia', 'Newton-John', '@jane_doe', '#tbt', 'botox', 'retinal', 'tear', 'the', 'and', '\n', ' '];
const SHAPES = ['left', 'right', 'knee', 'duct', 'bursitis', 'tendinitis', 'itis', 'Left'];

function check(text: string, eager: boolean): void {
  const doc = parseDocument('draft.txt', text, 'post', 'txt');
  const windows = windowsOf(doc.prose);
  const scan = new RegexScan(doc, [{ detectors: dets }], () => windows, { eager });
  for (const re of dets.flatMap(helperRegexes)) {
    expect(scan.helperSpans(re), re.source.slice(0, 60)).toEqual(matchSpans(re, doc.prose));
  }
  expect(scan.termSpans(index)).toEqual(index.find(doc.prose));
}

describe('helper regexes through RegexScan', () => {
  it('are the odd-term regex of a word index and the unless-inside lists', () => {
    expect(index.shapeRegexes).toHaveLength(3); // one regex per /regex/ entry
    expect(dets.flatMap(helperRegexes)).toEqual([
      index.oddRegex,
      ...index.shapeRegexes,
      dets[1].unlessInside,
      dets[2].unlessInside,
    ]);
    expect(asDetector(index.oddRegex!)).toBe(asDetector(index.oddRegex!)); // one detector per regex
  });

  it('give the spans of a global scan of the whole text, with plans and without', () => {
    const text =
      'Clear + Brilliant and H. pylori. Hugh Jackman at Grant Park; @jane_doe #tbt nad+ therapy, ' +
      'Olivia Newton-John, a retinal tear and botox. Left knee bursitis, a right tear duct.';
    check(text, true);
    check(text, false);
    expect(matchSpans(index.oddRegex!, text).length).toBeGreaterThan(0); // the check is not vacuous
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS, ...MORE, ...SHAPES), { maxLength: 60 }),
        fc.boolean(),
        (words, eager) => check(words.join(' '), eager),
      ),
      { numRuns: 150 },
    );
  });

  it('leave a budgeted regex (a pack that did not ship with phi-lint) to run as itself', () => {
    const budget = new RuleBudget('custom/shelter', 50);
    const site = { budget, what: 'unless-inside list', file: 'pack.yaml', line: 1, column: 1 };
    const budgeted = new BudgetedRegExp(shelter.source, shelter.flags, site);
    expect(scannable(budgeted)).toBe(false);
    expect(helperRegexes(detector({ kind: 'pattern', unlessInside: budgeted }))).toEqual([]);
    const doc = parseDocument('draft.txt', 'Hugh Jackman at Grant Park', 'post', 'txt');
    const scan = new RegexScan(doc, [{ detectors: dets }], () => windowsOf(doc.prose), { eager: true });
    expect(scan.helperSpans(budgeted)).toEqual([
      { start: 0, end: 12 },
      { start: 16, end: 26 },
    ]);
  });
});
