// Masking: what a report may show of a draft when values are masked (in CI, and whenever
// output is not a terminal). The rule is "show only what phi-lint proved safe":
//
// - A finding's own value is a fixed mask, `***`: no initials, no length, no digits, for
//   every category (an SSN, record, health-plan or account number reveals no part at all).
// - Any other draft text a report quotes — a code frame, the dry-run diff, the HTML report,
//   a message about a directive or a consent, a note — keeps only its punctuation, spacing
//   and the words proved safe: common English words (SCOWL; src/lexicon/safe-words.ts)
//   that are not also a given name, surname or place, plus phi-lint's own vocabulary
//   (categories, placeholders, directive keywords, rule ids in use). Every other word and
//   every number — in any script, Arabic-Indic and full-width digits included — becomes
//   `***` as well.
//
// Masking never depends on what was masked: the same text gives the same output, so a diff
// of two masked texts shows only real changes.
import { CATEGORIES, type Finding } from '../types.js';
import { escapeChar } from './escape.js';
import { englishWords, nameLikeWords } from '../lexicon/common-words.js';

export const MASK = '***';

/** The text spacing and punctuation keep: spaces, tabs, line breaks, punctuation, ASCII symbols. */
const SEPARATOR = /[\p{P}\p{Zs}\t\n\r$+<=>^`|~]/u;
const APOSTROPHE = /['\u2019]/;
/** What follows an apostrophe after a masked word ("***'s", "***'ll"): it reveals nothing. */
const CLITIC = /^(?:s|t|d|m|ll|re|ve)$/i;
const ASCII_WORD = /^[A-Za-z]+(?:['\u2019][A-Za-z]+)?$/;

/** Words of phi-lint's own that reports print around draft text (never PHI). */
const OWN_WORDS = [
  ...CATEGORIES.flatMap((c) => c.split('-')),
  // directive keywords, front-matter keys, placeholders ([RECORD-NUMBER]) and file names
  'phi lint disable enable next line kind post reply consent consents yaml md txt',
  'location ssn mrn record number plan id ip address url visit detail case media',
  // words of phi-lint's own messages (directives, consent, front matter) that SCOWL lacks
  'ledger config inline markdown linted cfr hipaa',
].flatMap((s) => s.split(' '));

const OWN = new Set(OWN_WORDS);

/**
 * Is this word (letters, at most one inner apostrophe) safe to show? A common word that is
 * also a name or a place ("will", "grace", "brown") only when written in lower case.
 */
export function isSafeWord(word: string, extra?: ReadonlySet<string>): boolean {
  if (!ASCII_WORD.test(word)) return false;
  const w = word.toLowerCase().replace('\u2019', "'");
  if (w.length === 1) return w === 'a' || w === 'i';
  const lower = w === word;
  const known = (x: string): boolean =>
    englishWords().has(x) || OWN.has(x) || !!extra?.has(x) || (lower && nameLikeWords().has(x));
  // a possessive of a safe word ("the dentist's chair"); "Will's" stays masked
  return known(w) || (w.endsWith("'s") && known(w.slice(0, -2)));
}

/** The words of the rule ids in use ("names/given-name"): safe in messages about directives. */
export function ruleWords(ruleIds: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ruleIds) for (const w of id.toLowerCase().split(/[^a-z]+/)) if (w) out.add(w);
  return out;
}

const ASCII_SEPARATOR = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_SEPARATOR[c] = SEPARATOR.test(String.fromCharCode(c)) ? 1 : 0;
const isSeparator = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return c < 128 ? ASCII_SEPARATOR[c] === 1 : SEPARATOR.test(ch);
};

/**
 * Walk `text[from, to)` as tokens: runs of separators, and words (runs of anything else,
 * with inner apostrophes). `emit(start, end, kept)` gets each piece; kept is false for a
 * word that is not safe.
 */
function scan(
  text: string,
  from: number,
  to: number,
  extra: ReadonlySet<string> | undefined,
  emit: (start: number, end: number, kept: boolean) => void,
): void {
  let i = from;
  while (i < to) {
    const start = i;
    if (isSeparator(text[i]!)) {
      while (i < to && isSeparator(text[i]!)) i++;
      emit(start, i, true);
      continue;
    }
    while (i < to) {
      if (!isSeparator(text[i]!)) i++;
      else if (APOSTROPHE.test(text[i]!) && i + 1 < to && !isSeparator(text[i + 1]!) && i > start) i++;
      else break;
    }
    // a word is worth a safe-word lookup only when it is short ASCII; anything else is masked
    const word = i - start <= 40 ? text.slice(start, i) : '';
    emit(start, i, isSafeWord(word, extra) || (CLITIC.test(word) && start > from && APOSTROPHE.test(text[start - 1]!)));
  }
}

/** Draft text with every word that is not proved safe (and every number) masked. */
export function maskWords(text: string, extra?: ReadonlySet<string>): string {
  let out = '';
  scan(text, 0, text.length, extra, (s, e, kept) => {
    out += kept ? text.slice(s, e) : MASK;
  });
  return out;
}

/** A finding's value as reports print it. */
export function maskValue(value: string, mask: boolean): string {
  return mask ? MASK : value;
}

/** A message template with `{match}` filled in, masked or not. */
export function renderMessage(template: string, match: string, mask: boolean): string {
  return template.replace(/\{match\}/g, () => maskValue(match, mask));
}

/** phi-lint's own findings (directives, consent, front matter) carry no value: match is empty. */
const isMeta = (ruleId: string): boolean => ruleId.startsWith('phi-lint/');

/**
 * The texts of findings as a report prints them. Messages about directives, consents and
 * front matter, and notes (which name consent ids), may quote the draft: masked, they keep
 * only safe words. Rule messages come from the rule packs and are shown as written, with
 * the value masked.
 */
export interface FindingText {
  mask: boolean;
  /** Words safe in this report besides the common ones (those of the rule ids in use). */
  words?: ReadonlySet<string>;
  message(f: Pick<Finding, 'ruleId' | 'message' | 'match'>): string;
  note(f: Pick<Finding, 'note' | 'match'>): string | undefined;
  value(f: Pick<Finding, 'match'>): string;
  /** Free text taken from a draft (a directive's reason). */
  draftText(s: string): string;
}

export function findingText(mask: boolean, ruleIds: Iterable<string> = []): FindingText {
  const extra = mask ? ruleWords(ruleIds) : undefined;
  const free = (s: string): string => (mask ? maskWords(s, extra) : s);
  return {
    mask,
    words: extra,
    message: (f) => (isMeta(f.ruleId) ? free(f.message) : renderMessage(f.message, f.match, mask)),
    note: (f) => (f.note === undefined ? undefined : free(renderMessage(f.note, f.match, mask))),
    value: (f) => maskValue(f.match, mask),
    draftText: free,
  };
}

export interface Span {
  start: number;
  end: number;
}

/** Sorted, merged copies of spans (touching spans merge too), clipped to [0, max]. */
export function mergeSpans(spans: Iterable<Span>, max: number): Span[] {
  const list: Span[] = [];
  for (const s of spans) {
    const start = Math.max(0, Math.min(s.start, max));
    const end = Math.max(start, Math.min(s.end, max));
    if (end > start) list.push({ start, end });
  }
  list.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * A whole text masked: each `hide` span becomes `***` (one per line it touches, so line
 * breaks stay where they were), `keep` spans are copied as they are (phi-lint's own
 * replacements: placeholders, the reply template), and everything else keeps only safe
 * words. Spans are offsets into `text`; `keep` spans must not overlap each other.
 */
export function maskText(
  text: string,
  hide: Span[],
  keep: (Span & { text: string })[] = [],
  extra?: ReadonlySet<string>,
): string {
  const kept = [...keep].sort((a, b) => a.start - b.start);
  const hidden = mergeSpans(hide, text.length);
  let out = '';
  const words = (from: number, to: number): void => {
    if (to > from) out += maskWords(text.slice(from, to), extra);
  };
  const masked = (from: number, to: number): void => {
    // one mask per line the span touches; the line breaks themselves stay
    const part = text.slice(from, to);
    out += part
      .split(/(\r\n|\r|\n)/)
      .map((p, i) => (i % 2 ? p : p ? MASK : ''))
      .join('');
  };
  // plain text between kept spans, with the hidden spans masked
  const gap = (from: number, to: number): void => {
    let at = from;
    for (const h of hidden) {
      if (h.end <= at) continue;
      if (h.start >= to) break;
      const s = Math.max(h.start, at);
      const e = Math.min(h.end, to);
      words(at, s);
      masked(s, e);
      at = e;
    }
    words(at, to);
  };
  let at = 0;
  for (const k of kept) {
    gap(at, k.start);
    out += k.text;
    at = k.end;
  }
  gap(at, text.length);
  return out;
}

/** A line of a draft as a report shows it, with where each of its characters went. */
export interface ShownLine {
  text: string;
  /** start[i]: where the rendering of character i begins (i = line length: the end). */
  start: Int32Array;
  /** end[i]: where the rendering of character i - 1 ends (end[0] = 0). */
  end: Int32Array;
}

/**
 * Render one line (no line breaks in it): masked, `hide` column spans (0-based, merged)
 * become `***` and other words keep only safe ones; unmasked, control characters are
 * escaped. Tabs become spaces either way.
 */
export function showLine(line: string, mask: boolean, hide: Span[], extra?: ReadonlySet<string>): ShownLine {
  const n = line.length;
  const start = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  const parts: string[] = [];
  let len = 0;
  const put = (from: number, to: number, text: string): void => {
    for (let i = from; i < to; i++) {
      start[i] = len;
      end[i + 1] = len + text.length;
    }
    parts.push(text);
    len += text.length;
  };
  if (!mask) {
    for (let i = 0; i < n; i++) {
      const ch = line[i]!;
      put(i, i + 1, ch === '\t' ? ' ' : escapeChar(ch));
    }
  } else {
    const copy = (from: number, to: number): void => {
      for (let i = from; i < to; i++) put(i, i + 1, line[i] === '\t' ? ' ' : line[i]!);
    };
    const words = (from: number, to: number): void =>
      scan(line, from, to, extra, (s, e, keep) => {
        if (keep) copy(s, e);
        else put(s, e, MASK);
      });
    let at = 0;
    for (const h of hide) {
      if (h.end <= at || h.start >= n) continue;
      const s = Math.max(h.start, at);
      const e = Math.min(h.end, n);
      words(at, s);
      put(s, e, MASK);
      at = e;
    }
    words(at, n);
  }
  start[n] = len;
  return { text: parts.join(''), start, end };
}
