// A draft's text cut into lines and pieces for the HTML report: plain text, highlighted
// spans (with the findings that cover them) and pins (one per finding, after its last
// character). Findings may overlap, so a piece can belong to several findings. When masking
// is on, a highlighted piece is `***` and plain text keeps only the words phi-lint proved
// safe (mask.ts), so the report never shows a value the messages hide, nor anything else
// that could identify someone. Work is linear in the text plus the findings per line.
import { SEVERITY_RANK as RANK, type Finding, type Severity } from '../../types.js';
import { MASK, maskText, mergeSpans, type Span } from '../mask.js';

export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'mark'; text: string; findings: number[]; severity: Severity }
  | { kind: 'pin'; finding: number };

export interface SourceLine {
  /** 1-based line number. */
  number: number;
  pieces: Piece[];
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(Number.isFinite(n) ? n : 0, max));
}

/** Start offset of each line, and where its content ends (before \n, \r\n or \r). */
function lineSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    out.push({ start, end: i });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  // A final line break ends the last line; it does not start an empty one.
  if (start < text.length || out.length === 0) out.push({ start, end: text.length });
  return out;
}

/** Index of the line holding an offset (a line's terminator belongs to it). */
function lineOf(lines: { start: number }[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first span (sorted, merged) that ends after `at`. */
function firstEndingAfter(spans: Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `hidden`: findings not shown (suppressed by a directive or the baseline) whose values are
 * masked all the same. `words`: words safe besides the common ones (mask.ts).
 */
export function highlightSource(
  text: string,
  findings: Finding[],
  mask: boolean,
  hidden: Pick<Finding, 'start' | 'end'>[] = [],
  words?: ReadonlySet<string>,
): SourceLine[] {
  const lines = lineSpans(text);
  const spans = findings.map((f, i) => {
    const start = clamp(f.start, text.length);
    const end = Math.max(start, clamp(f.end, text.length));
    return { start, end, severity: f.severity, i };
  });
  const hide = mask ? mergeSpans(hidden, text.length) : [];
  /** Plain text [a, b) as shown: masked, with any hidden value in it masked whole. */
  const plainText = (a: number, b: number): string => {
    if (!mask) return text.slice(a, b);
    const inside: Span[] = [];
    for (let k = firstEndingAfter(hide, a); k < hide.length && hide[k]!.start < b; k++) {
      inside.push({ start: Math.max(hide[k]!.start, a) - a, end: Math.min(hide[k]!.end, b) - a });
    }
    return maskText(text.slice(a, b), inside, [], words);
  };
  // The findings on each line, and each pin right after its finding's last character, on
  // that character's line.
  const byLine = new Map<number, typeof spans>();
  const pinsByLine = new Map<number, Map<number, number[]>>();
  for (const s of spans) {
    const first = lineOf(lines, s.start);
    const last = lineOf(lines, s.end > s.start ? s.end - 1 : s.start);
    for (let li = first; li <= last; li++) {
      const list = byLine.get(li);
      if (list) list.push(s);
      else byLine.set(li, [s]);
    }
    const at = Math.min(s.end, lines[last]!.end);
    const pins = pinsByLine.get(last) ?? new Map<number, number[]>();
    pins.set(at, [...(pins.get(at) ?? []), s.i]);
    pinsByLine.set(last, pins);
  }
  return lines.map((ln, li) => {
    const here = (byLine.get(li) ?? []).filter((s) => s.start < ln.end && s.end > ln.start);
    const pinsHere = pinsByLine.get(li) ?? new Map<number, number[]>();
    const cuts = new Set<number>([ln.start, ln.end]);
    for (const s of here) {
      if (s.start > ln.start) cuts.add(s.start);
      if (s.end < ln.end) cuts.add(s.end);
    }
    for (const at of pinsHere.keys()) cuts.add(at);
    const sorted = [...cuts].sort((a, b) => a - b);
    const byStart = [...here].sort((a, b) => a.start - b.start);
    let next = 0;
    let active: typeof spans = [];
    const pieces: Piece[] = [];
    for (let k = 0; k < sorted.length; k++) {
      const at = sorted[k]!;
      for (const i of pinsHere.get(at) ?? []) pieces.push({ kind: 'pin', finding: i });
      const to = sorted[k + 1];
      if (to === undefined || to <= at) continue;
      // every span boundary inside the line is a cut, so the spans open at `at` cover [at, to)
      while (next < byStart.length && byStart[next]!.start <= at) active.push(byStart[next++]!);
      active = active.filter((s) => s.end > at);
      if (!active.length) {
        pieces.push({ kind: 'text', text: plainText(at, to) });
        continue;
      }
      const covering = active.map((s) => s.i).sort((a, b) => a - b);
      const severity = active.reduce<Severity>((m, s) => (RANK[s.severity] > RANK[m] ? s.severity : m), 'info');
      pieces.push({ kind: 'mark', text: mask ? MASK : text.slice(at, to), findings: covering, severity });
    }
    return { number: li + 1, pieces };
  });
}
