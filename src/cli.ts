// Command-line definition (commander): argv → options → run(). No linting logic here.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { isCommand, runCommand } from './commands/index.js';
import { today } from './consent/dates.js';
import { PhiLintError, ExitCode } from './errors.js';
import { readStdin } from './files.js';
import { formatterNames } from './formatters/index.js';
import { decideMask } from './formatters/mask-policy.js';
import { runLint, type Io, type LintOptions, type RunResult } from './run.js';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Env {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  readStdin: () => Promise<Buffer>;
  /** Ask a question on the terminal (init); absent when there is no terminal. */
  prompt?: (question: string) => Promise<string>;
}

const EXAMPLES = `
Examples:
  $ phi-lint posts/                          lint every draft under posts/
  $ phi-lint "content/**/*.md" --kind post   lint Markdown posts matched by a glob
  $ pbpaste | phi-lint --kind reply -        check a review reply from the clipboard
  $ phi-lint --format json drafts/ > out.json
  $ phi-lint --fail-on warning --max-warnings 0 replies/
  $ phi-lint -f sarif -o phi.sarif content/  SARIF for GitHub code scanning
  $ phi-lint --changed-since origin/main .   only drafts a pull request changed
  $ phi-lint --staged                        staged drafts, in a pre-commit hook
  $ phi-lint --shard 2/4 content/            the second of four CI jobs
  $ phi-lint --cache content/                re-lint only drafts changed since they were clean
  $ phi-lint --fix-dry-run posts/            show what --fix would change
  $ phi-lint explain phi/phone               what a rule looks for and how to rewrite

Commands: explain RULE, rules [--coverage], init, test-rules [DIR], redact FILE|-
(\`phi-lint COMMAND --help\` for each).

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config or input error.`;


function colorWanted(flag: boolean | undefined, env: Env): boolean {
  if (flag === false) return false;
  if (env.env.NO_COLOR !== undefined && env.env.NO_COLOR !== '') return false;
  if (env.env.FORCE_COLOR !== undefined) return env.env.FORCE_COLOR !== '0' && env.env.FORCE_COLOR !== 'false';
  return env.stdoutIsTTY;
}

function int(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new PhiLintError(`expected a whole number, got "${value}"`);
  return n;
}

