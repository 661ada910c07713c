// `phi-lint handbook`: the practice's social-media handbook from the active configuration,
// as Markdown (default) or a printable HTML page: the practice's name, the date and the
// rules version on the cover, then the dos and don'ts and every active rule.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option } from '@commander-js/extra-typings';
import { rulesVersion } from '../audit/digest.js';
import { VERSION } from '../program.js';
import { today } from '../consent/dates.js';
import { PhiLintError } from '../errors.js';
import { writeFileAtomic } from '../atomic-write.js';
import { buildHandbook } from '../handbook/content.js';
import { handbookHtml, handbookMarkdown } from '../handbook/render.js';
import { ok, repeatable, runSub, setupFor, subProgram, type SubCommand } from './common.js';

export const handbook: SubCommand = (args, env) => {
  const program = subProgram('handbook', "Write the practice's social-media handbook from the active configuration.")
    .addOption(
      new Option('-f, --format <format>', 'md or html').choices(['md', 'html'] as const).default('md' as const),
    )
    .option('-o, --output <file>', 'write it to this file (atomically) instead of standard output')
    .option('-c, --config <file>', 'use this config')
    .option('--rules <dir>', 'extra rule pack directory or file (repeatable)', repeatable, [] as string[]);
  return runSub(program, args, () => {
    const o = program.opts();
    const setup = setupFor(env, o);
    const effective = new Map(setup.prepared.ctx.rules.map((r) => [r.id, r.effective]));
    const book = buildHandbook({
      config: setup.config,
      rules: setup.prepared.ruleSet.rules.map((rule) => ({ rule, effective: effective.get(rule.id) ?? 'off' })),
      date: today(env.env),
      toolVersion: VERSION,
      rulesVersion: rulesVersion(setup.prepared.ruleSet, env.cwd),
    });
    const text = o.format === 'html' ? handbookHtml(book) : handbookMarkdown(book);
    if (!o.output) return ok(text);
    const target = resolve(env.cwd, o.output);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileAtomic(target, text);
    } catch (e) {
      throw new PhiLintError(`cannot write the handbook (${(e as NodeJS.ErrnoException).code ?? 'error'})`, o.output);
    }
    const stderr = `phi-lint: wrote the handbook (${book.rules.length} rules) to ${o.output}\n`;
    return { exitCode: 0, stdout: '', stderr };
  });
};
