// Reports a person can read (issue 15, point 18): several outputs in one run
// (-f stylish -f sarif:reports/phi.sarif -f html:reports/phi.html), and an HTML report that
// lists blocked drafts first with the clean ones behind a toggle.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmpProject } from './tmp-project.js';

const files = {
  'a-clean.md': 'Flu shots are in!\n',
  'b-blocked.md': 'Call her at 773-555-0182.\n',
  'c-clean.md': 'Walk-ins welcome.\n',
  'd-blocked.md': 'Sarah Whitfield had a root canal.\n',
};

describe('several outputs in one run', () => {
  it('-f stylish -f sarif:FILE -f html:FILE prints stylish and writes both files (folders made, values masked)', async () => {
    const dir = tmpProject(files);
    const r = await cli(
      ['--show-values', '-f', 'stylish', '-f', 'sarif:reports/phi.sarif', '-f', 'html:reports/html/phi.html', '.'],
      { cwd: dir },
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('773-555-0182'); // the terminal report, shown as asked
    const sarif = JSON.parse(readFileSync(join(dir, 'reports/phi.sarif'), 'utf8')) as {
      runs: { results: unknown[] }[];
    };
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'reports/html/phi.html'))).toBe(true);
    const both = await cli(['-f', 'json:out/r.json', '-f', 'junit:out/r.xml', '.'], { cwd: dir });
    expect(both.stdout).toContain('problems'); // stylish on standard output by default
    expect(readFileSync(join(dir, 'out/r.json'), 'utf8')).not.toContain('773-555');
    expect(readFileSync(join(dir, 'out/r.xml'), 'utf8')).toContain('<testsuites');
  });

  it('files written for sharing are masked unless --no-mask', async () => {
    const dir = tmpProject(files);
    await cli(['--show-values', '-f', 'sarif:r.sarif', '.'], { cwd: dir });
    expect(readFileSync(join(dir, 'r.sarif'), 'utf8')).toContain('773-555'); // --show-values asked for it
    await cli(['-f', 'sarif:m.sarif', '.'], { cwd: dir, tty: true });
    expect(readFileSync(join(dir, 'm.sarif'), 'utf8')).not.toContain('773-555');
  });

  it('two formats for standard output, an unknown format or a missing file name is exit 2', async () => {
    const dir = tmpProject(files);
    expect((await cli(['-f', 'stylish', '-f', 'json', '.'], { cwd: dir })).exitCode).toBe(2);
    expect((await cli(['-f', 'nope:x.txt', '.'], { cwd: dir })).exitCode).toBe(2);
    expect((await cli(['-f', 'sarif:', '.'], { cwd: dir })).exitCode).toBe(2);
  });
});

describe('the HTML report', () => {
  it('lists blocked drafts first and puts the clean ones behind a toggle', async () => {
    const dir = tmpProject(files);
    await cli(['-f', 'html:r.html', '.'], { cwd: dir });
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    const at = (name: string): number => page.indexOf(`${name}</`);
    expect(at('b-blocked.md')).toBeGreaterThan(0);
    expect(at('b-blocked.md')).toBeLessThan(at('a-clean.md'));
    expect(at('d-blocked.md')).toBeLessThan(at('a-clean.md'));
    const toggle = page.indexOf('<details class="clean-drafts"><summary>Show the 2 clean drafts</summary>');
    expect(toggle).toBeGreaterThan(at('d-blocked.md'));
    expect(toggle).toBeLessThan(at('a-clean.md'));
    expect(toggle).toBeLessThan(at('c-clean.md'));
  });
});
