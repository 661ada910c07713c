// Sentences, paragraphs and word windows over a document's prose. Computed once per
// document, on demand, and shared by all rules.
import type { Document, Span } from '../documents/document.js';
import { windowsOf, type Window } from '../regex/scan.js';

const ABBREV =
  /(?:\b(?:[Dd]r|Mr|Mrs|Ms|Mx|St|Ave|Rd|Blvd|Jr|Sr|Prof|Rev|No|no|vs|etc|approx|Apt|Ste|Inc|Ltd|Co|Mt|Ft|a\.m|p\.m|e\.g|i\.e|U\.S)|\b[A-Z])\.$/;

function upperBound(arr: number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is the character at i a letter or digit (/[\p{L}\p{N}]/u)? ASCII without a regex. */
function alnum(p: string, i: number): boolean {
  const c = p.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /[\p{L}\p{N}]/u.test(p[i]);
}

/** Is the character at i part of a word (/[\p{L}\p{N}'’_-]/u)? ASCII without a regex. */
function wordChar(p: string, i: number): boolean {
  const c = p.charCodeAt(i);
  if (c < 128) return alnum(p, i) || c === 39 || c === 95 || c === 45;
  return /[\p{L}\p{N}'’_-]/u.test(p[i]);
}

export class Structure {
  private sentenceStarts?: number[];
  private scanWindows?: Window[];
  private blockStarts: number[];
  private blockEnds: number[];

  constructor(readonly doc: Document) {
    const blocks = doc.blocks.length ? doc.blocks : [{ start: 0, end: doc.text.length }];
    this.blockStarts = blocks.map((b) => b.start);
    this.blockEnds = blocks.map((b) => b.end);
  }

  /** The prose cut into bounded windows for pattern detectors (see scan.ts). */
  windows(): Window[] {
    this.scanWindows ??= windowsOf(this.doc.prose);
    return this.scanWindows;
  }

  /** The block (paragraph, heading, cell…) holding an offset. */
  paragraph(offset: number): Span {
    const i = Math.max(0, upperBound(this.blockStarts, offset) - 1);
    const end = this.blockEnds[i];
    if (offset > end) {
      // between blocks: a span of its own
      return { start: end, end: this.blockStarts[i + 1] ?? this.doc.text.length };
    }
    return { start: this.blockStarts[i], end };
  }

  private sentences(): number[] {
    if (this.sentenceStarts) return this.sentenceStarts;
    const prose = this.doc.prose;
    const starts = new Set<number>([0, ...this.blockStarts]);
    for (const e of this.blockEnds) starts.add(e);
    // A run of marks or line breaks is tried from its first character only (the
    // lookbehinds), and the scan resumes after the white space it skips: both keep this
    // linear on a long run ("!!!!…", a megabyte of blank lines).
    const re = /(?<![.!?…])[.!?…]+["'”’)\]]*(?=\s)|\n[ \t\r]*\n|(?<![\r\n])[\r\n]+(?=[ \t]*(?:[-*•·]|\d+[.)])\s)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(prose))) {
      const end = m.index + m[0].length;
      if (m[0][0] === '.' && ABBREV.test(prose.slice(Math.max(0, m.index - 5), m.index + 1))) continue;
      let s = end;
      while (s < prose.length && /\s/.test(prose[s])) s++;
      starts.add(s);
      re.lastIndex = Math.max(re.lastIndex, s);
    }
    this.sentenceStarts = [...starts].sort((a, b) => a - b);
    return this.sentenceStarts;
  }

  /** The sentence holding an offset, never wider than its block. */
  sentence(offset: number): Span {
    const st = this.sentences();
    const i = Math.max(0, upperBound(st, offset) - 1);
    const p = this.paragraph(offset);
    return { start: Math.max(st[i], p.start), end: Math.min(st[i + 1] ?? this.doc.text.length, p.end) };
  }

  /** All sentences (for detectors that work sentence by sentence). */
  allSentences(): Span[] {
    const st = this.sentences();
    const out: Span[] = [];
    for (let i = 0; i < st.length; i++) {
      const s = st[i];
      const e = st[i + 1] ?? this.doc.text.length;
      if (this.doc.prose.slice(s, e).trim()) out.push({ start: s, end: e });
    }
    return out;
  }

  /** Offset `n` words before `offset`, not crossing `limit`. */
  wordsBefore(offset: number, n: number, limit: number): number {
    const p = this.doc.prose;
    let i = offset;
    let words = 0;
    while (i > limit && words < n) {
      while (i > limit && !alnum(p, i - 1)) i--;
      if (i <= limit) break;
      while (i > limit && wordChar(p, i - 1)) i--;
      words++;
    }
    return Math.max(i, limit);
  }

  /** Offset `n` words after `offset`, not crossing `limit`. */
  wordsAfter(offset: number, n: number, limit: number): number {
    const p = this.doc.prose;
    let i = offset;
    let words = 0;
    while (i < limit && words < n) {
      while (i < limit && !alnum(p, i)) i++;
      if (i >= limit) break;
      while (i < limit && wordChar(p, i)) i++;
      words++;
    }
    return Math.min(i, limit);
  }
}
