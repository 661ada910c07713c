// --changed-since, --staged and --shard against throw-away git repositories.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phiLint } from './helpers.js';
import { git, scratchDir, scratchRepo, writeFiles } from './scratch.js';

const PHI = 'Call them at 404-555-0187 tomorrow.\n';
const CLEAN = 'Flu shots are in! Walk-ins welcome.\n';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number }[];
}

function linted(
  dir: string,
  args: string[],
): { status: number | null; files: string[]; results: JsonResult[]; stderr: string } {
  const r = phiLint(['-f', 'json', ...args], { cwd: dir });
  const results = r.stdout ? (JSON.parse(r.stdout) as JsonResult[]) : [];
  return {
    status: r.status,
    files: results.map((x) => x.filePath.slice(dir.length + 1)).sort(),
    results,
    stderr: r.stderr,
  };
}

describe('--changed-since', () => {
  function repo(): string {
    const dir = scratchRepo({
      'posts/old.md': PHI,
      'posts/same.md': CLEAN,
      'posts/edited.md': CLEAN,
      'posts/gone.md': CLEAN,
      '.gitignore': 'scratch/\n',
    });
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFiles(dir, {
      'posts/new.md': PHI,
      'posts/edited.md': `${CLEAN}${PHI}`,
      'posts/data.json': '{"phone": "404-555-0187"}\n',
    });
    rmSync(join(dir, 'posts/gone.md'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'feature work');
    writeFiles(dir, { 'posts/uncommitted.txt': PHI, 'scratch/ignored.md': PHI, '.github/hidden.md': PHI });
    return dir;
  }

  it('lints drafts changed since the ref (committed or not) and untracked ones, not unchanged, deleted, ignored or hidden ones', () => {
    const dir = repo();
    const r = linted(dir, ['--changed-since', 'main']);
    expect(r.stderr).toBe('');
    expect(r.files).toEqual(['posts/edited.md', 'posts/new.md', 'posts/uncommitted.txt']);
    expect(r.status).toBe(1);
    expect(linted(dir, ['.']).files).toEqual([
      'posts/edited.md',
      'posts/new.md',
      'posts/old.md',
      'posts/same.md',
      'posts/uncommitted.txt',
    ]);
  });

  it('uses the merge base, so commits on the base branch after the fork do not count', () => {
    const dir = repo();
    git(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'posts/main-only.md': PHI });
    git(dir, 'add', 'posts/main-only.md');
    git(dir, 'commit', '-q', '-m', 'main moves on');
    git(dir, 'checkout', '-q', 'feature');
    expect(linted(dir, ['--changed-since', 'main']).files).toEqual([
      'posts/edited.md',
      'posts/new.md',
      'posts/uncommitted.txt',
    ]);
  });

  it('narrows to the paths given, from a subdirectory too', () => {
    const dir = repo();
    writeFiles(dir, { 'replies/r.md': PHI });
    expect(linted(dir, ['--changed-since', 'main', 'replies']).files).toEqual(['replies/r.md']);
    expect(linted(dir, ['--changed-since', 'main', 'posts/*.md']).files).toEqual(['posts/edited.md', 'posts/new.md']);
    expect(linted(dir, ['--changed-since', 'main', 'posts/old.md', 'posts/new.md']).files).toEqual(['posts/new.md']);
    const sub = linted(join(dir, 'posts'), ['--changed-since', 'main']);
    expect(sub.results.map((x) => x.filePath).sort()).toEqual([
      join(dir, 'posts/edited.md'),
      join(dir, 'posts/new.md'),
      join(dir, 'posts/uncommitted.txt'),
    ]);
  });

  it('nothing changed: exit 0, no files', () => {
    const dir = scratchRepo({ 'a.md': PHI });
    const r = linted(dir, ['--changed-since', 'HEAD']);
    expect(r).toMatchObject({ status: 0, files: [] });
  });

  it('an unknown ref, or no repository, is a usage error naming it', () => {
    const dir = repo();
    const r = phiLint(['--changed-since', 'no-such-branch'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'phi-lint: --changed-since: "no-such-branch" is not a commit, branch or tag in this repository\n',
    );
    // A ref that looks like an option is never passed to git as one.
    const opt = phiLint(['--changed-since=--output=written-by-git'], { cwd: dir });
    expect(opt.status).toBe(2);
    expect(opt.stderr).toContain('"--output=written-by-git" is not a commit');
    expect(existsSync(join(dir, 'written-by-git'))).toBe(false);
    const plain = scratchDir({ 'a.md': PHI });
    const r2 = phiLint(['--changed-since', 'main'], { cwd: plain });
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/^phi-lint: --changed-since needs a git repository, and .* is not inside one\n$/);
  });
});

