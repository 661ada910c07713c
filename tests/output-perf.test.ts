// Formatters are linear in the draft's size plus the number of findings (issue 12, item 10):
// thousands of findings on one long line used to take stylish 49 s (each finding split the
// whole source and masked the line once per finding on it). Each format must now finish
// such a report in well under a few seconds, masked or not; and the faster code shows
// exactly what the simple one does (checked against reference implementations on random
// drafts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftLines } from '../src/formatters/excerpt.js';
import { highlightSource, type Piece } from '../src/formatters/html/highlight.js';
import { formatterNames, loadFormatter } from '../src/formatters/index.js';
import { MASK, maskWords } from '../src/formatters/mask.js';
import type { FileResult, Finding } from '../src/types.js';

const BOUND_MS = 5_000;

function phone(source: string, start: number, line = 1, column = start + 1): Finding {
  return {
    ruleId: 'phi/phone',
    category: 'phone',
    severity: 'error',
    start,
    end: start + 12,
    match: source.slice(start, start + 12),
    message: 'Phone number "{match}".',
    suggestion: 'Remove the number.',
    line,
    column,
    endLine: line,
    endColumn: column + 12,
  };
}

/** 3,000 findings on one line of about 100 KB. */
function longLine(): FileResult {
  const unit = 'Call Quillfeather at 404-555-0187 now. ';
  const line = unit.repeat(Math.ceil(100_000 / unit.length));
  const findings = Array.from({ length: 3000 }, (_, i) => phone(line, i * unit.length + 21));
  return {
    filePath: '/x/long.md',
    source: `${line}\n`,
    findings,
    suppressed: [
      { ...phone(line, 3000 * unit.length + 21), suppressions: [{ kind: 'directive', justification: 'x' }] },
    ],
  };
}

/** 10,000 short lines, a finding on each. */
function manyLines(): FileResult {
  const lines = Array.from({ length: 10_000 }, (_, i) => `Line ${i}: call 404-555-0187 today.`);
  const source = `${lines.join('\n')}\n`;
  let at = 0;
  const findings = lines.map((l, i) => {
    const f = phone(source, at + l.indexOf('404'), i + 1, l.indexOf('404') + 1);
    at += l.length + 1;
    return f;
  });
  return { filePath: '/x/many.md', source, findings };
}

