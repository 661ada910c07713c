// Subcommands: explain, rules (--coverage), init, test-rules, redact. Most run in-process
// through run(); the contract tests spawn the real bin.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PRACTICE } from '../src/commands/example-practice.js';
import { loadConfig } from '../src/config/cascade.js';
import { EXAMPLE_CONFIG, phiLint } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';
import { slow } from './support/tiers.js';

const PACK = (fire: string, silent: string): string =>
  [
    "description: A compliance officer's own rules.",
    'rules:',
    '  - id: clinic/chart-number',
    '    category: mrn',
    '    severity: warning',
    '    message: Chart number "{match}".',
    '    why: Medical record numbers are Safe Harbor identifier (H).',
    '    suggestion: Leave the chart number out.',
    '    detect:',
    "      - pattern: '\\bchart\\s*#?\\s*(?<id>\\d{6})\\b'",
    '        flags: i',
    '    examples:',
    `      fire: ['${fire}']`,
    `      silent: ['${silent}']`,
    '',
  ].join('\n');

describe('explain', () => {
  it('shows what, why (HIPAA reference), examples, and how to rewrite', async () => {
    const r = await cli(['explain', 'phi/phone'], { cwd: tmpProject() });
    expect(r.exitCode).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(
      /^phi\/phone\n {2}category: phone · Safe Harbor identifier \(D\), no\. 4 of 18: Telephone numbers/,
    );
    expect(out).toContain(
      'severity: error · runs on: posts, replies and comments · pack: phi (built-in rules/phi/phones.yaml:',
    );
    for (const heading of ['What it looks for', 'Why', 'Fires on', 'Stays silent on', 'How to rewrite'])
      expect(out).toContain(`\n${heading}\n`);
    expect(out).toContain('45 CFR 164.514(b)(2)(i)(D)');
    expect(out).toContain('  ✖ Call Dana at 404-555-0187 if anything changes.');
    expect(out).toContain('  ✔ Our office number is (404) 555-0100.');
    expect(out).toContain("  Remove the number, or use the practice's main number.");
  });
  it("shows the configured severity, custom packs and phi-lint's own checks", async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'rules: { phi/zip: warning }\nrule-dirs: [compliance]\n',
      'compliance/clinic.yaml': PACK('See chart #123456.', 'Chart your progress!'),
    });
    expect((await cli(['explain', 'phi/zip'], { cwd: dir })).stdout).toContain(
      'severity: warning (configured; default error)',
    );
    const custom = await cli(['explain', 'clinic/chart-number'], { cwd: dir });
    expect(custom.stdout).toContain('pack: clinic (compliance/clinic.yaml:3)');
    expect(custom.stdout).toContain('Safe Harbor identifier (H), no. 8 of 18: Medical record numbers');
    expect((await cli(['explain', 'phi-lint/directive-without-reason'], { cwd: dir })).stdout).toContain(
      'require-reason: false',
    );
  });
  it('an unknown rule is exit 2 with the nearest id', async () => {
    const r = await cli(['explain', 'phi/phnoe'], { cwd: tmpProject() });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      'phi-lint: unknown rule "phi/phnoe" (did you mean "phi/phone"?); `phi-lint rules` lists them all\n',
    );
    expect((await cli(['explain', 'email'], { cwd: tmpProject() })).stderr).toContain('did you mean "phi/email"?');
    expect((await cli(['explain'], { cwd: tmpProject() })).exitCode).toBe(2);
  });
});

