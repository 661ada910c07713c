// The hook as content teams use it: the real pre-commit framework installs phi-lint from
// this repository (`pre-commit try-repo`, which clones it, runs `npm install` and
// `npm pack` in its own environment) and runs it on a throw-away content repository.
// Also a plain git pre-commit hook running `phi-lint --staged`, as husky does.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from './helpers.js';
import { GIT_ENV, git, scratchDir, scratchRepo, writeFiles } from './scratch.js';

const PHI = 'Call them at 404-555-0187 tomorrow.\n';
const CLEAN = 'Flu shots are in! Walk-ins welcome.\n';

const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const hasPreCommit = preCommitVersion.status === 0;
const rootIsRepo =
  spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() === 'true';
const skipWhy = !hasPreCommit
  ? 'the pre-commit framework is not installed (`apt-get install pre-commit`; .ci/run installs it)'
  : !rootIsRepo
    ? `${ROOT} is not a git work tree, and try-repo needs one`
    : '';
if (skipWhy) console.warn(`SKIPPED pre-commit framework tests: ${skipWhy}`);

function preCommit(
  args: string[],
  cwd: string,
  extra: Record<string, string> = {},
): { status: number | null; out: string } {
  const r = spawnSync('pre-commit', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...GIT_ENV,
      PRE_COMMIT_HOME: scratchDir({}, 'pre-commit-home-'),
      PRE_COMMIT_COLOR: 'never',
      ...extra,
    },
    timeout: 280_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('.pre-commit-hooks.yaml', () => {
  it('defines the phi-lint hook for Markdown and plain-text drafts, run by node', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({
      id: 'phi-lint',
      language: 'node',
      entry: 'phi-lint',
      types_or: ['markdown', 'plain-text'],
    });
  });

  it.skipIf(!hasPreCommit)('is a valid pre-commit manifest', () => {
    const r = preCommit(['validate-manifest', '.pre-commit-hooks.yaml'], ROOT);
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  });
});

describe.skipIf(!!skipWhy)('pre-commit try-repo', () => {
  it('refuses a staged draft with PHI, linting what is staged, with masked values', { timeout: 300_000 }, () => {
    const repo = scratchRepo({ 'README.md': '# Posts\n' });
    writeFiles(repo, { 'posts/story.md': `# Story\n\n${PHI}` });
    git(repo, 'add', 'posts/story.md');
    writeFiles(repo, { 'posts/story.md': CLEAN }); // an unstaged fix is not what gets committed
    // in CI the hook masks (a local hook shows the writer's text: tests/mask-policy.test.ts)
    const r = preCommit(['try-repo', ROOT, 'phi-lint', '--verbose'], repo, { CI: 'true' });
    expect(r.out).toMatch(/phi-lint\.+Failed/);
    expect(r.out).toContain('posts/story.md');
    expect(r.out).toMatch(/3:14\s+error\s+Phone number "\*\*\*"/); // a fixed mask: no digits, no length
    expect(r.out).not.toContain('404-555-0187');
    expect(r.status).toBe(1);
    expect(readFileSync(join(repo, 'posts/story.md'), 'utf8')).toBe(CLEAN); // pre-commit restored it
  });

  it('passes a clean staged draft, and only drafts are handed to the hook', { timeout: 300_000 }, () => {
    const repo = scratchRepo({ 'README.md': '# Posts\n' });
    writeFiles(repo, { 'replies/thanks.txt': CLEAN, 'data/contacts.json': `{"phone": "404-555-0187"}\n` });
    git(repo, 'add', '-A');
    const r = preCommit(['try-repo', ROOT, 'phi-lint', '--verbose'], repo);
    expect(r.out).toMatch(/phi-lint\.+Passed/);
    expect(r.out).toContain('1 file checked, no PHI found');
    expect(r.status).toBe(0);
  });
});

describe('a plain git pre-commit hook running phi-lint --staged (what husky installs)', () => {
  it('blocks the commit of a draft with PHI and lets a clean one through', () => {
    const repo = scratchRepo({ 'README.md': '# Posts\n' });
    const hook = join(repo, '.git', 'hooks', 'pre-commit');
    writeFiles(repo, { '.git/hooks/pre-commit': `#!/bin/sh\nexec "${process.execPath}" "${BIN}" --staged\n` });
    chmodSync(hook, 0o755);
    writeFiles(repo, { 'posts/a.md': PHI });
    git(repo, 'add', 'posts/a.md');
    const local: Record<string, string | undefined> = { ...process.env, ...GIT_ENV };
    for (const v of [
      'CI',
      'GITHUB_ACTIONS',
      'GITLAB_CI',
      'JENKINS_URL',
      'TF_BUILD',
      'BUILDKITE',
      'CIRCLECI',
      'PHI_LINT_MASK',
    ])
      delete local[v];
    const refused = spawnSync('git', ['commit', '-m', 'add post'], { cwd: repo, encoding: 'utf8', env: local });
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('phi/phone');
    // a local hook shows the writer's own text (issue 15); in CI it is masked
    expect(refused.stdout + refused.stderr).toContain('404-555-0187');
    const inCi = spawnSync('git', ['commit', '-m', 'add post'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...local, CI: 'true' },
    });
    expect(inCi.stdout + inCi.stderr).toContain('phi/phone');
    expect(inCi.stdout + inCi.stderr).not.toContain('404-555-0187');
    expect(git(repo, 'log', '--oneline')).not.toContain('add post');
    writeFiles(repo, { 'posts/a.md': CLEAN });
    git(repo, 'add', 'posts/a.md');
    git(repo, 'commit', '-q', '-m', 'add post');
    expect(git(repo, 'log', '--oneline')).toContain('add post');
  });
});
