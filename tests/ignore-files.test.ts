// Ignoring (issue 15, point 5): .phi-lintignore, --ignore-pattern, --no-ignore; ignores
// apply to files named on the command line too, with a notice (as ESLint does); the
// pre-commit hook leaves README/CHANGELOG-style files out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';

const PHI = 'Call her at 773-555-0182.\n';

describe('.phi-lintignore and --ignore-pattern', () => {
  it('.phi-lintignore uses gitignore syntax: comments, anchored paths, folders, negation', async () => {
    const dir = tmpProject({
      '.phi-lintignore': '# not drafts\n/notes.md\narchive/\n*.private.md\n!keep.private.md\n',
      'notes.md': PHI,
      'posts/notes.md': PHI,
      'posts/archive/old.md': PHI,
      'posts/a.private.md': PHI,
      'posts/keep.private.md': PHI,
    });
    const r = await cli(['--list-files', '.'], { cwd: dir });
    expect(r.stdout).toBe('posts/keep.private.md\nposts/notes.md\n');
    const lint = await cli(['.'], { cwd: dir });
    expect(lint.stdout).toMatch(/3 files ignored by ignore: globs \(\.phi-lintignore:2,3,4\)/);
  });

  it('--ignore-pattern leaves out what it matches (repeatable), and is counted', async () => {
    const dir = tmpProject({ 'posts/a.md': PHI, 'drafts/b.md': PHI, 'c.md': PHI });
    const r = await cli(['--list-files', '--ignore-pattern', 'drafts/**', '--ignore-pattern', 'c.md', '.'], {
      cwd: dir,
    });
    expect(r.stdout).toBe('posts/a.md\n');
    const lint = await cli(['--ignore-pattern', 'drafts', '.'], { cwd: dir });
    expect(lint.stdout).toMatch(/1 file ignored by ignore: globs \(--ignore-pattern\)/);
  });

  it('a named file that an ignore matches is left out with a notice; --no-ignore lints it', async () => {
    const dir = tmpProject({ '.phi-lintignore': 'drafts/\n', 'drafts/b.md': PHI });
    const r = await cli(['drafts/b.md'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('phi-lint: drafts/b.md: ignored by .phi-lintignore:1; --no-ignore lints it');
    const all = await cli(['--no-ignore', 'drafts/b.md'], { cwd: dir });
    expect(all.exitCode).toBe(1);
    expect(all.stdout).toContain('phi/phone');
  });

  it("a config's ignore: applies to named files too (the staged files a pre-commit hook names)", async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'ignore: ["README.md"]\n',
      'README.md': PHI,
      'posts/.phi-lint.yaml': 'ignore: ["old/**"]\n',
      'posts/old/x.md': PHI,
    });
    const r = await cli(['README.md', 'posts/old/x.md'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('phi-lint: README.md: ignored by ignore: in .phi-lint.yaml; --no-ignore lints it');
    expect(r.stderr).toContain(
      'phi-lint: posts/old/x.md: ignored by ignore: in posts/.phi-lint.yaml; --no-ignore lints it',
    );
    expect((await cli(['--no-ignore', 'README.md'], { cwd: dir })).exitCode).toBe(1);
  });
});

describe('the pre-commit hook', () => {
  it('leaves README, CHANGELOG and similar files out by default (exclude:), not drafts named like them', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { exclude?: string }[];
    const exclude = new RegExp(hooks[0].exclude ?? '(?!)');
    for (const f of ['README.md', 'CHANGELOG.md', 'docs/CHANGELOG.md', 'CONTRIBUTING.md', 'LICENSE', 'HISTORY.txt']) {
      expect(exclude.test(f), f).toBe(true);
    }
    for (const f of ['posts/readme-tips.md', 'content/changelog-of-our-office.md', 'README-draft/post.md']) {
      expect(exclude.test(f), f).toBe(false);
    }
  });
});
