// Inline directives: parsing, what each form suppresses, reasons, unknown names, unused
// directives, and the CLI contract (exit code, JSON suppressedMessages).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { emptyConfig, type Config } from '../src/config/config.js';
import { parseDirectives, splitDirectiveBody } from '../src/directives/parse.js';
import { parseDocument } from '../src/documents/load.js';
import { phiLint } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';
import { slow } from './support/tiers.js';

function linter(directives: Partial<Config['directives']> = {}) {
  const config = emptyConfig(process.cwd());
  config.directives = { ...config.directives, ...directives };
  return createLinter({ config });
}
const strict = linter();
const ids = (fs: { ruleId: string }[]): string[] => fs.map((f) => f.ruleId);

describe('parsing', () => {
  it('splits selectors and the reason', () => {
    expect(splitDirectiveBody(' phi/phone, email -- our after-hours line ')).toEqual({
      selectors: ['phi/phone', 'email'],
      reason: 'our after-hours line',
    });
    expect(splitDirectiveBody(' -- whole post approved by C. Ortiz')).toEqual({
      selectors: [],
      reason: 'whole post approved by C. Ortiz',
    });
    expect(splitDirectiveBody(' phi/phone')).toEqual({ selectors: ['phi/phone'], reason: undefined });
    expect(splitDirectiveBody(' phi/phone --')).toEqual({ selectors: ['phi/phone'], reason: undefined });
    // a "--" inside a word is not the separator
    expect(splitDirectiveBody(' phi/phone -- call--back line').reason).toBe('call--back line');
  });
  it('reads Markdown HTML comments (inline and block) but not comments in code', () => {
    const md =
      '<!-- phi-lint-disable phi/phone -- a -->\n\nText <!-- phi-lint-disable-line email -- b --> here.\n\n```\n<!-- phi-lint-enable -->\n```\n<!-- just a note -->\n';
    const { directives, errors } = parseDirectives(parseDocument('a.md', md, 'post'));
    expect(directives.map((d) => [d.kind, d.selectors, d.reason, d.line])).toEqual([
      ['disable', ['phi/phone'], 'a', 1],
      ['disable-line', ['email'], 'b', 3],
    ]);
    expect(errors).toEqual([]);
  });
  it('reads plain-text comment lines in three styles', () => {
    const txt =
      '# phi-lint-disable-next-line phi/phone -- a\nx\n// phi-lint-disable email -- b\n[phi-lint-enable email]\n';
    const { directives } = parseDirectives(parseDocument('a.txt', txt, 'post'));
    expect(directives.map((d) => [d.kind, d.selectors, d.reason ?? null])).toEqual([
      ['disable-next-line', ['phi/phone'], 'a'],
      ['disable', ['email'], 'b'],
      ['enable', ['email'], null],
    ]);
  });
  it('reports a misspelt keyword', () => {
    const { errors } = parseDirectives(
      parseDocument('a.md', '<!-- phi-lint-disabel-next-line phi/phone -- x -->\n', 'post'),
    );
    expect(errors.map((e) => e.keyword)).toEqual(['disabel-next-line']);
  });
});

