// `terms:` detectors: words and phrases (and `@list` vocabularies), whole words, plural and
// possessive forms included. A short list is one regular expression (a trie of its terms);
// a gazetteer-sized one is looked up word by word (matchers/terms.ts, TermIndex).
import { BudgetedRegExp } from '../matchers/budget.js';
import { isRegexTerm } from '../matchers/term-shapes.js';
import { TermIndex } from '../matchers/term-index.js';
import { indexParts } from '../matchers/term-index-store.js';
import { termsSource } from '../matchers/terms.js';
import type { DetectorKind } from './kind.js';

/**
 * Gazetteer-sized lists are looked up word by word instead of being compiled into one
 * enormous regular expression (V8 takes half a second to compile a few thousand inflected
 * terms, on every start).
 */
const INDEX_THRESHOLD = 1000;

/** One TermIndex per distinct list in a run: two rules over the same gazetteer share it. */
const indexes = new Map<string, TermIndex>();
const indexOfArray = new WeakMap<string[], Map<string, TermIndex>>();
function termIndex(terms: string[], caseSensitive: boolean, inflect: boolean): TermIndex {
  let byCase = indexOfArray.get(terms);
  const mode = `${caseSensitive}${inflect}`;
  const same = byCase?.get(mode);
  if (same) return same;
  const key = `${mode}\0${terms.join('\n')}`;
  let index = indexes.get(key);
  if (!index) {
    const opts = { caseSensitive, inflect };
    indexes.set(key, (index = new TermIndex(indexParts(key, terms, opts), opts)));
  }
  if (!byCase) indexOfArray.set(terms, (byCase = new Map()));
  byCase.set(mode, index);
  return index;
}

const termList = {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  ],
} as const;

export const terms: DetectorKind = {
  name: 'terms',
  schema: {
    terms: termList,
    'case-sensitive': { type: 'boolean' },
    inflect: { type: 'boolean' },
  },
  doc:
    '| `terms` (+ `case-sensitive`, `inflect`) | words and phrases, whole words, case-insensitive, plural and ' +
    'possessive forms included; `@list` pulls in a vocabulary |',
  compile(raw, det, c) {
    const list = c.expand(['terms'], raw.terms as string | string[]);
    if (!list.length) throw c.error(['terms'], 'terms list is empty');
    const caseSensitive = raw['case-sensitive'] as boolean | undefined;
    const inflect = raw.inflect as boolean | undefined;
    // `/regex/` entries (word shapes: "any word ending in -ectomy") are found by the index too
    const shapes = list.some(isRegexTerm);
    const guard = shapes ? c.site(['terms'], 'terms list') : undefined;
    if (guard) {
      // a user's pack: its shapes run under the rule's budget, in an index of its own
      const makeRegex = (source: string, flags: string): RegExp => new BudgetedRegExp(source, flags, guard);
      det.index = new TermIndex(list, { caseSensitive: !!caseSensitive, inflect: inflect !== false, makeRegex });
      return;
    }
    if (shapes || list.length > INDEX_THRESHOLD) {
      det.index = termIndex(list, !!caseSensitive, inflect !== false);
      return;
    }
    const s = termsSource(list, { caseSensitive, inflect });
    if (!s) throw c.error(['terms'], 'terms list is empty');
    c.lazy(det, 'regex', c.termsRegex(['terms'], s.source, s.flags));
    det.budget = c.termSite(['terms'], 'term list', list);
    det.source = s.source;
    det.flags = s.flags;
  },
  // rules sharing a gazetteer look it up once per document, and rules sharing a list's regex scan it once
  detect: (det, { regexes }) => (det.index ? regexes.termSpans(det.index) : regexes.spans(det)),
  describe: () => 'a list of words and phrases',
  plural: (n) => `${n} lists of words and phrases`,
};
