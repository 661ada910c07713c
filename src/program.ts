// The lint program's command line (commander with extra-typings, so the parsed options'
// type is read from the definition: CliOptions).
import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';
import { PhiLintError } from './errors.js';
import { formatterNames } from './formatters/index.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function parseWarnDays(v: string): number {
  if (!/^\d{1,5}$/.test(v)) throw new InvalidArgumentError('expected a whole number of days (0 or more)');
  return Number(v);
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
  $ phi-lint comments export.csv -o todo.csv triage comments: hide, reply privately or ok

Commands: explain RULE, rules [--coverage], init, test-rules [DIR], redact FILE|-, comments EXPORT,
handbook, audit verify|summary FILE, consent list|expiring|where|add
(\`phi-lint COMMAND --help\` for each).

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config or input error.`;

function int(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new PhiLintError(`expected a whole number, got "${value}"`);
  return n;
}

export function buildProgram() {
  return new Command()
    .name('phi-lint')
    .description(
      'Find protected health information (PHI) and risky disclosures in posts and review replies before they are published.',
    )
    .version(VERSION, '-v, --version')
    .argument('[paths...]', 'files, directories or globs to lint; "-" reads standard input')
    .addOption(
      new Option(
        '--kind <kind>',
        "what the drafts are; overrides the config's kinds: globs and front matter kind: " +
          '(which override the default, post)',
      ).choices(['post', 'reply', 'comment'] as const),
    )
    .option(
      '-f, --format <name>',
      `output format: ${formatterNames().join(', ')}; repeatable, FORMAT:FILE writes a report to a file ` +
        '(-f stylish -f sarif:reports/phi.sarif)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('-c, --config <file>', 'use this config file instead of looking for .phi-lint.yaml')
    .option(
      '--rules <dir>',
      'extra rule pack directory or file (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .addOption(
      new Option('--fail-on <level>', 'lowest severity that makes the exit code 1')
        .choices(['error', 'warning', 'info'] as const)
        .default('error' as const),
    )
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', int)
    .option('-q, --quiet', 'report errors only')
    .option('--no-color', 'no colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--in-reply-to <file>', 'the review the reply drafts answer: anything they repeat from it is a finding')
    .option('--stdin', 'read the draft from standard input (as "-" does)')
    .option('--stdin-filename <name>', 'name for standard input (sets Markdown or text, and appears in reports)')
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('--consent-warn-days <n>', 'warn when a cited consent expires within N days (default 30)', parseWarnDays)
    .option('--audit-log <file>', 'append a tamper-evident record of this run (hashes, counts, no values) to FILE')
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
    .option(
      '--changed-since <ref>',
      'lint only drafts changed since a git ref (its merge base with HEAD), plus untracked drafts',
    )
    .option('--staged', 'lint the staged content of staged drafts (what the next commit holds), not the working copy')
    .option('--shard <i/n>', 'lint a stable i-th of n shares of the files (for a CI matrix), e.g. 2/4')
    .option(
      '--threads <n>',
      'worker threads for many drafts (1: none; default: one per core when there is enough to lint)',
      int,
    )
    .option('--cache', 'skip drafts that linted clean before and have not changed (nor the rules, config or phi-lint)')
    .option(
      '--cache-location <path>',
      'the cache file, or a folder for .phi-lint-cache in it (default: in ~/.cache/phi-lint)',
    )
    .option('--no-ignore', "lint everything given: neither .gitignore nor the config's ignore: globs apply")
    .option(
      '--ignore-pattern <glob>',
      'leave out files matching this glob (repeatable; besides .phi-lintignore)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option(
      '--print-config <file>',
      'print the effective config for a draft (nested configs, extends:, overrides: merged)',
    )
    .option('--no-error-on-unmatched-pattern', 'a folder or glob that yields no draft is not an error (exit 0)')
    .option('--debug', 'say on standard error which config files and rule packs each draft used')
    .option('--list-files', 'list the drafts that would be linted, and lint nothing')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

/** The lint program's options as commander parses them. */
export type CliOptions = ReturnType<ReturnType<typeof buildProgram>['opts']>;
