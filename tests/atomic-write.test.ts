// One atomic-write helper (src/atomic-write.ts) for every file phi-lint writes: drafts under
// --fix, the -o report, the baseline, the cache and its key, a new config.
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/atomic-write.js';
import { cli, tmpProject } from './tmp-project.js';

describe('writeFileAtomic', () => {
  it('replaces a file whole and keeps its mode', () => {
    const dir = tmpProject({ 'a.txt': 'old' });
    const file = join(dir, 'a.txt');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('leaves no temporary file when the rename fails (the target is a folder)', () => {
    const dir = tmpProject({ 'out/x': '' });
    expect(() => writeFileAtomic(join(dir, 'out'), 'report')).toThrow();
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('exclusive: refuses an existing file, leaving it and no temporary file', () => {
    const dir = tmpProject({ 'a.yaml': 'mine' });
    expect(() => writeFileAtomic(join(dir, 'a.yaml'), 'theirs', { exclusive: true })).toThrow(/EEXIST/);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    writeFileAtomic(join(dir, 'b.yaml'), 'new', { exclusive: true, mode: 0o600 });
    expect(statSync(join(dir, 'b.yaml')).mode & 0o777).toBe(0o600);
  });

  it('mkdir: creates the missing folders', () => {
    const dir = tmpProject();
    writeFileAtomic(join(dir, 'a/b/c.json'), '{}', { mkdir: true });
    expect(readFileSync(join(dir, 'a/b/c.json'), 'utf8')).toBe('{}');
  });
});

describe('the -o report is written with it', () => {
  it('never writes through a file planted at a predictable temporary name', async () => {
    const outside = tmpProject({ 'victim.txt': 'keep me' });
    const dir = tmpProject({ 'a.md': 'Call Sarah Whitfield at 404-555-0187.\n' });
    mkdirSync(join(dir, 'reports'));
    // the temporary name the old writer used: .<name>.<pid>.tmp
    symlinkSync(join(outside, 'victim.txt'), join(dir, 'reports', `.phi.json.${process.pid}.tmp`));
    const r = await cli(['-f', 'json', '-o', 'reports/phi.json', 'a.md'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(JSON.parse(readFileSync(join(dir, 'reports/phi.json'), 'utf8'))).toHaveLength(1);
  });
});