describe('what directives suppress', () => {
  it('disable-next-line: the next line only, the named rule only', async () => {
    const md =
      '<!-- phi-lint-disable-next-line phi/phone -- clinic after-hours line -->\nCall 404-555-0187 or jane.doe@gmail.com.\nCall 404-555-0188.\n';
    const { findings, suppressed } = await strict.lint(md, { format: 'md' });
    expect(ids(findings)).toEqual(['phi/email', 'phi/phone']);
    expect(findings.find((f) => f.ruleId === 'phi/phone')!.line).toBe(3);
    expect(suppressed.map((f) => [f.ruleId, f.line, f.suppressions])).toEqual([
      ['phi/phone', 2, [{ kind: 'directive', justification: 'clinic after-hours line' }]],
    ]);
  });
  it('a category selects every rule of that category; no selector selects all', async () => {
    const md =
      '<!-- phi-lint-disable-next-line ssn -- test data -->\nSSN 078-05-1123 and 078051123\n<!-- phi-lint-disable-next-line -- fictitious sample -->\nCall 404-555-0187, jane.doe@gmail.com\n';
    const { findings, suppressed } = await strict.lint(md, { format: 'md' });
    expect(findings).toEqual([]);
    expect(ids(suppressed).sort()).toEqual(['phi/email', 'phi/phone', 'phi/ssn', 'phi/ssn-unformatted']);
  });
  it('disable-line: the line the comment is on', async () => {
    const md = 'Call 404-555-0187 <!-- phi-lint-disable-line phi/phone -- the pharmacy -->\nCall 404-555-0188\n';
    const { findings } = await strict.lint(md, { format: 'md' });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['phi/phone', 2]]);
  });
  it('disable … enable ranges, and re-enabling one rule inside a disable-all', async () => {
    const md = [
      'Call 404-555-0101 first.', // before the range: reported
      '<!-- phi-lint-disable phi/phone -- directory of pharmacies -->',
      'Call 404-555-0102.',
      'Call 404-555-0103.',
      '<!-- phi-lint-enable phi/phone -->',
      'Call 404-555-0104.', // after: reported
      '<!-- phi-lint-disable -- sample data block -->',
      'Call 404-555-0105, mail jane.doe@gmail.com.',
      '<!-- phi-lint-enable phi/email -->',
      'Mail jane.doe@gmail.com, call 404-555-0106.', // email reported, phone still off
      '<!-- phi-lint-enable -->',
      'Call 404-555-0107.',
      '',
    ].join('\n');
    const { findings, suppressed } = await strict.lint(md, { format: 'md' });
    expect(findings.map((f) => `${f.ruleId}@${f.line}`)).toEqual([
      'phi/phone@1',
      'phi/phone@6',
      'phi/email@10',
      'phi/phone@12',
    ]);
    expect(suppressed.map((f) => `${f.ruleId}@${f.line}`)).toEqual([
      'phi/phone@3',
      'phi/phone@4',
      'phi/phone@8',
      'phi/email@8',
      'phi/phone@10',
    ]);
  });
  it('works in plain-text drafts', async () => {
    const txt =
      '# phi-lint-disable-next-line phi/phone -- clinic line\nCall 404-555-0187.\n// phi-lint-disable-next-line email -- our own alias\nMail jane.doe@gmail.com\n';
    const { findings, suppressed } = await strict.lint(txt, { format: 'txt' });
    expect(findings).toEqual([]);
    expect(suppressed).toHaveLength(2);
  });
});

