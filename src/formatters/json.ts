// ESLint-compatible JSON. Severity 2 = error, 1 = warning, 0 = info (a note that never blocks).
import { renderMessage, maskValue } from '../engine/mask.js';
import type { Finding, SuppressedFinding } from '../types.js';
import type { FormatOptions, Formatter } from './types.js';

export const SEVERITY_NUMBER = { error: 2, warning: 1, info: 0 } as const;

export const json: Formatter = (results, opts) => {
  const out = results.map((r) => {
    const messages = r.findings.map((f) => message(f, opts));
    if (r.fatal) messages.unshift({ ruleId: null as unknown as string, fatal: true, severity: 2, message: r.fatal, line: 0, column: 0 } as never);
    return {
      filePath: r.filePath,
      messages,
      errorCount: r.findings.filter((f) => f.severity === 'error').length + (r.fatal ? 1 : 0),
      fatalErrorCount: r.fatal ? 1 : 0,
      warningCount: r.findings.filter((f) => f.severity === 'warning').length,
      infoCount: r.findings.filter((f) => f.severity === 'info').length,
      fixableErrorCount: r.findings.filter((f) => f.fixable && f.severity === 'error').length,
      fixableWarningCount: r.findings.filter((f) => f.fixable && f.severity === 'warning').length,
      // ESLint's shape: what directives and the baseline hid, with the reason given.
      ...(r.suppressed?.length ? { suppressedMessages: r.suppressed.map((f: SuppressedFinding) => ({ ...message(f, opts), suppressions: f.suppressions })) } : {}),
    };
  });
  return `${JSON.stringify(out)}\n`;
};

function message(f: Finding, opts: FormatOptions): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: SEVERITY_NUMBER[f.severity],
    message: renderMessage(f.message, f.match, opts.mask),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    value: opts.mask ? maskValue(f.match) : f.match,
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    ...(f.note ? { note: f.note } : {}),
    ...(f.fixable ? { fixable: true } : {}),
  };
}
