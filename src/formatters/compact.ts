// One line per finding — `file:line:col: severity message [rule]` — for editors (Vim's
// errorformat, Emacs compilation mode) and grep. `unix` adds a closing count line. Control
// characters (line breaks included) from drafts, file names and rule packs are escaped, so
// each finding stays on one line and nothing reaches the terminal raw.
import type { FileResult } from '../types.js';
import { gateText, type GateText } from './gate.js';
import { escapeControls as plain } from './escape.js';
import { findingText } from './mask.js';
import { displayPath } from './paths.js';
import type { Formatter, FormatOptions } from './types.js';

function findingLines(results: FileResult[], opts: FormatOptions): string[] {
  const texts = findingText(opts.mask, opts.rules.keys());
  const lines: string[] = [];
  for (const r of results) {
    const file = plain(displayPath(r.filePath, opts.cwd));
    if (r.fatal) lines.push(`${file}:1:1: error ${plain(r.fatal)} [phi-lint/fatal]`);
    for (const f of r.findings) {
      lines.push(`${file}:${f.line}:${f.column}: ${f.severity} ${plain(texts.message(f))} [${plain(f.ruleId)}]`);
    }
  }
  return lines;
}

/** What was suppressed, disabled or ignored: each item as an editor-readable info line, then the summary. */
function gateLines(gate: GateText | undefined): string[] {
  if (!gate) return [];
  const items = gate.details
    .filter((l) => l.file !== undefined)
    .map((l) => `${l.file}:${l.line ?? 1}:1: info ${l.text} [phi-lint/suppressed]`);
  return [...items, `phi-lint: ${gate.summary}`];
}

export const compact: Formatter = (results, opts) => {
  const lines = [...findingLines(results, opts), ...gateLines(gateText(opts))];
  return lines.length ? `${lines.join('\n')}\n` : '';
};

export const unix: Formatter = (results, opts) => {
  const lines = findingLines(results, opts);
  const gate = gateLines(gateText(opts));
  if (!lines.length) return gate.length ? `${gate.join('\n')}\n` : '';
  const count = `${lines.length} problem${lines.length === 1 ? '' : 's'}`;
  return `${lines.join('\n')}\n\n${count}\n${gate.map((l) => `${l}\n`).join('')}`;
};
