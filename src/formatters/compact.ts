// One line per finding — `file:line:col: severity message [rule]` — for editors (Vim's
// errorformat, Emacs compilation mode) and grep. `unix` adds a closing count line. Control
// characters (line breaks included) from drafts, file names and rule packs are escaped, so
// each finding stays on one line and nothing reaches the terminal raw.
import type { FileResult } from '../types.js';
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

export const compact: Formatter = (results, opts) => {
  const lines = findingLines(results, opts);
  return lines.length ? `${lines.join('\n')}\n` : '';
};

export const unix: Formatter = (results, opts) => {
  const lines = findingLines(results, opts);
  if (!lines.length) return '';
  return `${lines.join('\n')}\n\n${lines.length} problem${lines.length === 1 ? '' : 's'}\n`;
};
