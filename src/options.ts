// Option policy, in one place: the command line's options (as commander parsed them) and
// the process around the run → the LintOptions of a run, or the usage error that stops it.
// Which flags conflict, when values are masked, when standard input is the draft.
import { PhiLintError } from './errors.js';
import { formatterNames } from './formatters/index.js';
import type { Env, LintOptions } from './io.js';
import type { CliOptions } from './program.js';
import type { Shard } from './shard.js';

/** Variables that CI systems set (GitHub Actions, GitLab, Jenkins, Azure Pipelines, Buildkite, CircleCI). */
const CI_VARIABLES = ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI', 'JENKINS_URL', 'TF_BUILD', 'BUILDKITE', 'CIRCLECI'];

function colorWanted(flag: boolean | undefined, env: Env): boolean {
  if (flag === false) return false;
  if (env.env.NO_COLOR !== undefined && env.env.NO_COLOR !== '') return false;
  if (env.env.FORCE_COLOR !== undefined) return env.env.FORCE_COLOR !== '0' && env.env.FORCE_COLOR !== 'false';
  return env.stdoutIsTTY;
}

/** Masking: on in CI, off a terminal and in a report file; --mask, --no-mask and --show-values decide last. */
export function maskWanted(o: Pick<CliOptions, 'mask' | 'showValues' | 'outputFile'>, env: Env): boolean {
  // Any CI system masks, not only those that set CI: a non-empty value other than "false".
  const inCi = CI_VARIABLES.some((v) => !!env.env[v] && env.env[v] !== 'false');
  // A report written with --output-file is not going to a terminal either: mask it too.
  let mask = inCi || !env.stdoutIsTTY || !!o.outputFile;
  if (o.mask === true) mask = true;
  if (o.mask === false || o.showValues) mask = false;
  return mask;
}

/** The flags that cannot go together, or undefined when none of them are given together. */
function conflict(o: CliOptions, paths: string[], useStdin: boolean): string | undefined {
  const fromGit = o.staged || o.changedSince !== undefined;
  if (o.staged && o.changedSince !== undefined) return 'use either --staged or --changed-since, not both';
  // --fix writes the working copy; with --staged it would overwrite it with the index's
  // content and lose unstaged edits.
  if (o.staged && (o.fix || o.fixDryRun)) {
    return '--fix and --fix-dry-run work on the working copy, not on staged content: drop --staged';
  }
  if ((fromGit || o.shard !== undefined) && paths.includes('-')) {
    return '--staged, --changed-since and --shard select files; they cannot be used with standard input ("-")';
  }
  if (o.threads !== undefined && o.threads < 1) return `--threads must be 1 or more, got ${o.threads}`;
  if (!formatterNames().includes(o.format)) {
    return `unknown format "${o.format}" (formats: ${formatterNames().join(', ')})`;
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
  // Piped input is read only when no file selection was asked for: a git hook or CI job
  // running `phi-lint --staged` has a non-terminal standard input that is not a draft.
  const useStdin = paths.includes('-') || (paths.length === 0 && !env.stdinIsTTY && !fromGit && o.shard === undefined);
  const problem = conflict(o, paths, useStdin);
  if (problem) return { usage: problem };
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
      format: o.format,
      config: o.config,
      rules: o.rules,
      failOn: o.failOn,
      maxWarnings: o.maxWarnings,
      quiet: !!o.quiet,
      color: colorWanted(o.color, env),
      mask: maskWanted(o, env),
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
    },
  };
}