describe('--staged', () => {
  it('lints the staged content, not the working copy, and reports it against the file', () => {
    const dir = scratchRepo({ 'posts/a.md': CLEAN });
    writeFiles(dir, { 'posts/a.md': `# Update\n\n${PHI}` });
    git(dir, 'add', 'posts/a.md');
    writeFileSync(join(dir, 'posts/a.md'), CLEAN); // the working copy is clean again
    const r = linted(dir, ['--staged']);
    expect(r.status).toBe(1);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]!.filePath).toBe(join(dir, 'posts/a.md'));
    expect(r.results[0]!.messages[0]).toMatchObject({ ruleId: 'phi/phone', line: 3, column: 14 });
    // --staged is a local hook: the writer's text is shown (issue 15); masked when asked, or in CI
    expect(phiLint(['--staged'], { cwd: dir }).stdout).toContain('404-555-0187');
    const stylish = phiLint(['--staged'], { cwd: dir, env: { CI: 'true' } }).stdout;
    expect(stylish).toContain('posts/a.md');
    expect(stylish).toContain('│ *** them at *** tomorrow.');
  });

  it('a clean staged draft passes even when the working copy has PHI; unstaged drafts are not linted', () => {
    const dir = scratchRepo({ 'a.md': CLEAN });
    writeFiles(dir, { 'b.md': CLEAN });
    git(dir, 'add', 'b.md');
    writeFiles(dir, { 'b.md': PHI, 'a.md': PHI, 'c.md': PHI });
    expect(linted(dir, ['--staged'])).toMatchObject({ status: 0, files: ['b.md'] });
  });

  it('works before the first commit, and from a subdirectory', () => {
    const dir = scratchDir({ 'posts/a.md': PHI, 'posts/b.txt': CLEAN, 'notes.json': '{}' }, 'phi-lint-repo-');
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    expect(linted(dir, ['--staged'])).toMatchObject({ status: 1, files: ['posts/a.md', 'posts/b.txt'] });
    const sub = linted(join(dir, 'posts'), ['--staged', 'a.md']);
    expect(sub.results.map((x) => x.filePath)).toEqual([join(dir, 'posts/a.md')]);
  });

  it('ignores standard input, and refuses "-", --fix or --changed-since with it', () => {
    const dir = scratchRepo({ 'a.md': CLEAN });
    expect(phiLint(['--staged'], { cwd: dir, input: PHI }).status).toBe(0);
    const dash = phiLint(['--staged', '-'], { cwd: dir, input: PHI });
    expect(dash.status).toBe(2);
    expect(dash.stderr).toContain('cannot be used with standard input');
    const fix = phiLint(['--staged', '--fix'], { cwd: dir });
    expect(fix.status).toBe(2);
    expect(fix.stderr).toContain('--fix and --fix-dry-run work on the working copy, not on staged content');
    const both = phiLint(['--staged', '--changed-since', 'main'], { cwd: dir });
    expect(both.status).toBe(2);
    expect(both.stderr).toBe('phi-lint: use either --staged or --changed-since, not both\n');
  });
});

describe('--shard', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`posts/p${String(i).padStart(2, '0')}.md`] = i % 2 ? PHI : CLEAN;

  it('splits the files into disjoint shares that together cover them all, the same way every run', () => {
    const dir = scratchDir(files);
    const all = linted(dir, ['posts']).files;
    expect(all).toHaveLength(30);
    const shares = [1, 2, 3].map((i) => linted(dir, ['--shard', `${i}/3`, 'posts']).files);
    expect(shares.flat().sort()).toEqual(all);
    for (const s of shares) expect(s.length).toBeGreaterThan(3);
    expect(linted(dir, ['--shard', '2/3', 'posts']).files).toEqual(shares[1]);
    // A file's share does not depend on the other files.
    const one = scratchDir({ [shares[1]![0]!]: PHI });
    expect(linted(one, ['--shard', '2/3', 'posts']).files).toEqual([shares[1]![0]]);
    expect(linted(dir, ['--shard', '1/1', 'posts']).files).toEqual(all);
  });

  it('combines with --changed-since', () => {
    const dir = scratchRepo({});
    writeFiles(dir, files);
    const changed = linted(dir, ['--changed-since', 'HEAD']).files;
    const shares = [1, 2].map((i) => linted(dir, ['--changed-since', 'HEAD', '--shard', `${i}/2`]).files);
    expect(shares.flat().sort()).toEqual(changed);
  });

  it('refuses a malformed shard', () => {
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1-3']) {
      const r = phiLint(['--shard', bad, '.'], { cwd: scratchDir({ 'a.md': CLEAN }) });
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toBe(`phi-lint: --shard expects I/N with 1 <= I <= N (for example 2/4), got "${bad}"\n`);
    }
  });
});
