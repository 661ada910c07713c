// End-to-end: spawn the real bin/phi-lint.js.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phiLint } from './helpers.js';
import { tempDir } from './support/temp-dirs.js';

const tmp = (files: Record<string, string>): string => tempDir(files, 'phi-lint-e2e-');

describe('exit codes', () => {
  it('0 on a clean draft', () => {
    const dir = tmp({ 'a.md': 'Flu shots are in! Walk-ins welcome.\n' });
    const r = phiLint(['a.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no PHI found');
  });
  it('1 on a draft with PHI', () => {
    const dir = tmp({ 'a.txt': 'Call Dana at 404-555-0187.\n' });
    const r = phiLint(['a.txt'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/1:14\s+error/);
    expect(r.stdout).toContain('phi/phone');
  });
  it('2 on a missing path, and the other files are still reported', () => {
    const dir = tmp({ 'a.txt': 'Call Dana at 404-555-0187.\n' });
    const r = phiLint(['a.txt', 'missing.md'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing.md');
    expect(r.stdout).toContain('phi/phone');
  });
  it('2 on an unknown option', () => {
    const r = phiLint(['--no-such-flag']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
  it('--fail-on warning turns warnings into exit 1', () => {
    const dir = tmp({ '.phi-lint.yaml': 'rules: { phi/phone: warning }\n', 'a.txt': 'Please call 404-555-0187.\n' });
    expect(phiLint(['a.txt'], { cwd: dir }).status).toBe(0);
    expect(phiLint(['a.txt', '--fail-on', 'warning'], { cwd: dir }).status).toBe(1);
    expect(phiLint(['a.txt', '--max-warnings', '0'], { cwd: dir }).status).toBe(1);
    expect(phiLint(['a.txt', '--max-warnings', '1'], { cwd: dir }).status).toBe(0);
  });
});

describe('stdin', () => {
  it('reads "-" and names it with --stdin-filename', () => {
    const r = phiLint(['-', '--stdin-filename', 'reply.md', '--format', 'json'], {
      input: '# Hi\n\nCall 404-555-0187\n',
    });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out[0].filePath).toMatch(/reply\.md$/);
    expect(out[0].messages[0]).toMatchObject({
      ruleId: 'phi/phone',
      line: 3,
      column: 6,
      endLine: 3,
      endColumn: 18,
      severity: 2,
    });
  });
  it('reads piped input only when asked ("-" or --stdin); no path and no terminal is exit 2 with a hint', () => {
    for (const args of [['-'], ['--stdin']]) {
      const r = phiLint(['--format', 'json', ...args], { input: 'Email jenny.runs@gmail.com\n' });
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout)[0].messages[0].category).toBe('email');
    }
    const none = phiLint(['--format', 'json'], { input: '' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no files given: name files or folders to lint (phi-lint .), or "-" / --stdin');
  });
});

describe('formats', () => {
  it('json is ESLint-compatible', () => {
    const dir = tmp({ 'a.txt': 'Call 404-555-0187 or 404-555-0199.\n' });
    const out = JSON.parse(phiLint(['a.txt', '-f', 'json'], { cwd: dir }).stdout);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ errorCount: 2, warningCount: 0 });
    expect(out[0].filePath).toBe(join(dir, 'a.txt'));
    for (const m of out[0].messages)
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining(['ruleId', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']),
      );
  });
  it('stylish shows an annotated excerpt and a summary', () => {
    const dir = tmp({ 'a.txt': 'Call 404-555-0187 now.\n' });
    const r = phiLint(['a.txt', '--show-values'], { cwd: dir });
    expect(r.stdout).toContain('│ Call 404-555-0187 now.');
    expect(r.stdout).toContain('│      ^^^^^^^^^^^^');
    expect(r.stdout).toMatch(/1 problem \(1 error, 0 warnings\)/);
  });
  it('masks values when output is not a terminal', () => {
    const dir = tmp({ 'a.txt': 'Call 404-555-0187 now.\n' });
    const r = phiLint(['a.txt'], { cwd: dir });
    expect(r.stdout).not.toContain('404-555-0187');
    expect(r.stdout).toContain('Phone number "***"');
    expect(r.stdout).toContain('│ *** *** now.'); // "Call" is also a name: masked unless lower case
  });
  it('an unknown format is a usage error', () => {
    const r = phiLint(['-f', 'nope', 'README.md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown format "nope"');
  });
});

describe('Markdown with front matter and CRLF', () => {
  it('points at the original line and column', () => {
    const text =
      '---\r\nkind: reply\r\ntitle: Re: review\r\n---\r\n# Thanks!\r\n\r\nWe will call **you** at (773) 555-0182.\r\n';
    const dir = tmp({ 'r.md': text });
    const out = JSON.parse(phiLint(['r.md', '-f', 'json'], { cwd: dir }).stdout);
    const m = out[0].messages.find((x: { ruleId: string }) => x.ruleId === 'phi/phone');
    expect(m).toMatchObject({ line: 7, column: 25, endLine: 7, endColumn: 39 });
  });
});

describe('broken rule and config files', () => {
  it('a rule file with an unknown key names file, line, column and the nearest key', () => {
    const dir = tmp({
      'rules/custom.yaml':
        'rules:\n  - id: custom/x\n    category: name\n    severity: error\n    message: m\n    why: w\n    detect:\n      - pattren: abc\n    examples: { fire: [abc], silent: [x] }\n',
      'a.txt': 'hello\n',
    });
    const r = phiLint(['a.txt', '--rules', 'rules'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rules\/custom\.yaml:8:9: unknown key "pattren".*did you mean "pattern"/);
  });
  it('a bad regular expression is refused with its position', () => {
    const dir = tmp({
      'rules/custom.yaml':
        'rules:\n  - id: custom/x\n    category: name\n    severity: error\n    message: m\n    why: w\n    detect:\n      - pattern: "(abc"\n    examples: { fire: [abc], silent: [x] }\n',
      'a.txt': 'hello\n',
    });
    const r = phiLint(['a.txt', '--rules', 'rules'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/custom\.yaml:8:18: invalid regular expression/);
  });
  it('an unknown category lists the valid ones', () => {
    const dir = tmp({
      'rules/custom.yaml':
        'rules:\n  - id: custom/x\n    category: nmae\n    severity: error\n    message: m\n    why: w\n    detect:\n      - pattern: abc\n    examples: { fire: [abc], silent: [x] }\n',
      'a.txt': 'hello\n',
    });
    const r = phiLint(['a.txt', '--rules', 'rules'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/custom\.yaml:3:15: .*"nmae".*did you mean "name"/);
  });
  it('a broken config is exit 2 with file:line:col', () => {
    const dir = tmp({ '.phi-lint.yaml': 'practice:\n  name: X\n  phnoes: ["1"]\n', 'a.txt': 'hello\n' });
    const r = phiLint(['a.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.phi-lint\.yaml:3:3: unknown key "phnoes".*did you mean "phones"/);
  });
  it('invalid YAML in a config is exit 2 with its position', () => {
    const dir = tmp({ '.phi-lint.yaml': 'practice:\n  name: [unclosed\n', 'a.txt': 'hello\n' });
    const r = phiLint(['a.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.phi-lint\.yaml:\d+:\d+: invalid YAML/);
  });
});

describe('help and version', () => {
  it('--help shows examples', () => {
    const r = phiLint(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
  it('--version prints the version', () => {
    expect(phiLint(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
