// Offsets ↔ 1-based line/column. The one place positions are computed: matchers report
// offsets into a document's text, formatters need ESLint-style line/column.
import type { Position } from '../types.js';

/** A range of a draft's text: [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export class LineIndex {
  /** Offset at which each line starts. Lines end at \n, \r\n or a lone \r. */
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The line's text without its line ending; `line` is 0-based. */
  lineText(line: number): string {
    const s = this.starts[line];
    let e = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (e > s && (this.text.charCodeAt(e - 1) === 10 || this.text.charCodeAt(e - 1) === 13)) e--;
    return this.text.slice(s, e);
  }

  /** 1-based line and column (UTF-16 units) of an offset. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  offset(line: number, column: number): number {
    const s = this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
    return s + column - 1;
  }
}
