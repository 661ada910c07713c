// The reader's view of a draft: what rules match. A published page shows "404-555-0187" for
// `404-**555**-0187`, `404\-555\-0187`, `&#52;04-555-0187` or full-width digits, so matching
// must see that too. The view is built from the source text and which of its characters a
// reader sees (the parsers' visibility mask):
// - hidden runs of inline markup between two visible characters (`**`, `_`, `~~`, a backtick,
//   an escaping backslash, an inline HTML tag) are dropped, so the pieces join; other hidden
//   runs (tags that break text, table pipes, link syntax) become spaces; line breaks stay;
// - visible characters are normalised: HTML entities decoded, format and default-ignorable
//   characters (zero-width space, soft hyphen, word joiner…) dropped, every space character
//   a space, hyphens and minus signs (and dashes between digits) "-", any decimal digit its
//   ASCII digit, compatibility forms (full-width, mathematical, circled) folded (NFKC),
//   Cyrillic and Greek look-alikes inside Latin words made Latin;
// - then a second pass joins what the writer split: a number or address wrapped across a
//   line break, digits spaced out one by one.
// Every view character remembers the source range it came from, so a finding's offsets are
// always offsets into the original file.
import { createRequire } from 'node:module';
import type { Span } from './document.js';

/** A source range and what the reader sees for it, when that is not the range's own text. */
export interface Replacement extends Span {
  text: string;
}

/**
 * A stretch of the view and the source stretch it came from. Equal lengths map character by
 * character; otherwise every view character of the segment maps to the whole source range.
 */
export interface Segment {
  view: number;
  source: number;
  viewLength: number;
  sourceLength: number;
}

export class View {
  /** Use View.build (or View.identity); exported for the builders in this module. */
  constructor(
    readonly text: string,
    /** Segments in order; undefined when the view is the source itself. */
    private readonly segments: Segment[] | undefined,
    /** The view this one was built from (a second pass), if any. */
    private readonly inner?: View,
  ) {}

  static identity(text: string): View {
    return new View(text, undefined);
  }

  /** True when view offsets are source offsets. */
  get isIdentity(): boolean {
    return !this.segments && (!this.inner || this.inner.isIdentity);
  }

  /** The source range a view range [start, end) was read from. */
  toSource(start: number, end: number): Span {
    const s = this.ownStart(start);
    const e = end > start ? this.ownEnd(end) : s;
    return this.inner ? this.inner.toSource(s, Math.max(s, e)) : { start: s, end: Math.max(s, e) };
  }

  /** The view offset where a source offset's text starts (for block and image boundaries). */
  fromSource(offset: number): number {
    const o = this.inner ? this.inner.fromSource(offset) : offset;
    const segs = this.segments;
    if (!segs) return o;
    const g = segs[lastAtOrBefore(segs, 'source', o)];
    if (!g || o < g.source) return 0;
    const into = o - g.source;
    if (into >= g.sourceLength) return g.view + g.viewLength;
    return g.viewLength === g.sourceLength ? g.view + into : g.view;
  }

  private segmentAt(v: number): Segment | undefined {
    const segs = this.segments!;
    let lo = lastAtOrBefore(segs, 'view', v);
    // a deleted stretch has no view characters: the character at v is in the next segment
    while (lo < segs.length - 1 && segs[lo].view + segs[lo].viewLength <= v) lo++;
    return segs[lo];
  }

  private ownStart(v: number): number {
    if (!this.segments) return v;
    const g = this.segmentAt(v);
    if (!g) return v;
    const into = v - g.view;
    if (into >= g.viewLength) return g.source + g.sourceLength;
    return g.viewLength === g.sourceLength ? g.source + into : g.source;
  }

  /** Source end of the view range ending (exclusive) at v. */
  private ownEnd(v: number): number {
    if (!this.segments) return v;
    const g = this.segmentAt(v - 1);
    if (!g) return v;
    const into = v - 1 - g.view;
    if (into >= g.viewLength) return g.source + g.sourceLength;
    return g.viewLength === g.sourceLength ? g.source + into + 1 : g.source + g.sourceLength;
  }

