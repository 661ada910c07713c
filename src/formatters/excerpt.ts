// The annotated source line under a finding, with every finding's span on that line masked
// when masking is on (an excerpt must not leak what the message hides).
import { maskValue } from '../engine/mask.js';
import { isMetaRule } from '../meta-rules.js';
import type { Finding } from '../types.js';

const MAX = 100;

export function lineExcerpt(source: string, findings: Finding[], f: Finding, mask: boolean): { text: string; caretStart: number; caretLen: number } {
  const lines = source.split(/\r\n|\r|\n/);
  let line = lines[f.line - 1] ?? '';
  if (mask) {
    for (const o of findings) {
      if (o.line > f.line || o.endLine < f.line || isMetaRule(o.ruleId)) continue; // phi-lint's own findings point at directives, not PHI
      const s = o.line === f.line ? o.column - 1 : 0;
      const e = o.endLine === f.line ? o.endColumn - 1 : line.length;
      line = line.slice(0, s) + maskValue(line.slice(s, e)) + line.slice(e);
    }
  }
  line = line.replace(/\t/g, ' ');
  const cs = f.column - 1;
  const ce = f.endLine === f.line ? Math.max(f.endColumn - 1, cs + 1) : line.length;
  let from = 0;
  if (line.length > MAX) from = Math.max(0, Math.min(cs - 30, line.length - MAX));
  const to = Math.min(line.length, from + MAX);
  const text = (from > 0 ? '…' : '') + line.slice(from, to) + (to < line.length ? '…' : '');
  const shift = from > 0 ? 1 - from : 0;
  return { text, caretStart: cs + shift, caretLen: Math.max(1, Math.min(ce, to) - cs) };
}
