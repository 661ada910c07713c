// The filters a detector's span passes before it is a candidate, each a named test that
// returns true to drop it, in the order lintDocument applies them (the cheap ones first):
// inside an `unless-inside` phrase, blank, failing a validator, matching `exclude-pattern`,
// holding an `exclude-terms` word, a first word not in `first-word-in`, not echoing the
// review (`in-review`), and the rule's own `exclude`. Context, the practice profile and
// co-occurrence come after (context.ts, lint.ts).
import type { Document, Span } from '../documents/document.js';
import type { CompiledDetector, CompiledRule } from '../rules/rule.js';

/** Something collapse changes: white space other than a space, two spaces, or a space at either end. */
const UNCOLLAPSED = /[^\S ]| (?: |$)|^ /;
/** White space that is not a single space between words. */
const RUN = /\s{2,}|[^\S ]\s*/g;

/** The text with each run of white space one space, and none at either end (as `s.replace(/\s+/g, ' ').trim()`). */
export function collapse(s: string): string {
  // Most texts are words and single spaces already: one search, not a rebuild (this runs per
  // candidate and per side of its context); single spaces between words are left in place.
  if (!UNCOLLAPSED.test(s)) return s;
  const t = s.trim();
  return UNCOLLAPSED.test(t) ? t.replace(RUN, ' ') : t;
}

/** `unless-inside`: the span lies inside one of the detector's shelter phrases ("Hugh" in "Hugh Jackman"). */
export function sheltered(shelters: Span[], span: Span): boolean {
  return shelters.length > 0 && shelters.some((p) => p.start <= span.start && span.end <= p.end);
}

/** Nothing but white space was matched. */
export const blank = (text: string): boolean => !text;

/** `validate:` a validator refuses the text (a Luhn check, a calendar date …). */
export const failsValidator = (det: CompiledDetector, text: string): boolean => det.validators.some((v) => !v.fn(text));

/** `exclude-pattern:` finds something in the text. */
export const excludedByPattern = (det: CompiledDetector, text: string): boolean => !!det.excludePattern?.test(text);

/** `exclude-terms:` one of its terms is in the text. */
export const excludedByTerms = (det: CompiledDetector, text: string): boolean => !!det.excludeTerms?.test(text);

function firstWord(s: string): string {
  return (s.match(/^[\p{L}\p{N}][\p{L}\p{N}.-]*/u)?.[0] ?? '').replace(/\.$/, '').toLowerCase();
}

/** `first-word-in:` the text's first word is not one of the listed words. */
export const firstWordNotListed = (det: CompiledDetector, text: string): boolean =>
  !!det.firstWordIn && !det.firstWordIn.has(firstWord(text));

const reviewCache = new WeakMap<Document, string>();
function normalizeEcho(s: string): string {
  const words = s
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[^\p{L}\p{N}'/:.-]+/gu, ' ');
  return ` ${words
    .replace(/(?<=\s|^)[.:'/-]+|[.:'/-]+(?=\s|$)/g, '')
    .replace(/\s+/g, ' ')
    .trim()} `;
}
function normalizedReview(doc: Document): string {
  let r = reviewCache.get(doc);
  if (r === undefined) {
    r = normalizeEcho(doc.review ?? '');
    reviewCache.set(doc, r);
  }
  return r;
}

/** `in-review:` the review the reply answers does not hold the text. */
export const notInReview = (det: CompiledDetector, doc: Document, text: string): boolean =>
  !!det.inReview && !(doc.review && normalizedReview(doc).includes(normalizeEcho(text)));

/** The rule's `exclude:` one of its terms is in the text. */
export const excludedByRule = (rule: CompiledRule, text: string): boolean => !!rule.exclude?.test(text);

/** Every text filter above, in order: does one of them drop the candidate? */
export function dropped(det: CompiledDetector, rule: CompiledRule, doc: Document, text: string): boolean {
  return (
    blank(text) ||
    failsValidator(det, text) ||
    excludedByPattern(det, text) ||
    excludedByTerms(det, text) ||
    firstWordNotListed(det, text) ||
    notInReview(det, doc, text) ||
    excludedByRule(rule, text)
  );
}
