// The annotated source line under a finding. A draft's lines are split once and each line is
// rendered once (however many findings it has), so a report is linear in the draft's size
// plus the number of findings. Masked, a line shows only what phi-lint proved safe (every
// finding's span and every other unsafe word is `***`, see mask.ts); unmasked, control
// characters are escaped.
import { isMetaRule } from '../meta-rules.js';
import type { Finding } from '../types.js';
import { mergeSpans, showLine, type ShownLine, type Span } from './mask.js';

const MAX = 100;
const CACHED_LINES = 64;

export interface Excerpt {
  text: string;
  caretStart: number;
  caretLen: number;
}

type Located = Pick<Finding, 'ruleId' | 'line' | 'column' | 'endLine' | 'endColumn'>;

export class DraftLines {
  /** Start offset of each line, and where its content ends (before \r\n, \r or \n). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Column spans to hide on each line; lines wholly inside a span are counted in `covered`. */
  private readonly partial = new Map<number, Span[]>();
  private readonly covered: Int32Array;
  private readonly cache = new Map<number, ShownLine>();

  /** `values`: every finding whose text is a value to hide (reported and suppressed alike). */
  constructor(
    private readonly source: string,
    values: Located[],
    private readonly mask: boolean,
    private readonly extra?: ReadonlySet<string>,
  ) {
    let start = 0;
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.starts.push(start);
      this.ends.push(i);
      if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    this.starts.push(start);
    this.ends.push(source.length);
    const count = this.starts.length;
    // covered[k] > 0 (after the running sum): line k + 1 lies wholly inside some value
    this.covered = new Int32Array(count + 2);
    if (!mask) return;
    const add = (line: number, span: Span): void => {
      const list = this.partial.get(line);
      if (list) list.push(span);
      else this.partial.set(line, [span]);
    };
    for (const o of values) {
      if (isMetaRule(o.ruleId)) continue; // phi-lint's own findings point at directives, not PHI
      if (o.endLine <= o.line) {
        add(o.line, { start: o.column - 1, end: o.endColumn - 1 });
        continue;
      }
      add(o.line, { start: o.column - 1, end: Number.MAX_SAFE_INTEGER });
      add(o.endLine, { start: 0, end: o.endColumn - 1 });
      if (o.endLine - o.line > 1) {
        // lines o.line + 1 … o.endLine - 1 (1-based) are 0-based o.line … o.endLine - 2
        this.covered[Math.max(0, Math.min(o.line, count))]! += 1;
        this.covered[Math.max(0, Math.min(o.endLine - 1, count))]! -= 1;
      }
    }
    for (let k = 1; k < this.covered.length; k++) this.covered[k]! += this.covered[k - 1]!;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Line n (1-based) as shown. */
  line(n: number): ShownLine {
    let shown = this.cache.get(n);
    if (shown) return shown;
    const k = n - 1;
    const text = k >= 0 && k < this.starts.length ? this.source.slice(this.starts[k], this.ends[k]) : '';
    let hide: Span[] = [];
    if (this.mask) {
      const spans = this.partial.get(n) ?? [];
      const whole = k >= 0 && this.covered[k]! > 0;
      hide = mergeSpans(whole ? [...spans, { start: 0, end: text.length }] : spans, text.length);
    }
    shown = showLine(text, this.mask, hide, this.extra);
    if (this.cache.size >= CACHED_LINES) this.cache.clear();
    this.cache.set(n, shown);
    return shown;
  }

  /** The excerpt under finding f: at most MAX characters around it, and where its caret goes. */
  excerpt(f: Located): Excerpt {
    const shown = this.line(f.line);
    const n = shown.start.length - 1;
    const column = Math.max(0, f.column - 1);
    const cs = Math.min(column, n);
    const ce = Math.min(n, f.endLine === f.line ? Math.max(f.endColumn - 1, cs + 1) : n);
    const at = shown.start[cs]! + (column - cs); // a column past the line's end stays past it
    const until = ce > cs ? shown.end[ce]! : at + 1;
    const len = shown.text.length;
    let from = 0;
    if (len > MAX) from = Math.max(0, Math.min(at - 30, len - MAX));
    const to = Math.min(len, from + MAX);
    const text = (from > 0 ? '…' : '') + shown.text.slice(from, to) + (to < len ? '…' : '');
    const shift = from > 0 ? 1 - from : 0;
    return { text, caretStart: at + shift, caretLen: Math.max(1, Math.min(until, to) - at) };
  }
}
