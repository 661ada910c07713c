// Throw-away directories and git repositories for end-to-end tests.
import { execFileSync } from 'node:child_process';
import { tempDir, writeFiles } from './support/temp-dirs.js';

/** A fresh directory holding these files (paths relative, "/"-separated). */
export const scratchDir = (files: Record<string, string> = {}, prefix = 'phi-lint-test-'): string =>
  tempDir(files, prefix);

export { writeFiles };

/** An environment for git that ignores the user's and system's config. */
export const GIT_ENV: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A git repository on branch "main" with these files committed. */
export function scratchRepo(files: Record<string, string> = {}): string {
  const dir = scratchDir(files, 'phi-lint-repo-');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'initial');
  return dir;
}