  /**
   * Build a view from source text, a visibility mask (undefined: all visible) and source
   * ranges whose reader's text is given (decoded front matter values).
   */
  static build(source: string, visible?: Uint8Array, replacements: readonly Replacement[] = []): View {
    return rejoin(normalise(source, visible, replacements));
  }
}

/** Index of the last segment whose `key` offset is at or before `at` (0 when none is). */
function lastAtOrBefore(segs: Segment[], key: 'view' | 'source', at: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid][key] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Collects the view text and its segments; adjacent 1:1 copies merge into one segment. */
class Builder {
  parts: string[] = [];
  segments: Segment[] = [];
  length = 0;
  changed = false;

  copy(source: string, from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(source.slice(from, to));
    this.push(from, to - from, to - from);
  }

  /** The source range [from, to) reads as `text` (empty: dropped). */
  replace(from: number, to: number, text: string, source?: string): void {
    if (source !== undefined && text === source.slice(from, to)) return this.copy(source, from, to);
    this.changed = true;
    if (text) this.parts.push(text);
    if (text.length === to - from) {
      // same length: keep the character-by-character mapping
      this.push(from, text.length, text.length);
      return;
    }
    this.segments.push({ view: this.length, source: from, viewLength: text.length, sourceLength: to - from });
    this.length += text.length;
  }

  private push(from: number, viewLength: number, sourceLength: number): void {
    const last = this.segments[this.segments.length - 1];
    if (last && last.viewLength === last.sourceLength && last.view + last.viewLength === this.length && last.source + last.sourceLength === from) {
      last.viewLength += viewLength;
      last.sourceLength += sourceLength;
    } else {
      this.segments.push({ view: this.length, source: from, viewLength, sourceLength });
    }
    this.length += viewLength;
  }

  text(): string {
    return this.parts.join('');
  }
}

