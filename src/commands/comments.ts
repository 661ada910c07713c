// `phi-lint comments FILE`: triage an export of comments from the practice's own pages (CSV or
// JSON Lines). Each comment is linted as a draft of kind comment; the report gives each row
// an action — hide (it reveals PHI: hide it and reply privately), reply-privately (answer
// privately, never confirm in public), ok — as CSV (default), JSON, SARIF or HTML.
import { resolve } from 'node:path';
import { Option } from '@commander-js/extra-typings';
import { writeFileAtomic } from '../atomic-write.js';
import { VERSION } from '../program.js';
import { parseColumnOptions, readExport } from '../comments/export.js';
import { formatComments, lintComments } from '../comments/report.js';
import { today } from '../consent/dates.js';
import { PhiLintError } from '../errors.js';
import { createSession } from '../run/session.js';
import { ok, repeatable, runSub, subProgram, type SubCommand } from './common.js';

/** Variables that CI systems set: output is masked there (as in the lint run). */
const FORMATS = ['csv', 'json', 'sarif', 'html'];
const CI_VARIABLES = ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI', 'JENKINS_URL', 'TF_BUILD', 'BUILDKITE', 'CIRCLECI'];

export const comments: SubCommand = (args, env) => {
  const about = 'Triage an export of comments (CSV or JSON Lines): hide, reply privately, or ok.';
  const program = subProgram('comments', about)
    .argument('<file>', 'the export: CSV with a header row, or JSON Lines (.jsonl)')
    .addOption(new Option('-f, --format <name>', 'report format').choices(FORMATS).default('csv'))
    .option(
      '--column <field=name>',
      'the column (or JSON key) holding a field: id, author, created, text, url, platform (repeatable)',
      repeatable,
      [] as string[],
    )
    .option('-c, --config <file>', 'use this config instead of the nearest .phi-lint.yaml')
    .option('--rules <dir>', 'extra rule pack directory or file (repeatable)', repeatable, [] as string[])
    .option('-o, --output-file <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--mask', 'mask values (default in CI and when output is not a terminal)')
    .option('--no-mask', 'show values')
    .option('--show-values', 'show values (same as --no-mask), for local use');
  return runSub(program, args, async () => {
    const o = program.opts();
    const file = program.args[0]!;
    const path = resolve(env.cwd, file);
    const session = createSession({ config: o.config, rules: o.rules }, env.cwd);
    const setup = session.forFile(path);
    const given = { ...setup.config.comments.columns, ...parseColumnOptions(o.column) };
    const exported = readExport(path, given);
    const results = await lintComments(exported, setup, path, today(env.env), env.cwd);
    const inCi = CI_VARIABLES.some((v) => !!env.env[v] && env.env[v] !== 'false');
    let mask = inCi || !env.stdoutIsTTY || !!o.outputFile;
    if (o.mask === true) mask = true;
    if (o.mask === false || o.showValues) mask = false;
    const rules = new Map(setup.prepared.ruleSet.rules.map((r) => [r.id, r] as const));
    const report = await formatComments(results, {
      format: o.format,
      file,
      mask,
      cwd: env.cwd,
      version: VERSION,
      rules,
    });
    const exitCode = results.some((r) => r.action === 'hide') ? 1 : 0;
    if (!o.outputFile) return ok(report, exitCode);
    writeAtomically(resolve(env.cwd, o.outputFile), report, o.outputFile);
    return ok('', exitCode);
  });
};

function writeAtomically(target: string, text: string, shown: string): void {
  try {
    writeFileAtomic(target, text, { mkdir: true });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new PhiLintError(`cannot write the report (${why})`, shown);
  }
}
