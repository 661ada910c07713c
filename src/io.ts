// What a run takes and gives: the process around it (Env, for the CLI and subcommands), the
// options of a lint run after resolveOptions (LintOptions), what the run reads from outside
// (Io), and what it returns to print (RunResult). Types only: every floor may import them.
import type { MaskDecision } from './formatters/mask-policy.js';
import type { Shard } from './shard.js';
import type { DraftKind, Severity } from './types.js';

/** The process a command runs in, passed in so that run() can be called in-process (tests). */
export interface Env {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  readStdin: () => Promise<Buffer>;
  /** Ask a question on the terminal (init); absent when there is no terminal. */
  prompt?: (question: string) => Promise<string>;
}

export interface LintOptions {
  patterns: string[];
  useStdin: boolean;
  stdinFilename?: string;
  kind?: DraftKind;
  format: string;
  config?: string;
  rules: string[];
  failOn: Severity;
  maxWarnings?: number;
  quiet: boolean;
  color: boolean;
  mask: boolean;
  /** How `mask` was decided: when no flag or PHI_LINT_MASK did, the config's output.mask may. */
  maskDecision?: MaskDecision;
  outputFile?: string;
  /** A file holding the review the reply drafts answer. */
  inReplyTo?: string;
  /** Report directives that suppress nothing (as errors). */
  reportUnusedDirectives?: boolean;
  /** false: ignore inline directives, counting each in the summary (--no-inline-config). */
  inlineConfig?: boolean;
  /** List every suppression, disabled rule and ignored file, not just the summary line. */
  reportSuppressions?: boolean;
  /** Hide the findings this baseline file knows. */
  baseline?: string;
  /** Record every current finding in this baseline file. */
  writeBaseline?: string;
  /** Rewrite drafts with safe replacements. */
  fix?: boolean;
  /** Print the fixes as a unified diff instead of writing them. */
  fixDryRun?: boolean;
  /** Lint only drafts git lists as changed since this ref (plus untracked ones). */
  changedSince?: string;
  /** Lint the staged content of staged drafts (from the index, not the working copy). */
  staged?: boolean;
  /** Lint only this stable share of the files. */
  shard?: Shard;
  /** Worker threads for many drafts: 1 for none; default: one per core when there is enough to lint. */
  threads?: number;
  /** Skip drafts that linted clean before and have not changed since (src/cache/lint-cache.ts). */
  cache?: boolean;
  /** The cache file (or a directory for .phi-lint-cache in it); default: in the user cache folder. */
  cacheLocation?: string;
  /** --no-ignore: lint everything given; neither .gitignore nor the config's ignore globs apply. */
  noIgnore?: boolean;
  /** Warn when a cited consent expires within this many days (default CONSENT_WARN_DAYS). */
  consentWarnDays?: number;
  /** Append one line per run to this tamper-evident audit log (src/audit/log.ts). */
  auditLog?: string;
  /** The command line as given (paths and options, for the audit log and SARIF). */
  argv?: string[];
  /** More reports written in the same run (`-f sarif:reports/phi.sarif`), each to its file. */
  outputs?: { format: string; file: string }[];
  /** Mask the reports in `outputs` (files written for sharing: yes unless --no-mask). */
  fileMask?: boolean;
  /** A folder or glob that yields no draft is not an error. */
  allowUnmatched?: boolean;
  /** --ignore-pattern: globs (relative to the working directory) of files to leave out. */
  ignorePatterns?: string[];
  /** Print the effective config for this draft and lint nothing (config/inspect.ts). */
  printConfig?: string;
  /** Say which config files and rule packs each draft used. */
  debug?: boolean;
  /** List the drafts that would be linted and lint nothing. */
  listFiles?: boolean;
}

export interface Io {
  cwd: string;
  readStdin: () => Promise<Buffer>;
  version: string;
  /** YYYY-MM-DD, for consent expiry (default: the local date). */
  today?: string;
  /** The user cache folder, for --cache's key and default file (default: $XDG_CACHE_HOME, else ~/.cache). */
  cacheDir?: string;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A cited consent that expires within this many days is a warning (--consent-warn-days). */
export const CONSENT_WARN_DAYS = 30;
