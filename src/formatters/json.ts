// ESLint-compatible JSON. Severity 2 = error, 1 = warning, 0 = info (a note that never blocks).
// Masked, `value` is `***` and texts quoted from the draft (messages about directives and
// consents, notes, a directive's reason) keep only safe words (mask.ts).
import type { Finding, SuppressedFinding } from '../types.js';
import { findingText, type FindingText } from './mask.js';
import type { Formatter } from './types.js';

export const SEVERITY_NUMBER = { error: 2, warning: 1, info: 0 } as const;

export const json: Formatter = (results, opts) => {
  const texts = findingText(opts.mask, opts.rules.keys());
  const out = results.map((r) => {
    const messages = r.findings.map((f) => message(f, texts));
    if (r.fatal)
      messages.unshift({
        ruleId: null as unknown as string,
        fatal: true,
        severity: 2,
        message: r.fatal,
        line: 0,
        column: 0,
      } as never);
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
      ...(r.suppressed?.length
        ? {
            suppressedMessages: r.suppressed.map((f: SuppressedFinding) => ({
              ...message(f, texts),
              suppressions: suppressions(f, texts),
            })),
          }
        : {}),
    };
  });
  return `${JSON.stringify(out)}\n`;
};

function suppressions(f: SuppressedFinding, texts: FindingText): SuppressedFinding['suppressions'] {
  return f.suppressions.map((s) => ({ ...s, justification: texts.draftText(s.justification) }));
}

function message(f: Finding, texts: FindingText): Record<string, unknown> {
  const note = texts.note(f);
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: SEVERITY_NUMBER[f.severity],
    message: texts.message(f),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    value: texts.value(f),
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    ...(note ? { note } : {}),
    ...(f.fixable ? { fixable: true } : {}),
    // ESLint's suggestions: edits --fix does not make (a placeholder's words, never a value)
    ...(f.suggestions?.length ? { suggestions: f.suggestions } : {}),
  };
}