describe('rules', () => {
  it('lists every rule with category, Safe Harbor identifier, configured severity and pack', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'rules: { phi/zip: off }\n' });
    const r = await cli(['rules'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^rule\s+category\s+safe harbor\s+severity\s+pack\s+runs on$/);
    expect(lines.find((l) => l.startsWith('phi/phone '))).toMatch(
      /^phi\/phone\s+phone\s+D \(4\)\s+error\s+phi\s+posts, replies, comments$/,
    );
    expect(lines.find((l) => l.startsWith('phi/zip '))).toMatch(/^phi\/zip\s+geo\s+B \(2\)\s+off\s+phi/);
    const json = JSON.parse((await cli(['rules', '--json'], { cwd: dir })).stdout);
    expect(json.find((x: { id: string }) => x.id === 'phi/ssn')).toMatchObject({
      id: 'phi/ssn',
      category: 'ssn',
      safeHarbor: 'G (7)',
      severity: 'error',
      pack: 'phi',
      appliesTo: 'both',
    });
  });
  it('--coverage: which of the 18 identifiers the active configuration covers', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'rules: { phi/phone: off, phi/phone-labelled: off }\nrule-dirs: [compliance]\n',
      'compliance/clinic.yaml': PACK('See chart #123456.', 'Chart your progress!'),
    });
    const json = JSON.parse((await cli(['rules', '--coverage', '--json'], { cwd: dir })).stdout);
    expect(json.total).toBe(18);
    const by = Object.fromEntries(
      json.identifiers.map((i: { letter: string; rules: string[] }) => [i.letter, i.rules]),
    );
    expect(by.D).toEqual([]); // phone switched off
    expect(by.H).toEqual(['phi/mrn', 'clinic/chart-number']);
    expect(by.G).toEqual(['phi/ssn', 'phi/ssn-unformatted', 'phi/ssn-last-four']);
    expect(json.identifiers.map((i: { letter: string }) => i.letter).join('')).toBe('ABCDEFGHIJKLMNOPQR');
    const text = (await cli(['rules', '--coverage'], { cwd: dir })).stdout;
    expect(text).toMatch(/\(D\)\s+4\s+Telephone numbers\s+NOT COVERED/);
    expect(text).toMatch(/\(H\)\s+8\s+Medical record numbers\s+phi\/mrn, clinic\/chart-number/);
    expect(text).toMatch(/Not covered: [\s\S]*\(D\)\s+Telephone\s+numbers/);
  });
});

