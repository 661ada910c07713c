// The option table of docs/cli.md, generated from the lint program's commander definition
// (src/program.ts, what `phi-lint --help` prints), so the page lists every option with its
// help text, choices and default. tests/docs.test.ts fails when the page's copy is stale.
// Run `npm run build` first (it reads dist/).
//   node scripts/gen-cli-docs.mjs [--write]
import { fileURLToPath } from 'node:url';
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const table = optionsTable();
  if (process.argv.includes('--write')) {
    writeBlock(CLI_DOC, 'options', table);
    console.log('docs/cli.md: options table written');
  } else {
    const { readFileSync } = await import('node:fs');
    const current = readBlock(readFileSync(CLI_DOC, 'utf8'), 'options');
    if (current !== table) {
      console.log('stale: docs/cli.md options table (run node scripts/gen-cli-docs.mjs --write)');
      process.exitCode = 1;
    }
  }
}
