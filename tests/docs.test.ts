// The reference in docs/ (the README is tests/readme.test.ts): an index of every page, every
// relative link and anchor resolving (in the README, CONTRIBUTING.md and ARCHITECTURE.md
// too), the generated blocks current (the option table of docs/cli.md from the commander
// program, the rule table of docs/rule-packs.md from the packs), the vocabularies' provenance
// and licence, and the security table naming test files that exist.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../src/commands/index.js';
import { formatterNames } from '../src/formatters/index.js';
import { buildProgram } from '../src/program.js';
import { ROOT } from './helpers.js';
import { anchors, docPages, docSection, links, readDoc, withoutCode } from './support/docs.js';
// @ts-expect-error — a plain .mjs script without types
import { commandsHelp, optionsTable } from '../scripts/gen-cli-docs.mjs';
// @ts-expect-error — a plain .mjs script without types
import { readBlock } from '../scripts/doc-blocks.mjs';
// @ts-expect-error — a plain .mjs script without types
import { rulesTable } from '../scripts/rules-table.mjs';

const DOCS = docPages();

describe('docs/', () => {
  it('docs/README.md lists every page', () => {
    const index = links(readDoc('docs/README.md')).map((t) => normalize(join('docs', t.split('#')[0]!)));
    const pages = DOCS.filter(
      (p) => p !== 'docs/README.md' && (!p.startsWith('docs/rules/') || p.endsWith('rules/README.md')),
    );
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect(pages.filter((p) => !index.includes(p))).toEqual([]);
  });

  it('every relative link in README.md, CONTRIBUTING.md, ARCHITECTURE.md and docs/ resolves, anchors too', () => {
    const broken: string[] = [];
    for (const page of ['README.md', 'CONTRIBUTING.md', 'ARCHITECTURE.md', ...DOCS]) {
      for (const target of links(readDoc(page))) {
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path ? normalize(join(dirname(page), decodeURIComponent(path))) : page;
        if (!existsSync(join(ROOT, file))) {
          broken.push(`${page}: ${target} (no file ${file})`);
          continue;
        }
        if (anchor && statSync(join(ROOT, file)).isFile() && !anchors(readDoc(file)).has(anchor))
          broken.push(`${page}: ${target} (no heading #${anchor} in ${file})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the link check can fail: a missing page and a missing anchor are caught', () => {
    expect(anchors('# A\n\n## Audit trail: `--audit-log`\n\n```\n# not a heading\n```\n')).toEqual(
      new Set(['a', 'audit-trail---audit-log']),
    );
    expect(links('See [x](nope.md#y) and `[not](a-link.md)`.\n\n```\n[nor](this.md)\n```\n')).toEqual(['nope.md#y']);
  });

  it('the option table of docs/cli.md is what the program defines (run `node scripts/gen-cli-docs.mjs --write`)', () => {
    const table = (optionsTable as () => string)();
    expect(readBlock(readDoc('docs/cli.md'), 'options')).toBe(table);
    for (const o of buildProgram().options) expect(table, o.flags).toContain(`\`${o.flags.replace(/\|/g, '\\|')}\``);
    // a new option makes the page stale
    const more = buildProgram().option('--new-flag', 'something new');
    expect((optionsTable as (p: unknown) => string)(more)).not.toBe(table);
  });

  it("docs/cli.md has every subcommand's current --help (run `node scripts/gen-cli-docs.mjs --write`)", async () => {
    const help = await (commandsHelp as () => Promise<string>)();
    expect(readBlock(readDoc('docs/cli.md'), 'commands')).toBe(help);
    for (const name of COMMAND_NAMES) expect(help).toContain(`Usage: phi-lint ${name} `);
  });

  it('docs/formats.md describes every output format', () => {
    const page = readDoc('docs/formats.md');
    for (const name of formatterNames()) expect(page, name).toMatch(new RegExp(`\`(--format )?${name}\``));
  });

  it('the rule table of docs/rule-packs.md is current (run `node scripts/rules-table.mjs --write`)', () => {
    expect(readBlock(readDoc('docs/rule-packs.md'), 'rules')).toBe((rulesTable as () => string)());
  });

  it('the rule packs page says where each vocabulary comes from and under which licence', () => {
    const vocab = docSection('docs/rule-packs.md', 'Vocabularies: where each comes from, and its licence');
    for (const phrase of [
      'name-lists.yaml',
      'MIT',
      'medical-wordnet.yaml',
      'WordNet',
      'person-nouns.yaml',
      'SCOWL',
      'No GPL data',
    ])
      expect(vocab, phrase).toContain(phrase);
  });

  it('every row of the security table names test files that exist, and the tests it quotes are in them', () => {
    const table = withoutCode(readDoc('docs/security.md'))
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| promise') && !l.startsWith('| ---'));
    expect(table.length).toBeGreaterThan(30);
    for (const row of table) {
      const tested = row.slice(row.lastIndexOf(' | ') + 3);
      const files = [...tested.matchAll(/`(tests\/[\w./-]+\.ts)`/g)].map((m) => m[1]!);
      expect(files.length, row.slice(0, 60)).toBeGreaterThan(0);
      for (const f of files) expect(existsSync(join(ROOT, f)), f).toBe(true);
      // `tests/x.test.ts` ("a test's name", "another…"): each quoted name (up to an ellipsis) is
      // a test of that file, written whole or as its describe's title followed by its own
      for (const m of tested.matchAll(/`(tests\/[\w./-]+\.ts)` \(([^`]*?)\)(?=,\s*`|\s*\|?\s*$)/g)) {
        const source = readDoc(m[1]!);
        for (const [, quoted] of m[2]!.matchAll(/"([^"]+)"/g)) {
          const name = quoted!.split('…')[0]!.trim();
          const words = name.split(' ');
          const found =
            source.includes(name) ||
            words.some(
              (_, i) =>
                i > 0 && source.includes(words.slice(0, i).join(' ')) && source.includes(words.slice(i).join(' ')),
            );
          expect(found, `${m[1]}: "${name}"`).toBe(true);
        }
      }
    }
  });
});