export function buildProgram(): Command {
  return new Command()
    .name('phi-lint')
    .description('Find protected health information (PHI) and risky disclosures in posts and review replies before they are published.')
    .version(VERSION, '-v, --version')
    .argument('[paths...]', 'files, directories or globs to lint; "-" reads standard input')
    .addOption(
      new Option(
        '--kind <kind>',
        'what the drafts are; overrides the config\'s kinds: globs and front matter kind: ' +
          '(which override the default, post)',
      ).choices(['post', 'reply']),
    )
    .option(
      '-f, --format <name>',
      `output format: ${formatterNames().join(', ')}; repeatable, FORMAT:FILE writes a report to a file ` +
        '(-f stylish -f sarif:reports/phi.sarif)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('-c, --config <file>', 'use this config file instead of looking for .phi-lint.yaml')
    .option('--rules <dir>', 'extra rule pack directory or file (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .addOption(new Option('--fail-on <level>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', int)
    .option('-q, --quiet', 'report errors only')
    .option('--no-color', 'no colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--in-reply-to <file>', 'the review the reply drafts answer: anything they repeat from it is a finding')
    .option('--stdin', 'read the draft from standard input (as "-" does)')
    .option('--stdin-filename <name>', 'name for standard input (sets Markdown or text, and appears in reports)')
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('--mask', 'mask matched values (default in CI, in report files and when piped; also PHI_LINT_MASK=1)')
    .option('--no-mask', 'show matched values')
    .option('--show-values', 'show matched values (same as --no-mask), for local use')
    .option('--fix', 'rewrite drafts in place where a rule has a safe replacement (atomic writes)')
    .option('--fix-dry-run', 'print the fixes as a unified diff instead of writing them')
    .option('--report-unused-directives', 'report phi-lint-disable directives that suppress nothing (as errors)')
    .option('--no-inline-config', 'ignore phi-lint-disable… directives in drafts (each is counted in the summary)')
    .option(
      '--report-suppressions',
      'list each directive, baseline entry, disabled rule and left-out file (default: one summary line)',
    )
    .option('--baseline <file>', 'hide the known findings recorded in this baseline file')
    .option('--write-baseline <file>', 'record every current finding in a baseline file (hashes only) and exit 0')
    .option('--changed-since <ref>', 'lint only drafts changed since a git ref (its merge base with HEAD), plus untracked drafts')
    .option('--staged', 'lint the staged content of staged drafts (what the next commit holds), not the working copy')
    .option('--shard <i/n>', 'lint a stable i-th of n shares of the files (for a CI matrix), e.g. 2/4')
    .option('--threads <n>', 'worker threads for many drafts (1: none; default: one per core when there is enough to lint)', int)
    .option('--cache', 'skip drafts that linted clean before and have not changed (nor the rules, config or phi-lint)')
    .option('--cache-location <path>',
      'the cache file, or a folder for .phi-lint-cache in it (default: in ~/.cache/phi-lint)')
    .option('--no-ignore', "lint everything given: neither .gitignore nor the config's ignore: globs apply")
    .option('--ignore-pattern <glob>', 'leave out files matching this glob (repeatable; besides .phi-lintignore)',
      (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--print-config <file>',
      'print the effective config for a draft (nested configs, extends:, overrides: merged)')
    .option('--no-error-on-unmatched-pattern', 'a folder or glob that yields no draft is not an error (exit 0)')
    .option('--debug', 'say on standard error which config files and rule packs each draft used')
    .option('--list-files', 'list the drafts that would be linted, and lint nothing')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

function usage(message: string): RunResult {
  return { exitCode: ExitCode.Fatal, stdout: '', stderr: `phi-lint: ${message}\n` };
}

export async function run(argv: string[], env: Env): Promise<RunResult> {
  // Subcommands come first; to lint a path named like one, write ./rules.
  if (isCommand(argv[0])) return runCommand(argv[0], argv.slice(1), env);
  const program = buildProgram();
  let out = '';
  let err = '';
  program.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return { exitCode: 0, stdout: out, stderr: '' };
      return { exitCode: ExitCode.Fatal, stdout: out, stderr: err || `${e.message}\n` };
    }
    if (e instanceof PhiLintError) return { exitCode: ExitCode.Fatal, stdout: '', stderr: `phi-lint: ${e.toString()}\n` };
    throw e;
  }
  const o = program.opts<{
    kind?: 'post' | 'reply';
    format: string[];
    config?: string;
    rules: string[];
    failOn: 'error' | 'warning' | 'info';
    maxWarnings?: number;
    quiet?: boolean;
    color?: boolean;
    stdinFilename?: string;
    stdin?: boolean;
    inReplyTo?: string;
    outputFile?: string;
    mask?: boolean;
    showValues?: boolean;
    fix?: boolean;
    fixDryRun?: boolean;
    reportUnusedDirectives?: boolean;
    inlineConfig: boolean;
    reportSuppressions?: boolean;
    baseline?: string;
    writeBaseline?: string;
    changedSince?: string;
    staged?: boolean;
    shard?: string;
    threads?: number;
    cache?: boolean;
    cacheLocation?: string;
    ignore?: boolean;
    ignorePattern: string[];
    printConfig?: string;
    debug?: boolean;
    listFiles?: boolean;
    errorOnUnmatchedPattern: boolean;
  }>();
  const paths = program.args;
  // -f NAME (standard output, or -o) and -f NAME:FILE (a report file each), in one run
  const toFile = o.format
    .filter((f) => f.includes(':'))
    .map((f) => ({ format: f.slice(0, f.indexOf(':')), file: f.slice(f.indexOf(':') + 1) }));
  const plainFormats = o.format.filter((f) => !f.includes(':'));
  if (plainFormats.length > 1) {
    return usage(`give one format for standard output, not ${plainFormats.join(' and ')} (FORMAT:FILE for the others)`);
  }
  if (toFile.some((t) => !t.file)) return usage('-f FORMAT:FILE needs a file name after the colon');
  const format = plainFormats[0] ?? 'stylish';
  // Masked in CI, in files and when piped; shown on a terminal and in a local hook (mask-policy.ts)
  const maskFlags = { mask: o.mask, showValues: o.showValues, toFile: !!o.outputFile, staged: !!o.staged };
  const decided = decideMask(maskFlags, env.env, env.stdoutIsTTY);
  if (typeof decided === 'string') return usage(decided);
  const mask = decided.mask;
  const fromGit = o.staged || o.changedSince !== undefined;
  if (o.staged && o.changedSince !== undefined) return usage('use either --staged or --changed-since, not both');
  // --fix writes the working copy; with --staged it would overwrite it with the index's
  // content and lose unstaged edits.
  if (o.staged && (o.fix || o.fixDryRun)) return usage('--fix and --fix-dry-run work on the working copy, not on staged content: drop --staged');
  if ((fromGit || o.shard !== undefined) && (paths.includes('-') || o.stdin)) return usage('--staged, --changed-since and --shard select files; they cannot be used with standard input ("-")');
  let shard;
  try {
    shard = o.shard === undefined ? undefined : (await import('./shard.js')).parseShard(o.shard);
  } catch (e) {
    if (e instanceof PhiLintError) return usage(e.message);
    throw e;
  }
  // Standard input only when asked for ("-" or --stdin): with no path and no terminal (CI, a
  // script, a GUI git client) an empty standard input would pass as "1 file checked".
  const useStdin = paths.includes('-') || !!o.stdin;
  if (paths.length === 0 && !useStdin && !env.stdinIsTTY && !fromGit && !shard) {
    const hint = 'name files or folders to lint (phi-lint .), or "-" / --stdin to read a draft from standard input';
    return usage(`no files given: ${hint}`);
  }
  const opts: LintOptions = {
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
    mask,
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
    ignorePatterns: o.ignorePattern,
    printConfig: o.printConfig,
    debug: !!o.debug,
    listFiles: !!o.listFiles,
    allowUnmatched: o.errorOnUnmatchedPattern === false,
  };
  if (o.threads !== undefined && o.threads < 1) return usage(`--threads must be 1 or more, got ${o.threads}`);
  try {
    const io: Io = { cwd: env.cwd, readStdin: env.readStdin, version: VERSION, today: today(env.env) };
    return await runLint(opts, io);
  } catch (e) {
    if (e instanceof PhiLintError) return { exitCode: ExitCode.Fatal, stdout: '', stderr: `phi-lint: ${e.toString()}\n` };
    throw e;
  }
}

export async function main(argv: string[]): Promise<number> {
  const terminal = process.stdin.isTTY ? (await import('./commands/prompt.js')).terminalPrompt() : undefined;
  const res = await run(argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: !!process.stdout.isTTY,
    stdinIsTTY: !!process.stdin.isTTY,
    readStdin,
    prompt: terminal?.ask,
  }).finally(() => terminal?.close());
  if (res.stdout) process.stdout.write(res.stdout);
  if (res.stderr) process.stderr.write(res.stderr);
  return res.exitCode;
}