describe('init', () => {
  it('writes a commented config from flags that loads and keeps the profile', async () => {
    const dir = tmpProject();
    const r = await cli(
      [
        'init',
        '--yes',
        '--name',
        'Peachtree Family Dental',
        '--phone',
        '(404) 555-0100',
        '--email',
        'hello@peachtreefamilydental.example',
        '--address',
        '1200 Peachtree St NE, Suite 300, Atlanta, GA 30309',
        '--domain',
        'https://www.PeachtreeFamilyDental.example/',
        '--handle',
        'PeachtreeDental',
        '--staff',
        'Dr. Anna Reyes',
        '--staff',
        'Keisha Brown, RDH',
      ],
      { cwd: dir },
    );
    expect(r.exitCode).toBe(0);
    const file = join(dir, '.phi-lint.yaml');
    expect(readFileSync(file, 'utf8')).toContain("# The practice's own public details");
    const config = loadConfig(file, dir);
    expect(config.practice).toMatchObject({
      name: 'Peachtree Family Dental',
      phones: ['(404) 555-0100'],
      staff: ['Dr. Anna Reyes', 'Keisha Brown, RDH'],
      emails: ['hello@peachtreefamilydental.example'],
      addresses: ['1200 Peachtree St NE, Suite 300, Atlanta, GA 30309'],
      domains: ['peachtreefamilydental.example'],
      handles: ['@PeachtreeDental'],
    });
    expect(config.kinds.reply).toEqual(['replies/**']);
    // the practice's own phone is not a finding with the written config
    expect((await cli(['-'], { cwd: dir, input: 'Call us at 404.555.0100.' })).exitCode).toBe(0);
  });
  it('never overwrites an existing config (exit 2)', async () => {
    const dir = tmpProject({ '.phi-lint.yml': 'rules: {}\n' });
    const r = await cli(['init', '--yes', '--name', 'X'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\.phi-lint\.yml already exists; phi-lint init never overwrites a config/);
    expect(existsSync(join(dir, '.phi-lint.yaml'))).toBe(false);
    expect(readFileSync(join(dir, '.phi-lint.yml'), 'utf8')).toBe('rules: {}\n');
  });
  it('asks on a terminal, with flags as defaults, and asks again after a bad answer', async () => {
    const dir = tmpProject({ 'replies/.keep': '' }); // (no reply folder: a warning, tests/init-setup.test.ts)
    const answers = [
      'Peachtree Family Dental',
      'not a phone',
      '',
      '(404) 555-0100, 404-555-0102',
      '',
      '',
      'peachtreefamilydental.example',
      '@PeachtreeDental',
      'Dr. Anna Reyes; Keisha Brown, RDH',
    ];
    const asked: string[] = [];
    const prompt = async (q: string): Promise<string> => {
      asked.push(q);
      return answers.shift() ?? '';
    };
    const r = await cli(['init', '--email', 'hello@peachtreefamilydental.example'], { cwd: dir, tty: true, prompt });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(asked[0]).toBe('Practice name: ');
    expect(asked).toContain('  "not a phone" is not a phone number; press Enter to try again. ');
    expect(asked.find((q) => q.startsWith('Public e-mail'))).toContain('[hello@peachtreefamilydental.example]');
    const p = loadConfig(join(dir, '.phi-lint.yaml'), dir).practice;
    expect(p.phones).toEqual(['(404) 555-0100', '404-555-0102']);
    expect(p.emails).toEqual(['hello@peachtreefamilydental.example']);
    expect(p.staff).toEqual(['Dr. Anna Reyes', 'Keisha Brown, RDH']);
  });
  it('bad flags are exit 2', async () => {
    const r = await cli(['init', '--yes', '--email', 'nope'], { cwd: tmpProject() });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('phi-lint: "nope" is not an e-mail address\n');
  });
});

describe('test-rules', () => {
  slow('the shipped packs pass their own examples (spawns the real bin)', () => {
    const r = phiLint(['test-rules', 'rules']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^✔ \d+ rules, \d+ examples: all pass \(the example practice profile\)\.\n$/);
    expect(r.status).toBe(0);
  });
  it('prints what failed in a custom pack and exits 1', () => {
    const dir = tmpProject({ 'compliance/clinic.yaml': PACK('Chart number 12345 is on file.', 'See chart #123456.') });
    const r = phiLint(['test-rules', 'compliance'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        '✖ clinic/chart-number: should fire, found nothing in: Chart number 12345 is on file.',
        '✖ clinic/chart-number: should stay silent, matched "123456" in: See chart #123456.',
        '',
        '2 of 2 examples failed in 1 of 1 rules (the example practice profile).',
        '',
      ].join('\n'),
    );
    const good = tmpProject({ 'compliance/clinic.yaml': PACK('See chart #123456.', 'Chart your progress!') });
    expect(phiLint(['test-rules', 'compliance'], { cwd: good }).stdout).toBe(
      '✔ 1 rules, 2 examples: all pass (the example practice profile).\n',
    );
  });
  it('a broken pack is exit 2 with its position', async () => {
    const dir = tmpProject({ 'compliance/clinic.yaml': PACK('a', 'b').replace('category: mrn', 'category: mnr') });
    const r = await cli(['test-rules', 'compliance'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/clinic\.yaml:4:15: .*"mnr".*did you mean "mrn"/);
  });
  it('the example practice profile is the one in fixtures/examples', () => {
    expect(loadConfig(EXAMPLE_CONFIG, process.cwd()).practice).toEqual(EXAMPLE_PRACTICE);
  });
});

describe('redact', () => {
  it('prints the draft with placeholders, front matter and suppressed findings included', async () => {
    const text =
      '---\ntitle: Draft for review\n---\nCall the desk at 404-555-0187 or mail **jane.doe@gmail.com**.\n<!-- phi-lint-disable-next-line phi/ssn -- sample -->\nSSN 078-05-1123. Our number: (404) 555-0100.\n';
    const dir = tmpProject({ '.phi-lint.yaml': 'practice:\n  phones: ["(404) 555-0100"]\n', 'a.md': text });
    const r = await cli(['redact', 'a.md'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      '---\ntitle: Draft for review\n---\nCall the desk at [PHONE] or mail **[EMAIL]**.\n<!-- phi-lint-disable-next-line phi/ssn -- sample -->\nSSN [SSN]. Our number: (404) 555-0100.\n',
    );
  });
  slow('reads standard input (spawned)', () => {
    const r = phiLint(['redact', '-'], { input: 'Text me: 773.555.0182\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Text me: [PHONE]\n');
    expect(phiLint(['redact', 'missing.md']).status).toBe(2);
  });
});
