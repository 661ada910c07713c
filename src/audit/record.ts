// `--audit-log FILE`: after a lint run, append its line to the audit log (src/audit/log.ts).
// Returns a problem to report (exit 2: a run whose record could not be kept is not done).
import { resolve } from 'node:path';
import { PhiLintError } from '../errors.js';
import type { Io, LintOptions } from '../io.js';
import type { LintRun } from '../run/lint-run.js';
import { appendAudit, auditEntry } from './log.js';
import { gitInfo } from './provenance.js';

export interface FinishedRun {
  opts: LintOptions;
  io: Io;
  linted: LintRun;
  exitCode: number;
  startedAt: Date;
}

export function recordRun(file: string, run: FinishedRun): string | undefined {
  const { io, linted } = run;
  const setup = linted.session.forFile(resolve(io.cwd, 'x'));
  try {
    appendAudit(
      file,
      auditEntry({
        cwd: io.cwd,
        version: io.version,
        argv: run.opts.argv ?? [],
        time: run.startedAt,
        git: gitInfo(io.cwd),
        config: setup.config,
        ruleSet: setup.prepared.ruleSet,
        results: linted.results,
        exitCode: run.exitCode,
      }),
      io.cwd,
    );
  } catch (e) {
    if (e instanceof PhiLintError) return e.toString();
    throw e;
  }
  return undefined;
}
