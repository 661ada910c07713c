// Errors that end a run with exit code 2 (usage, config, rule files, unreadable input).
// Each carries one clear sentence that names the file and, for YAML, the line and column.

export const ExitCode = { Ok: 0, Findings: 1, Fatal: 2 } as const;

export class PhiLintError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  override toString(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}:${this.column ?? 1}` : ''}: ` : '';
    return `${where}${this.message}`;
  }
}

/** Several problems found at once in one file (commitlint-style: report them together). */
export class PhiLintErrors extends PhiLintError {
  constructor(readonly errors: PhiLintError[]) {
    super(errors.map((e) => e.toString()).join('\n'));
  }

  override toString(): string {
    return this.message;
  }
}
