// GitHub Actions workflow commands: each finding becomes an annotation on the file and
// line in the pull request. `::error` for errors, `::warning` for warnings, `::notice` for
// info notes. GitHub reads a command per line, so data is escaped (% CR LF) and property
// values also escape ":" and ",". Control characters from drafts, file names and rule packs
// are first written as visible escapes (escape.ts), so no text can end a command early or
// start one of its own (`::set-output`, `::error`), whatever GitHub does with CR, LF or U+2028.
import type { Severity } from '../types.js';
import { gateText } from './gate.js';
import { escapeControls as plain } from './escape.js';
import { findingText } from './mask.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: [string, string | number][], message: string): string {
  const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name} ${p}::${escapeData(message)}`;
}

export const github: Formatter = (results, opts) => {
  const texts = findingText(opts.mask, opts.rules.keys());
  const lines: string[] = [];
  for (const r of results) {
    const file = plain(displayPath(r.filePath, opts.cwd));
    if (r.fatal)
      lines.push(
        command(
          'error',
          [
            ['file', file],
            ['title', 'phi-lint'],
          ],
          plain(r.fatal),
        ),
      );
    for (const f of r.findings) {
      let message = plain(texts.message(f));
      const note = texts.note(f);
      if (note) message += `\nNote: ${plain(note)}`;
      if (f.suggestion) message += `\nInstead: ${plain(f.suggestion)}`;
      lines.push(
        command(
          COMMAND[f.severity],
          [
            ['file', file],
            ['line', f.line],
            ['col', f.column],
            ['endLine', f.endLine],
            ['endColumn', f.endColumn],
            ['title', plain(`${f.ruleId} (${f.category})`)],
          ],
          message,
        ),
      );
    }
  }
  // What was suppressed, disabled or ignored: a notice per item (--report-suppressions), then the summary.
  const gate = gateText(opts);
  for (const l of gate?.details ?? []) {
    const at: [string, string | number][] = [];
    if (l.file !== undefined) at.push(['file', l.file]);
    if (l.file !== undefined && l.line !== undefined) at.push(['line', l.line]);
    lines.push(command('notice', [...at, ['title', 'phi-lint suppression']], l.text));
  }
  if (gate) lines.push(command('notice', [['title', 'phi-lint']], gate.summary));
  return lines.length ? `${lines.join('\n')}\n` : '';
};