describe('every formatter is linear in findings and line length', () => {
  const inputs = { 'one 100 KB line with 3,000 findings': longLine(), '10,000 lines with a finding each': manyLines() };
  for (const name of formatterNames()) {
    for (const [what, result] of Object.entries(inputs)) {
      it(`${name}: ${what}, masked and not, under ${BOUND_MS / 1000} s`, async () => {
        const format = await loadFormatter(name);
        for (const mask of [true, false]) {
          const t = performance.now();
          const out = format([result], { mask, color: false, cwd: '/x', rules: new Map(), version: '0' });
          const ms = performance.now() - t;
          expect(ms, `${name} mask=${mask}: ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
          expect(out.length).toBeGreaterThan(1000);
          if (mask) expect(out).not.toContain('404-555');
        }
      }, 60_000);
    }
  }
});

// ---- reference implementations: the simple, quadratic code the fast one must agree with ----

/** The excerpt as phi-lint printed it unmasked before (split per finding). */
function referenceExcerpt(source: string, f: Finding): { text: string; caretStart: number; caretLen: number } {
  const MAX = 100;
  const lines = source.split(/\r\n|\r|\n/);
  const line = (lines[f.line - 1] ?? '').replace(/\t/g, ' ');
  const cs = f.column - 1;
  const ce = f.endLine === f.line ? Math.max(f.endColumn - 1, cs + 1) : line.length;
  let from = 0;
  if (line.length > MAX) from = Math.max(0, Math.min(cs - 30, line.length - MAX));
  const to = Math.min(line.length, from + MAX);
  const text = (from > 0 ? '…' : '') + line.slice(from, to) + (to < line.length ? '…' : '');
  const shift = from > 0 ? 1 - from : 0;
  return { text, caretStart: cs + shift, caretLen: Math.max(1, Math.min(ce, to) - cs) };
}

/** A masked line, character by character: hidden runs are one mask, the rest masked word by word. */
function referenceMaskedLine(source: string, findings: Finding[], n: number): string {
  const line = source.split(/\r\n|\r|\n/)[n - 1] ?? '';
  const hidden = new Array<boolean>(line.length).fill(false);
  for (const o of findings) {
    if (o.line > n || o.endLine < n) continue;
    const s = o.line === n ? o.column - 1 : 0;
    const e = o.endLine === n ? o.endColumn - 1 : line.length;
    for (let i = Math.max(0, s); i < Math.min(e, line.length); i++) hidden[i] = true;
  }
  let out = '';
  let i = 0;
  while (i < line.length) {
    let j = i;
    while (j < line.length && hidden[j] === hidden[i]) j++;
    out += hidden[i] ? MASK : maskWords(line.slice(i, j));
    i = j;
  }
  return out.replace(/\t/g, ' ');
}

/** The HTML report's pieces as phi-lint computed them before (unmasked). */
function referencePieces(text: string, findings: Finding[]): Piece[][] {
  const RANK = { info: 0, warning: 1, error: 2 } as const;
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ start, end: i });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  if (start < text.length || lines.length === 0) lines.push({ start, end: text.length });
  const lineOf = (o: number): number => {
    let k = 0;
    while (k + 1 < lines.length && lines[k + 1]!.start <= o) k++;
    return k;
  };
  const clamp = (x: number): number => Math.max(0, Math.min(x, text.length));
  const spans = findings.map((f, i) => {
    const s = clamp(f.start);
    return { start: s, end: Math.max(s, clamp(f.end)), severity: f.severity, i };
  });
  const pins = spans.map((s) => {
    const line = lineOf(s.end > s.start ? s.end - 1 : s.start);
    return { line, at: Math.min(s.end, lines[line]!.end), i: s.i };
  });
  return lines.map((ln, li) => {
    const here = spans.filter((s) => s.start < ln.end && s.end > ln.start);
    const pinsHere = pins.filter((p) => p.line === li);
    const cuts = [
      ...new Set([
        ln.start,
        ln.end,
        ...here.flatMap((s) => [s.start, s.end]).filter((x) => x > ln.start && x < ln.end),
        ...pinsHere.map((p) => p.at),
      ]),
    ].sort((a, b) => a - b);
    const pieces: Piece[] = [];
    cuts.forEach((at, k) => {
      for (const p of pinsHere) if (p.at === at) pieces.push({ kind: 'pin', finding: p.i });
      const next = cuts[k + 1];
      if (next === undefined) return;
      const covering = here.filter((s) => s.start <= at && s.end >= next);
      if (!covering.length) pieces.push({ kind: 'text', text: text.slice(at, next) });
      else {
        const severity = covering.reduce<Finding['severity']>(
          (m, s) => (RANK[s.severity] > RANK[m] ? s.severity : m),
          'info',
        );
        pieces.push({ kind: 'mark', text: text.slice(at, next), findings: covering.map((s) => s.i), severity });
      }
    });
    return pieces;
  });
}

// Random drafts (no control characters but tabs: those are escaped now) and findings on them.
const chunk = fc.constantFrom(
  'Call ',
  'Dana',
  ' Lee',
  '404-555-0187',
  'the',
  ' ',
  '\t',
  '.',
  '\n',
  '\r\n',
  '\r',
  'é',
  '😀',
  '٤٠٤',
  "don't",
  'x'.repeat(120),
);
const drafted = fc
  .array(chunk, { minLength: 1, maxLength: 40 })
  .map((a) => a.join(''))
  .chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.array(
        fc.tuple(fc.nat(text.length), fc.nat(40), fc.constantFrom<Finding['severity']>('error', 'warning', 'info')),
        { maxLength: 8 },
      ),
    ),
  )
  .map(([text, raw]) => {
    const positions: { line: number; column: number }[] = [];
    let line = 1;
    let column = 1;
    for (let i = 0; i <= text.length; i++) {
      positions.push({ line, column });
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        line++;
        column = 1;
      } else column++;
    }
    const findings: Finding[] = raw
      .map(([start, len, severity]) => ({ start, end: Math.min(text.length, start + len), severity }))
      .sort((a, b) => a.start - b.start)
      .map(({ start, end, severity }) => ({
        ...phone(text, start),
        end,
        match: text.slice(start, end),
        severity,
        line: positions[start]!.line,
        column: positions[start]!.column,
        endLine: positions[end]!.line,
        endColumn: positions[end]!.column,
      }));
    return { text, findings };
  });

describe('the linear code shows what the simple code does', () => {
  it('unmasked excerpts are unchanged', () => {
    fc.assert(
      fc.property(drafted, ({ text, findings }) => {
        const lines = new DraftLines(text, findings, false);
        for (const f of findings) expect(lines.excerpt(f)).toEqual(referenceExcerpt(text, f));
      }),
      { numRuns: 400, seed: 12 },
    );
  });
  it('masked lines hide the same characters as masking each finding in turn', () => {
    fc.assert(
      fc.property(drafted, ({ text, findings }) => {
        const lines = new DraftLines(text, findings, true);
        for (let n = 1; n <= lines.lineCount; n++)
          expect(lines.line(n).text).toBe(referenceMaskedLine(text, findings, n));
      }),
      { numRuns: 400, seed: 13 },
    );
  });
  it('HTML pieces are unchanged when unmasked', () => {
    fc.assert(
      fc.property(drafted, ({ text, findings }) => {
        expect(highlightSource(text, findings, false).map((l) => l.pieces)).toEqual(referencePieces(text, findings));
      }),
      { numRuns: 400, seed: 14 },
    );
  });
});
