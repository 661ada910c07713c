// `phi-lint redact FILE|-`: print the draft with every finding replaced by its category's
// placeholder ("[NAME]", "[PHONE]"), for sharing a draft with a reviewer. Everything the
// rules detect is redacted — including findings a directive suppresses or a consent covers,
// since the copy leaves the team; phi-lint's own findings are not PHI and stay.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from '@commander-js/extra-typings';
import { today } from '../consent/dates.js';
import { BinaryFileError, decode } from '../documents/load.js';
import { PhiLintError } from '../errors.js';
import { applyEdits, redactionEdits } from '../fix/edits.js';
import { kindOf, lintDraft } from '../run/draft.js';
import { fail, ok, repeatable, runSub, setupFor, subProgram, type SubCommand } from './common.js';

export const redact: SubCommand = (args, env) => {
  const program = subProgram(
    'redact',
    'Print a draft with every finding replaced by a placeholder ([NAME], [PHONE] …).',
  )
    .argument('<file>', 'the draft, or - for standard input')
    .addOption(new Option('--kind <kind>', 'what the draft is').choices(['post', 'reply', 'comment'] as const))
    .option('--stdin-filename <name>', 'name for standard input (a .md name makes it Markdown)')
    .option('-c, --config <file>', 'use this config')
    .option('--rules <dir>', 'extra rule pack directory or file (repeatable)', repeatable, [] as string[]);
  return runSub(program, args, async () => {
    const o = program.opts();
    const arg = program.args[0];
    const stdin = arg === '-';
    const path = stdin ? (o.stdinFilename ? resolve(env.cwd, o.stdinFilename) : 'stdin.txt') : resolve(env.cwd, arg);
    let buf: Buffer;
    try {
      buf = stdin ? await env.readStdin() : readFileSync(path);
    } catch (e) {
      throw new PhiLintError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, arg);
    }
    let text: string;
    try {
      text = decode(buf);
    } catch (e) {
      if (e instanceof BinaryFileError) return fail(`${arg}: ${e.message}`);
      throw e;
    }
    const setup = setupFor(env, o);
    const kind = kindOf(o.kind, path, setup.config);
    // Straight from the rules: no directive, consent or baseline filter applies to a copy that leaves the team.
    const draft = { path, text, kind };
    const { doc, findings } = await lintDraft(draft, { setup, today: today(env.env), cwd: env.cwd, stage: 'rules' });
    // how a reply sounds is not PHI: tone findings are not redacted
    const redactable = findings.filter((f) => f.category !== 'tone');
    return ok(applyEdits(text, redactionEdits(doc, redactable)));
  });
};