/** Hidden runs that only style text: dropping them joins what the reader sees as one word. */
const INLINE_MARKUP =
  /^(?:[*_~`\\]|<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr)(?:\s[^<>]*)?>|<!--(?:(?!-->)[\s\S])*-->)+$/i;

/** Characters of the visible text that may need normalising (ASCII printable text needs none). */
const SPECIAL = /[^\t\n\r\x20-\x25\x27-\x5b\x5d-\x7e]/;
const ENTITY = /&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;

let decodeEntity: ((s: string) => string) | undefined;

/** The HTML entity starting at `at` in `s`: its length and the text it stands for; undefined when there is none. */
export function entityAt(s: string, at: number): { length: number; text: string } | undefined {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(s);
  if (!m) return undefined;
  const text = entityText(m[0]);
  return text === m[0] ? undefined : { length: m[0].length, text };
}

/** An entity's text (`entities`, BSD-2-Clause, markdown-it's own decoder; loaded on the first entity). */
function entityText(s: string): string {
  decodeEntity ??= (createRequire(import.meta.url)('entities') as { decodeHTML: (s: string) => string }).decodeHTML;
  return decodeEntity(s);
}

const HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2043, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x058a, 0x1400, 0x1806, 0x2e17, 0x30a0]);
const DASHES = new Set([0x2013, 0x2014, 0x2015, 0x2e3a, 0x2e3b]);
/** Blocks whose characters fold to ASCII under NFKC without changing a word: full-width, small forms, ligatures, enclosed and mathematical alphanumerics, super- and subscripts, one-dot leaders. */
const FOLD = /[\u2024\u2025\u2070-\u209f\u2460-\u24ff\u2776-\u2793\ufb00-\ufb06\ufe50-\ufe6f\uff01-\uff5e\u00b2\u00b3\u00b9]|\ud835[\udc00-\udfff]|\ud83c[\udd00-\udd0c]/;
// Cyrillic and Greek letters that look like Latin ones: a word that mixes them with Latin
// letters is written to dodge a filter.
const LOOKALIKE: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', α: 'a', ι: 'i', κ: 'k', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const IGNORABLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const SPACE = /\p{Zs}/u;
const DIGIT = /\p{Nd}/u;
const MARK = /\p{M}/u;
const LATIN = /[A-Za-z]/;

/** The ASCII digit of any decimal digit (Unicode's decimal digits come in runs of ten, 0 to 9). */
function asciiDigit(cp: number): string {
  let start = cp;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1)) && cp - start < 60) start--;
  return String((cp - start) % 10);
}

/** First pass: drop or blank hidden markup, normalise visible characters, apply replacements. */
function normalise(source: string, visible: Uint8Array | undefined, replacements: readonly Replacement[]): View {
  const n = source.length;
  if (!visible && !replacements.length && !SPECIAL.test(source) && !source.includes('&') && !source.includes('\\')) {
    return View.identity(source);
  }
  const b = new Builder();
  const isVisible = (i: number): boolean => !visible || visible[i] === 1;
  const visibleAt = (i: number): boolean => i >= 0 && i < n && isVisible(i);
  const range = (from: number, to: number): void => {
    let i = from;
    while (i < to) {
      let j = i;
      if (!isVisible(i)) {
        while (j < to && !isVisible(j)) j++;
        hiddenRun(source, b, i, j, visibleAt);
      } else {
        while (j < to && isVisible(j)) j++;
        visibleRun(source, b, i, j);
      }
      i = j;
    }
  };
  let pos = 0;
  for (const r of [...replacements].sort((x, y) => x.start - y.start)) {
    if (r.start < pos) continue; // overlapping replacements: the first wins
    range(pos, r.start);
    b.replace(r.start, r.end, normaliseText(r.text), source);
    pos = r.end;
  }
  range(pos, n);
  return b.changed ? viewOf(b) : View.identity(source);
}

function viewOf(b: Builder, inner?: View): View {
  return new View(b.text(), b.segments, inner);
}

function hiddenRun(source: string, b: Builder, i: number, j: number, visibleAt: (i: number) => boolean): void {
  const run = source.slice(i, j);
  if (/[\r\n]/.test(run)) {
    b.replace(i, j, run.replace(/[^\r\n]/g, ' '), source);
    return;
  }
  const before = visibleAt(i - 1) ? source[i - 1] : ' ';
  const after = visibleAt(j) ? source[j] : ' ';
  if (!/\s/.test(before) && !/\s/.test(after) && INLINE_MARKUP.test(run)) b.replace(i, j, '');
  else b.replace(i, j, ' '.repeat(j - i), source);
}

function visibleRun(source: string, b: Builder, from: number, to: number): void {
  let i = from;
  let copyFrom = from;
  const flush = (at: number): void => {
    b.copy(source, copyFrom, at);
  };
  while (i < to) {
    const c = source.charCodeAt(i);
    if (c < 0x80 && c !== 0x26 && c !== 0x5c) {
      i++;
      continue;
    }
    if (c === 0x26) {
      // &…; an HTML entity
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(source);
      if (m && i + m[0].length <= to) {
        const text = entityText(m[0]);
        if (text !== m[0]) {
          flush(i);
          b.replace(i, i + m[0].length, normaliseText(text));
          i += m[0].length;
          copyFrom = i;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === 0x5c) {
      // a backslash escaping punctuation inside a word (plain text shows it; it hides nothing)
      const next = source[i + 1] ?? '';
      if (i + 1 < to && /[\p{P}\p{S}]/u.test(next) && i > from && /[\p{L}\p{N}]/u.test(source[i - 1])) {
        flush(i);
        b.replace(i, i + 1, '');
        i++;
        copyFrom = i;
        continue;
      }
      i++;
      continue;
    }
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let k = i + width;
    while (k < to && MARK.test(source[k])) k++; // combining marks belong to their letter
    const cluster = source.slice(i, k);
    const out = normaliseCluster(cluster, cp, source, i, k, from, to);
    if (out !== cluster) {
      flush(i);
      b.replace(i, k, out);
      copyFrom = k;
    }
    i = k;
  }
  flush(to);
}

function normaliseCluster(cluster: string, cp: number, source: string, at: number, end: number, from: number, to: number): string {
  const ch = String.fromCodePoint(cp);
  if (IGNORABLE.test(ch)) return cluster.length > ch.length ? cluster.slice(ch.length).normalize('NFC') : '';
  if (cp === 0x2028 || cp === 0x2029) return '\n';
  if (SPACE.test(ch)) return ' ';
  if (HYPHENS.has(cp)) return '-';
  if (DASHES.has(cp)) {
    const prev = at > from ? source[at - 1] : '';
    const next = end < to ? source[end] : '';
    return /\d/.test(prev) && /\d/.test(next) ? '-' : cluster;
  }
  if (DIGIT.test(ch)) return asciiDigit(cp);
  const look = LOOKALIKE[ch];
  if (look) {
    const prev = at > from ? source[at - 1] : '';
    const next = end < to ? source[end] : '';
    if (LATIN.test(prev) || LATIN.test(next)) return look + cluster.slice(ch.length);
    return cluster;
  }
  if (FOLD.test(ch)) return cluster.normalize('NFKC');
  return cluster.length > ch.length ? cluster.normalize('NFC') : cluster;
}

/** Normalise a decoded entity's text the same way (an entity may spell a full-width digit). */
function normaliseText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  let out = '';
  for (const ch of text) out += normaliseCluster(ch, ch.codePointAt(0)!, ch, 0, ch.length, 0, ch.length);
  return out;
}

// Second pass: what a writer split on purpose or by accident.
// - a line break inside a number, e-mail or web address ("404-555-" / "0187"): dropped after
//   a joining character ("-", "@", "_", "/", or "." between digits), a space between two digits;
// - digits spaced or dotted out one by one ("4 0 4 5 5 5 0 1 8 7"): joined;
// - emphasis characters Markdown leaves as they are, inside a number ("404**-5**55"): dropped;
// - letters standing in for digits inside a number ("4O4-555-Ol87"), numbers spelled out
//   word by word ("four oh four, five five five…") and words typed letter by letter
//   ("S a r a h"): read as the number or word.
// (Addresses spelled out, "jane [at] mail [dot] com", are the phi/email-obfuscated rule's.)
const ALNUM = /[\p{L}\p{N}]/u;
const JOINERS = '-@_/';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Edit extends Span {
  text: string;
}

/** Where the writer split a value (see above), as edits of the first pass's text. */
function splits(text: string): Edit[] {
  const edits: Edit[] = [];
  // line breaks (found by the break itself, then widened over the blanks around it: a
  // pattern that starts with blanks would be quadratic on a long run of spaces)
  const breaks = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = breaks.exec(text))) {
    let s = m.index;
    let e = s + m[0].length;
    while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
    const prev = text[s - 1];
    const next = text[e];
    if (prev === undefined || next === undefined || !ALNUM.test(next)) continue;
    if ((JOINERS.includes(prev) && ALNUM.test(text[s - 2] ?? '')) || (prev === '.' && isDigit(text[s - 2]) && isDigit(next))) {
      edits.push({ start: s, end: e, text: '' });
    } else if (isDigit(prev) && isDigit(next)) edits.push({ start: s, end: e, text: ' ' });
  }
  // digits one by one
  const spacedOut = /\d(?:[ .]\d){6,40}/g;
  while ((m = spacedOut.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (isDigit(text[s - 1]) || isDigit(text[e])) continue;
    for (let i = s + 1; i < e; i += 2) edits.push({ start: i, end: i + 1, text: '' });
  }
  // emphasis characters left inside a number
  const marks = /[*_~`]+/g;
  while ((m = marks.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    const before = /[-.]/.test(text[s - 1] ?? '') ? text[s - 2] : text[s - 1];
    const after = /[-.]/.test(text[e] ?? '') ? text[e + 1] : text[e];
    if (isDigit(before) && isDigit(after)) edits.push({ start: s, end: e, text: '' });
  }
  lookAlikeDigits(text, edits);
  spelledDigits(text, edits);
  spacedLetters(text, edits);
  return edits.sort((x, y) => x.start - y.start);
}

const LOOK_ALIKE_DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', l: '1' };

/** Letters standing in for digits inside a number ("4O4-555-Ol87"): read as the digits. */
function lookAlikeDigits(text: string, edits: Edit[]): void {
  if (!/\d[ .()-]?[OoIl]|[OoIl][ .()-]?\d/.test(text)) return;
  const run = /[0-9OoIl][0-9OoIl() .-]{5,30}[0-9OoIl]/g; // bounded: retried from each start
  let m: RegExpExecArray | null;
  while ((m = run.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (ALNUM.test(text[s - 1] ?? '') || ALNUM.test(text[e] ?? '')) {
      run.lastIndex = s + 1;
      continue;
    }
    const digits = m[0].replace(/\D/g, '').length;
    const letters = m[0].replace(/[^OoIl]/g, '').length;
    // a number with a few letters in it, not words with a digit
    if (digits < 5 || !letters || letters * 2 > digits) continue;
    for (let i = s; i < e; i++) {
      const d = LOOK_ALIKE_DIGIT[text[i]];
      if (d) edits.push({ start: i, end: i + 1, text: d });
    }
  }
}

const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const DIGIT_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const SPELLED = new RegExp(`\\b${DIGIT_WORD}(?:[\\s,.-]{1,3}${DIGIT_WORD}){6,20}\\b`, 'gi');

/** A number spelled out word by word ("four oh four, five five five…"): read as digits, groups kept. */
function spelledDigits(text: string, edits: Edit[]): void {
  SPELLED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPELLED.exec(text))) {
    const base = m.index;
    const words = m[0].match(/[A-Za-z]+/g)!.map((w) => Number(DIGIT_WORDS[w.toLowerCase()]));
    if (words.every((d, i) => i === 0 || d === words[i - 1] + 1)) continue; // counting along, not a number
    const parts = /([A-Za-z]+)|([\s,.-]+)/g;
    let p: RegExpExecArray | null;
    while ((p = parts.exec(m[0]))) {
      const s = base + p.index;
      const e = s + p[0].length;
      if (p[1]) edits.push({ start: s, end: e, text: DIGIT_WORDS[p[1].toLowerCase()] ?? p[1] });
      else edits.push({ start: s, end: e, text: /[,-]/.test(p[2]) ? '-' : '' });
    }
  }
}

