// The generated parts of docs/cli.md: the option table, from the lint program's commander
// definition (src/program.ts, what `phi-lint --help` prints: every option with its help text,
// choices and default), and each subcommand's `--help`, as `phi-lint COMMAND --help` prints it
// (80 columns). tests/docs.test.ts fails when the page's copy is stale.
// Run `npm run build` first (it reads dist/).
//   node scripts/gen-cli-docs.mjs [--write]
import { fileURLToPath } from 'node:url';
import { run } from '../dist/cli.js';
import { COMMAND_NAMES } from '../dist/commands/index.js';
import { buildProgram } from '../dist/program.js';
import { readBlock, writeBlock } from './doc-blocks.mjs';

export const CLI_DOC = fileURLToPath(new URL('../docs/cli.md', import.meta.url));

const cell = (s) => s.replace(/\|/g, '\\|');

/** The Markdown table of the options of PROGRAM (default: phi-lint's lint program). */
export function optionsTable(program = buildProgram()) {
  const lines = ['| option | meaning |', '| --- | --- |'];
  for (const a of program.registeredArguments)
    lines.push(`| \`${a.variadic ? `[${a.name()}...]` : a.name()}\` (arguments) | ${cell(a.description)} |`);
  for (const o of program.options) {
    if (o.hidden) continue;
    const extra = [];
    if (o.argChoices) extra.push(`one of ${o.argChoices.map((c) => `\`${c}\``).join(', ')}`);
    const d = o.defaultValue;
    if (d !== undefined && !(Array.isArray(d) && d.length === 0) && !o.negate) extra.push(`default \`${d}\``);
    const more = extra.length ? ` (${extra.join('; ')})` : '';
    lines.push(`| \`${cell(o.flags)}\` | ${cell(o.description)}${more} |`);
  }
  lines.push('| `-h, --help` | display help for command, with examples |');
  return lines.join('\n');
}

/** Each subcommand's `--help`, as printed off a terminal (80 columns), under its own heading. */
export async function commandsHelp() {
  const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
  const env = {
    cwd: process.cwd(),
    env: {},
    stdoutIsTTY: false,
    stdinIsTTY: false,
    readStdin: async () => Buffer.alloc(0),
  };
  const parts = [];
  try {
    for (const name of COMMAND_NAMES) {
      const r = await run([name, '--help'], env);
      if (r.exitCode !== 0) throw new Error(`phi-lint ${name} --help exited ${r.exitCode}: ${r.stderr}`);
      parts.push(`### \`phi-lint ${name}\``, '', '```text', r.stdout.trimEnd(), '```', '');
    }
  } finally {
    if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
    else delete process.stdout.isTTY;
  }
  return parts.join('\n').trim();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const table = optionsTable();
  if (process.argv.includes('--write')) {
    writeBlock(CLI_DOC, 'options', table);
    writeBlock(CLI_DOC, 'commands', await commandsHelp());
    console.log('docs/cli.md: option table and command help written');
  } else {
    const { readFileSync } = await import('node:fs');
    const page = readFileSync(CLI_DOC, 'utf8');
    if (readBlock(page, 'options') !== table || readBlock(page, 'commands') !== (await commandsHelp())) {
      console.log('stale: docs/cli.md (run node scripts/gen-cli-docs.mjs --write)');
      process.exitCode = 1;
    }
  }
}
