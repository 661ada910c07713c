// Option policy, in one place: the command line's options (as commander parsed them) and
// the process around the run → the LintOptions of a run, or the usage error that stops it.
// Which flags conflict, when values are masked, when standard input is the draft.
import { PhiLintError } from './errors.js';
import { formatterNames } from './formatters/index.js';
import { decideMask } from './formatters/mask-policy.js';
import type { Env, LintOptions } from './io.js';
import type { CliOptions } from './program.js';
import type { Shard } from './shard.js';

function colorWanted(flag: boolean | undefined, env: Env): boolean {
  if (flag === false) return false;
  if (env.env.NO_COLOR !== undefined && env.env.NO_COLOR !== '') return false;
  if (env.env.FORCE_COLOR !== undefined) return env.env.FORCE_COLOR !== '0' && env.env.FORCE_COLOR !== 'false';
  return env.stdoutIsTTY;
}

/** The flags that cannot go together, or undefined when none of them are given together. */
function conflict(o: CliOptions, paths: string[], useStdin: boolean, formats: string[]): string | undefined {
  const fromGit = o.staged || o.changedSince !== undefined;
  if (o.staged && o.changedSince !== undefined) return 'use either --staged or --changed-since, not both';
  // --fix writes the working copy; with --staged it would overwrite it with the index's
  // content and lose unstaged edits.
  if (o.staged && (o.fix || o.fixDryRun)) {
    return '--fix and --fix-dry-run work on the working copy, not on staged content: drop --staged';
  }
  if ((fromGit || o.shard !== undefined) && (paths.includes('-') || o.stdin)) {
    return '--staged, --changed-since and --shard select files; they cannot be used with standard input ("-")';
  }
  if (o.threads !== undefined && o.threads < 1) return `--threads must be 1 or more, got ${o.threads}`;
  for (const format of formats) {
    if (!formatterNames().includes(format)) {
      return `unknown format "${format}" (formats: ${formatterNames().join(', ')})`;
    }
  }
  if (o.fix && o.fixDryRun) return 'use either --fix or --fix-dry-run, not both';
  if (o.writeBaseline && (o.fix || o.fixDryRun)) return '--write-baseline records findings; run --fix separately';
  if (o.fix && useStdin) {
    const instead = 'use --fix-dry-run to see the changes, or "phi-lint redact -" to print a redacted copy';
    return `--fix cannot rewrite standard input; ${instead}`;
  }
  return undefined;
}

/** The run's options, or the usage error (exit 2) that stops it. */
export async function resolveOptions(
  o: CliOptions,
  paths: string[],
  env: Env,
): Promise<{ opts: LintOptions } | { usage: string }> {
  const fromGit = o.staged || o.changedSince !== undefined;
  // Standard input only when asked for ("-" or --stdin): with no path and no terminal (CI, a
  // script, a GUI git client) an empty standard input would pass as "1 file checked".
  const useStdin = paths.includes('-') || !!o.stdin;
  // -f NAME (standard output, or -o) and -f NAME:FILE (a report file each), in one run
  const toFile = o.format
    .filter((f) => f.includes(':'))
    .map((f) => ({ format: f.slice(0, f.indexOf(':')), file: f.slice(f.indexOf(':') + 1) }));
  const plainFormats = o.format.filter((f) => !f.includes(':'));
  if (plainFormats.length > 1) {
    const given = plainFormats.join(' and ');
    return { usage: `give one format for standard output, not ${given} (FORMAT:FILE for the others)` };
  }
  if (toFile.some((t) => !t.file)) return { usage: '-f FORMAT:FILE needs a file name after the colon' };
  const format = plainFormats[0] ?? 'stylish';
  const problem = conflict(o, paths, useStdin, [format, ...toFile.map((t) => t.format)]);
  if (problem) return { usage: problem };
  const selects = useStdin || fromGit || o.shard !== undefined || o.printConfig !== undefined;
  if (paths.length === 0 && !selects && !env.stdinIsTTY) {
    const hint = 'name files or folders to lint (phi-lint .), or "-" / --stdin to read a draft from standard input';
    return { usage: `no files given: ${hint}` };
  }
  // Masked in CI, in files and when piped; shown on a terminal and in a local hook (mask-policy.ts)
  const maskFlags = { mask: o.mask, showValues: o.showValues, toFile: !!o.outputFile, staged: !!o.staged };
  const decided = decideMask(maskFlags, env.env, env.stdoutIsTTY);
  if (typeof decided === 'string') return { usage: decided };
  let shard: Shard | undefined;
  if (o.shard !== undefined) {
    const { parseShard } = await import('./shard.js');
    try {
      shard = parseShard(o.shard);
    } catch (e) {
      if (e instanceof PhiLintError) return { usage: e.message };
      throw e;
    }
  }
  return {
    opts: {
      patterns: paths.length ? paths.filter((p) => p !== '-') : ['.'],
      useStdin,
      stdinFilename: o.stdinFilename,
      kind: o.kind,
      format,
      outputs: toFile,
      fileMask: !(o.mask === false || o.showValues),
      config: o.config,
      rules: o.rules,
      failOn: o.failOn,
      maxWarnings: o.maxWarnings,
      quiet: !!o.quiet,
      color: colorWanted(o.color, env),
      mask: decided.mask,
      maskDecision: decided,
      outputFile: o.outputFile,
      inReplyTo: o.inReplyTo,
      fix: o.fix,
      fixDryRun: o.fixDryRun,
      reportUnusedDirectives: o.reportUnusedDirectives,
      inlineConfig: o.inlineConfig,
      reportSuppressions: o.reportSuppressions,
      baseline: o.baseline,
      writeBaseline: o.writeBaseline,
      changedSince: o.changedSince,
      staged: !!o.staged,
      shard,
      threads: o.threads,
      cache: !!o.cache || o.cacheLocation !== undefined,
      cacheLocation: o.cacheLocation,
      noIgnore: o.ignore === false,
      auditLog: o.auditLog,
      consentWarnDays: o.consentWarnDays,
      ignorePatterns: o.ignorePattern,
      printConfig: o.printConfig,
      debug: !!o.debug,
      listFiles: !!o.listFiles,
      allowUnmatched: o.errorOnUnmatchedPattern === false,
    },
  };
}
