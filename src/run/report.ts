// The report of a run: what goes to standard error (notices, skipped files, ledger warnings,
// the fixes made), the formatter's output with the summary of what was suppressed or
// ignored, --output-file, and the exit code.
import { resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { writeBaseline } from '../baseline/baseline.js';
import { gateIsEmpty, gateReport } from '../config/gate-report.js';
import { ExitCode } from '../errors.js';
import { loadFormatter } from '../formatters/index.js';
import type { Io, LintOptions, RunResult } from '../io.js';
import { SEVERITY_RANK } from '../types.js';
import { coverageOf } from '../rules/coverage.js';
import type { LintRun } from './lint-run.js';
import { STDIN_PATH } from './session.js';

/** What to print for a finished run, and its exit code. */
export async function report(linted: LintRun, opts: LintOptions, io: Io, startedAt = new Date()): Promise<RunResult> {
  const { results, session, diffs, fixed, fixErrors, notices, cached, ignoredFiles } = linted;
  let stderr = '';
  if (opts.debug || linted.listed) {
    const { debugLines, showPath } = await import('../config/inspect.js');
    const files = linted.listed ?? results.map((r) => r.filePath).filter((p) => p !== STDIN_PATH);
    if (opts.debug) {
      const setupOf = (p: string) => {
        const s = session.forFile(p);
        return { config: s.config, packs: s.prepared.ruleSet.packs.map((x) => resolve(io.cwd, x.file)) };
      };
      stderr += debugLines(files, setupOf, io.cwd).join('');
    }
    if (linted.listed) {
      for (const r of results) if (r.fatal) stderr += `phi-lint: ${r.filePath}: ${r.fatal}\n`;
      const stdout = files.map((f) => `${showPath(f, io.cwd)}\n`).join('');
      return { exitCode: results.some((r) => r.fatal) ? ExitCode.Fatal : ExitCode.Ok, stdout, stderr };
    }
  }
  if (opts.writeBaseline) {
    const target = resolve(io.cwd, opts.writeBaseline);
    const w = writeBaseline(target, results);
    const fatalFiles = results.filter((r) => r.fatal);
    for (const r of fatalFiles) stderr += `phi-lint: ${r.filePath}: ${r.fatal}\n`;
    return {
      exitCode: fatalFiles.length ? ExitCode.Fatal : ExitCode.Ok,
      stdout: `Wrote ${w.count} finding${w.count === 1 ? '' : 's'} in ${w.files} file${w.files === 1 ? '' : 's'} to ${opts.writeBaseline} (hashes only, no matched text). Use it with --baseline ${opts.writeBaseline}.\n`,
      stderr,
    };
  }
  for (const e of fixErrors) stderr += `phi-lint: not fixed: ${e}\n`;
  for (const n of notices) stderr += `phi-lint: ${n}\n`;
  for (const w of session.ledgerWarnings()) stderr += `phi-lint: warning: ${w}\n`;
  const { suggestions } = linted;
  // --fix writes only publishable text: what would leave a placeholder is a suggestion (fix/plan.ts)
  const offered = `${suggestions} suggestion${suggestions === 1 ? '' : 's'}`;
  const why = 'each would leave a placeholder such as [PHONE], which is not publishable';
  if (opts.fix && suggestions)
    stderr += `phi-lint: ${fixed.findings} fixed, ${offered} not applied (${why}; the report shows them).\n`;
  else if (opts.fix && fixed.files)
    stderr += `phi-lint: fixed ${fixed.findings} finding${fixed.findings === 1 ? '' : 's'} in ${fixed.files} file${fixed.files === 1 ? '' : 's'}.\n`;
  else if (opts.fixDryRun && suggestions)
    stderr += `phi-lint: ${offered} that --fix would not apply (${why}; lint without --fix-dry-run to see them).\n`;
  for (const r of results) {
    if (r.skipped) stderr += `phi-lint: skipped ${r.filePath}: ${r.skipped}\n`;
    if (r.notice) stderr += `phi-lint: ${r.filePath}: ${r.notice}\n`;
  }
  const shown = opts.quiet
    ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }))
    : results;
  const formatter = await loadFormatter(opts.format);
  // What was suppressed, disabled or ignored, and by whom: every format says it (src/formatters/gate.ts).
  const setupOf = (path: string) => {
    const s = session.forFile(path);
    return { config: s.config, rules: s.prepared.ruleSet.rules };
  };
  const baselineFile = opts.baseline && resolve(io.cwd, opts.baseline);
  const base = { config: session.base().config, rules: session.base().prepared.ruleSet.rules };
  const report = gateReport({ cwd: io.cwd, results, setupOf, base, baseline: baselineFile, ignoredFiles });
  report.ignored.push(...linted.otherIgnored);
  {
    // a configuration that leaves identifiers uncovered says so in every summary
    const prepared = session.base().prepared;
    const running = new Set(prepared.ctx.rules.map((r) => r.id));
    const uncovered = coverageOf(prepared.ruleSet.rules, running).filter((i) => !i.rules.length).length;
    if (uncovered) report.uncovered = uncovered;
  }
  const gate = gateIsEmpty(report) ? undefined : { report, detailed: !!opts.reportSuppressions };
  if (gate && opts.format === 'json') {
    // ESLint's JSON array stays as it is on standard output; the summary goes to standard error.
    const { describeGate, placeOf } = await import('../formatters/gate.js');
    const text = describeGate(gate.report, gate.detailed);
    for (const l of text?.details ?? []) {
      stderr += `phi-lint: ${l.file === undefined ? '' : `${placeOf(l)}: `}${l.text}\n`;
    }
    if (text) stderr += `phi-lint: ${text.summary}\n`;
  }
  // sarif and json-with-metadata describe their run: times, command line, git, hashes
  const describeRun = ['sarif', 'json-with-metadata'].includes(opts.format);
  const { runMeta } = describeRun ? await import('../audit/run-meta.js') : { runMeta: undefined };
  const baseSetup = session.base();
  const meta = runMeta?.({
    argv: opts.argv ?? [],
    start: startedAt,
    cwd: io.cwd,
    config: baseSetup.config,
    ruleSet: baseSetup.prepared.ruleSet,
  });
  const output = formatter(shown, {
    mask: opts.mask,
    color: opts.color && !opts.outputFile,
    cwd: io.cwd,
    rules: new Map(session.all().flatMap((p) => p.ruleSet.rules.map((r) => [r.id, r] as const))),
    version: io.version,
    ...(gate && opts.format !== 'json' ? { gate } : {}),
    ...(meta ? { run: meta } : {}),
  });
  // --fix-dry-run: the stylish report is the diff; any other format prints its report (of the
  // drafts as they would be after the fixes) and the diff goes to standard error.
  const dryRunDiff = opts.fixDryRun && !opts.fix;
  let stdout = dryRunDiff && opts.format === 'stylish' ? diffs.join('') : output;
  if (dryRunDiff && opts.format !== 'stylish') stderr += diffs.join('');
  if (cached) {
    // Every report says how much of it came from the cache: stylish in its summary, the others on standard error.
    const one = cached === 1;
    const what = `${cached} file${one ? '' : 's'} unchanged since ${one ? 'it' : 'they'} linted clean`;
    const line = `${what} ${one ? 'was' : 'were'} not linted again (--cache).\n`;
    if (opts.format === 'stylish' && !(opts.fixDryRun && !opts.fix)) stdout += line;
    else stderr += `phi-lint: ${line}`;
  }
  for (const extra of opts.outputs ?? []) {
    // every other report of the run (-f FORMAT:FILE), masked as files written for sharing are
    const write = await loadFormatter(extra.format);
    const text = write(shown, {
      mask: opts.fileMask ?? true,
      color: false,
      cwd: io.cwd,
      rules: new Map(session.all().flatMap((p) => p.ruleSet.rules.map((r) => [r.id, r] as const))),
      version: io.version,
      ...(gate ? { gate } : {}),
    });
    const problem = writeReport(resolve(io.cwd, extra.file), text);
    if (problem) {
      stderr += `phi-lint: cannot write the report to ${extra.file} (${problem})\n`;
      return { exitCode: ExitCode.Fatal, stdout: '', stderr };
    }
  }
  if (opts.outputFile) {
    const problem = writeReport(resolve(io.cwd, opts.outputFile), stdout);
    if (problem) {
      stderr += `phi-lint: cannot write the report to ${opts.outputFile} (${problem})\n`;
      return { exitCode: ExitCode.Fatal, stdout: '', stderr };
    }
    stdout = '';
  }
  const all = results.flatMap((r) => r.findings);
  const fatal = results.some((r) => r.fatal);
  const warnings = all.filter((f) => f.severity === 'warning').length;
  let exitCode: number = ExitCode.Ok;
  if (all.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[opts.failOn])) exitCode = ExitCode.Findings;
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    exitCode = ExitCode.Findings;
    stderr += `phi-lint found too many warnings (${warnings}; the maximum is ${opts.maxWarnings}).\n`;
  }
  if (fatal) {
    exitCode = ExitCode.Fatal;
    for (const r of results) if (r.fatal) stderr += `phi-lint: ${r.filePath}: ${r.fatal}\n`;
  }
  return { exitCode, stdout, stderr };
}

const NOT_A_FOLDER = 'a part of its path is a file, not a folder';
const WRITE_ERRORS: Record<string, string> = {
  EISDIR: 'it is a folder',
  ENOTEMPTY: 'it is a folder',
  ENOTDIR: NOT_A_FOLDER,
  EEXIST: NOT_A_FOLDER,
  ENOSPC: 'the disk is full',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
};

/** Write the report (atomically, creating its folder); on failure say why in a few words. */
function writeReport(target: string, text: string): string | undefined {
  try {
    writeFileAtomic(target, text, { mkdir: true });
    return undefined;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return (err.code && WRITE_ERRORS[err.code]) ?? err.code ?? err.message.split('\n')[0];
  }
}
