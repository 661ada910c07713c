// A draft's text cut into lines and pieces for the HTML report: plain text, highlighted
// spans (with the findings that cover them) and pins (one per finding, after its last
// character). Findings may overlap, so a piece can belong to several findings. When masking
// is on, every finding's span is masked in the text itself, so the report never shows a
// value the messages hide.
import { maskValue } from '../../engine/mask.js';
import type { Finding, Severity } from '../../types.js';

export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'mark'; text: string; findings: number[]; severity: Severity }
  | { kind: 'pin'; finding: number };

export interface SourceLine {
  /** 1-based line number. */
  number: number;
  pieces: Piece[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * maskValue maps each code point to one character, so an astral letter (two UTF-16 units,
 * e.g. "𝐃𝐚𝐧𝐚") would shrink to one "*". Offsets in the report must not move: pad those.
 */
export function maskKeepingLength(text: string): string {
  const masked = maskValue(text);
  if (masked.length === text.length) return masked;
  const src = [...text];
  const out = [...masked];
  return out.map((ch, i) => (ch === '*' && src[i].length === 2 ? '**' : ch)).join('');
}

/** The text with every finding's span masked (same length as the text). */
export function maskSpans(text: string, findings: Pick<Finding, 'start' | 'end'>[]): string {
  const units = text.split('');
  for (const f of findings) {
    const s = clamp(f.start, text.length);
    const e = clamp(f.end, text.length);
    if (e <= s) continue;
    // Mask what is already there, so overlapping findings never unmask each other.
    const m = maskKeepingLength(units.slice(s, e).join(''));
    for (let i = 0; i < m.length; i++) units[s + i] = m[i];
  }
  return units.join('');
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

/** `hidden`: findings not shown (suppressed by a directive or the baseline) whose values are masked all the same. */
export function highlightSource(text: string, findings: Finding[], mask: boolean, hidden: Pick<Finding, 'start' | 'end'>[] = []): SourceLine[] {
  const shown = mask ? maskSpans(text, hidden.length ? [...findings, ...hidden] : findings) : text;
  const lines = lineSpans(text);
  const spans = findings.map((f) => {
    const start = clamp(f.start, text.length);
    const end = Math.max(start, clamp(f.end, text.length));
    return { start, end, severity: f.severity };
  });
  // Each pin goes right after its finding's last character, on that character's line.
  const pinsByLine = new Map<number, { at: number; i: number }[]>();
  spans.forEach((s, i) => {
    const line = lineOf(lines, s.end > s.start ? s.end - 1 : s.start);
    const list = pinsByLine.get(line) ?? [];
    list.push({ at: Math.min(s.end, lines[line].end), i });
    pinsByLine.set(line, list);
  });
  const indexed = spans.map((s, i) => ({ ...s, i }));
  return lines.map((ln, li) => {
    const here = indexed.filter((s) => s.start < ln.end && s.end > ln.start);
    const pinsHere = pinsByLine.get(li) ?? [];
    const cuts = new Set<number>([ln.start, ln.end]);
    for (const s of here) {
      if (s.start > ln.start) cuts.add(s.start);
      if (s.end < ln.end) cuts.add(s.end);
    }
    for (const p of pinsHere) cuts.add(p.at);
    const sorted = [...cuts].sort((a, b) => a - b);
    const pieces: Piece[] = [];
    for (let k = 0; k < sorted.length; k++) {
      const at = sorted[k];
      for (const p of pinsHere) if (p.at === at) pieces.push({ kind: 'pin', finding: p.i });
      const next = sorted[k + 1];
      if (next === undefined || next <= at) continue;
      const piece = shown.slice(at, next);
      const covering = here.filter((s) => s.start <= at && s.end >= next);
      if (!covering.length) {
        pieces.push({ kind: 'text', text: piece });
        continue;
      }
      const severity = covering.reduce<Severity>((m, s) => (RANK[s.severity] > RANK[m] ? s.severity : m), 'info');
      pieces.push({ kind: 'mark', text: piece, findings: covering.map((s) => s.i), severity });
    }
    return { number: li + 1, pieces };
  });
}