/** A word typed letter by letter ("S a r a h", "S.a.r.a.h"): joined; a capital after a small letter starts a new word. */
function spacedLetters(text: string, edits: Edit[]): void {
  const run = /[A-Za-z](?:[ .-][A-Za-z](?![A-Za-z])){3,40}/g; // bounded: retried from each start
  let m: RegExpExecArray | null;
  while ((m = run.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (/[A-Za-z]/.test(text[s - 1] ?? '') || /[A-Za-z]/.test(text[e] ?? '')) {
      run.lastIndex = s + 1;
      continue;
    }
    for (let i = s + 1; i < e; i += 2) {
      const split = /[a-z]/.test(text[i - 1]) && /[A-Z]/.test(text[i + 1]);
      edits.push({ start: i, end: i + 1, text: split ? ' ' : '' });
    }
  }
}

function rejoin(first: View): View {
  const text = first.text;
  const edits = splits(text);
  if (!edits.length) return first;
  const b = new Builder();
  let last = 0;
  for (const ed of edits) {
    if (ed.start < last) continue;
    b.copy(text, last, ed.start);
    b.replace(ed.start, ed.end, ed.text);
    last = ed.end;
  }
  b.copy(text, last, text.length);
  return b.changed ? viewOf(b, first.isIdentity ? undefined : first) : first;
}