describe('reasons, unknown names and unused directives', () => {
  it('a directive without a reason is an error finding, and still suppresses', async () => {
    const md = '<!-- phi-lint-disable-next-line phi/phone -->\nCall 404-555-0187.\n';
    const { findings, suppressed } = await strict.lint(md, { format: 'md' });
    expect(findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([
      ['phi-lint/directive-without-reason', 'error', 1],
    ]);
    expect(findings[0].message).toContain('gives no reason');
    expect(suppressed).toHaveLength(1);
    const relaxed = await linter({ requireReason: false }).lint(md, { format: 'md' });
    expect(relaxed.findings).toEqual([]);
  });
  it('a disable-all without a reason cannot hide its own finding', async () => {
    const { findings } = await strict.lint('<!-- phi-lint-disable -->\nCall 404-555-0187.\n', { format: 'md' });
    expect(ids(findings)).toEqual(['phi-lint/directive-without-reason']);
  });
  it('names an unknown rule or keyword, with the nearest valid one', async () => {
    const md =
      '<!-- phi-lint-disable-next-line phi/phnoe -- typo -->\nCall 404-555-0187.\n<!-- phi-lint-disabel phi/phone -- typo -->\n';
    const { findings } = await strict.lint(md, { format: 'md' });
    const invalid = findings.filter((f) => f.ruleId === 'phi-lint/directive-invalid');
    expect(invalid.map((f) => f.message)).toEqual([
      expect.stringContaining('(did you mean "phi/phone"?)'),
      expect.stringContaining('(did you mean "phi-lint-disable"?)'),
    ]);
    expect(ids(findings)).toContain('phi/phone'); // the typo suppressed nothing
  });
  it('reports directives that suppress nothing, per name, when asked', async () => {
    const md =
      '<!-- phi-lint-disable-next-line phi/phone, phi/email -- x -->\nCall 404-555-0187.\n<!-- phi-lint-disable-next-line -- y -->\nNothing here.\n';
    expect((await strict.lint(md, { format: 'md' })).findings).toEqual([]);
    const { findings } = await linter({ reportUnused: 'warning' }).lint(md, { format: 'md' });
    expect(findings.map((f) => [f.ruleId, f.severity, f.line, f.message])).toEqual([
      [
        'phi-lint/unused-directive',
        'warning',
        1,
        '"phi-lint-disable-next-line phi/phone, phi/email -- x" suppresses nothing for phi/email; remove that name.',
      ],
      ['phi-lint/unused-directive', 'warning', 3, '"phi-lint-disable-next-line -- y" suppresses nothing; remove it.'],
    ]);
  });
});

describe('CLI', () => {
  it('suppressed findings do not count for the exit code; JSON lists them with the reason', () => {
    const dir = tmpProject({
      'a.md':
        '<!-- phi-lint-disable-next-line phi/phone -- pharmacy line, approved by compliance -->\nCall 404-555-0187.\n',
    });
    const r = phiLint(['a.md', '-f', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const [file] = JSON.parse(r.stdout);
    expect(file.errorCount).toBe(0);
    expect(file.suppressedMessages).toEqual([
      expect.objectContaining({
        ruleId: 'phi/phone',
        value: '***',
        suppressions: [{ kind: 'directive', justification: 'pharmacy line, approved by compliance' }],
      }),
    ]);
  });
  it('--report-unused-directives makes a stale directive an error (exit 1); the config can relax reasons', async () => {
    const dir = tmpProject({
      'a.txt': '# phi-lint-disable-next-line phi/phone -- old number\nWe are open Saturdays.\n',
    });
    expect((await cli(['a.txt'], { cwd: dir })).exitCode).toBe(0);
    const r = await cli(['a.txt', '--report-unused-directives'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/1:1\s+error\s+"phi-lint-disable-next-line phi\/phone -- old number" suppresses nothing/);
    const relaxed = tmpProject({
      '.phi-lint.yaml': 'directives: { require-reason: false }\n',
      'a.txt': '# phi-lint-disable-next-line phi/phone\nCall 404-555-0187.\n',
    });
    expect((await cli(['a.txt'], { cwd: relaxed })).exitCode).toBe(0);
    const strictDir = tmpProject({ 'a.txt': '# phi-lint-disable-next-line phi/phone\nCall 404-555-0187.\n' });
    const s = await cli(['a.txt'], { cwd: strictDir });
    expect(s.exitCode).toBe(1);
    expect(s.stdout).toContain('phi-lint/directive-without-reason');
  });
});

describe('no format leaks a suppressed value', () => {
  slow('every formatter masks suppressed and baselined values like reported ones', async () => {
    const { formatterNames } = await import('../src/formatters/index.js');
    const dir = tmpProject({
      'a.md':
        '# Pharmacies\n\n<!-- phi-lint-disable-next-line phi/phone -- pharmacy line -->\nCall 404-555-0142 or 404-555-0187.\n\nLegacy: 773-555-0166\n',
      'b.md': '<!-- phi-lint-disable-next-line -- sample -->\nOnly 404-555-0143 here.\n',
    });
    await cli(['.', '--write-baseline', 'base.json'], { cwd: dir });
    writeFileSync(
      join(dir, 'a.md'),
      readFileSync(join(dir, 'a.md'), 'utf8').replace('Legacy: 773-555-0166', 'Legacy: 773-555-0166, new 773-555-0199'),
    );
    for (const format of formatterNames()) {
      const r = await cli(['.', '-f', format, '--baseline', 'base.json'], { cwd: dir });
      expect(r.exitCode, format).toBe(1);
      for (const value of ['404-555-0142', '404-555-0143', '404-555-0187', '773-555-0166', '773-555-0199'])
        expect(r.stdout, `${format}: ${value}`).not.toContain(value);
    }
  });
});
