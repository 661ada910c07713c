// Default human format: findings grouped by file, an annotated excerpt under each, a summary.
// Everything taken from a draft, a file name or a rule pack has its control characters
// escaped (escape.ts); masked, excerpts and messages show only what phi-lint proved safe.
import { Chalk } from 'chalk';
import { relative } from 'node:path';
import type { Formatter } from './types.js';
import { gateText, placeOf } from './gate.js';
import { escapeControls as plain } from './escape.js';
import { displayWidth } from './width.js';
import { DraftLines } from './excerpt.js';
import { findingText } from './mask.js';

export const stylish: Formatter = (results, opts) => {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const texts = findingText(opts.mask, opts.rules.keys());
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fatals = 0;
  for (const r of results) {
    if (!r.findings.length && !r.fatal) continue;
    out.push(c.underline(plain(relative(opts.cwd, r.filePath) || r.filePath)));
    if (r.fatal) {
      fatals++;
      out.push(`  ${c.red('error')}  ${plain(r.fatal)}`);
    }
    // suppressed findings are still values on the line: mask them too
    const values = r.suppressed?.length ? [...r.findings, ...r.suppressed] : r.findings;
    const lines = r.source === undefined ? undefined : new DraftLines(r.source, values, opts.mask, texts.words);
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      const sev =
        f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      const msg = plain(texts.message(f));
      out.push(`  ${c.dim(`${f.line}:${f.column}`.padEnd(7))} ${sev}  ${msg}  ${c.dim(plain(f.ruleId))}`);
      if (lines) {
        const ex = lines.excerpt(f);
        out.push(`          ${c.dim('│')} ${ex.text}`);
        // carets under the characters as a terminal shows them (wide characters take two columns)
        const at = Math.max(0, ex.caretStart);
        const before = displayWidth(ex.text.slice(0, at)) + Math.max(0, at - ex.text.length);
        const under = Math.max(1, displayWidth(ex.text.slice(at, ex.caretStart + ex.caretLen)));
        out.push(`          ${c.dim('│')} ${' '.repeat(before)}${c.red('^'.repeat(under))}`);
      }
      const note = texts.note(f);
      if (note) out.push(`          ${c.dim('note:')} ${plain(note)}`);
      if (f.suggestion) out.push(`          ${c.green('instead:')} ${plain(f.suggestion)}`);
      for (const s of f.suggestions ?? []) out.push(`          ${c.green('suggestion:')} ${plain(s.desc)}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos + fatals;
  const fixable = results.reduce((n, r) => n + r.findings.filter((f) => f.fixable).length, 0);
  const suppressed = results.reduce((n, r) => n + (r.suppressed?.length ?? 0), 0);
  const extra: string[] = [];
  if (fixable) extra.push(c.dim(`  ${fixable} of them can be fixed with --fix (preview: --fix-dry-run).`));
  const offered = results.reduce((n, r) => n + r.findings.filter((f) => f.suggestions?.length).length, 0);
  if (offered)
    extra.push(
      c.dim(`  ${offered} of them have a suggestion, which --fix does not apply (it would leave a placeholder).`),
    );
  const gate = gateText(opts);
  if (gate) {
    // what was suppressed, disabled or ignored: one line, or item by item with --report-suppressions
    extra.push(c.dim(`  ${gate.summary}${gate.details.length ? ':' : ' (--report-suppressions lists each)'}`));
    for (const l of gate.details) extra.push(c.dim(`    ${placeOf(l)}  ${l.text}`));
  } else if (suppressed)
    extra.push(
      c.dim(
        `  ${suppressed} finding${suppressed === 1 ? '' : 's'} suppressed by directives or the baseline (--format json lists them with their reasons).`,
      ),
    );
  if (total) {
    const sym = errors || fatals ? c.red.bold('✖') : c.yellow.bold('⚠');
    out.push(
      `${sym} ${total} problem${total === 1 ? '' : 's'} (${errors + fatals} error${errors + fatals === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''}) in ${results.length} file${results.length === 1 ? '' : 's'} checked`,
    );
    out.push(...extra);
    if (!opts.mask) out.push(c.dim('Values are shown unmasked; do not paste this output into a shared log.'));
    out.push('');
  } else {
    out.push(`${c.green('✔')} ${results.length} file${results.length === 1 ? '' : 's'} checked, no PHI found.`);
    out.push(...extra);
    out.push('');
  }
  return out.join('\n');
};
