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
import { ENTITY, entityText, MARK, normaliseCluster, normaliseText, SPECIAL } from './characters.js';
import type { Span } from './position.js';
import { splits } from './splits.js';

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
    if (
      last &&
      last.viewLength === last.sourceLength &&
      last.view + last.viewLength === this.length &&
      last.source + last.sourceLength === from
    ) {
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
