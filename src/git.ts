// Which drafts git says changed: since a ref (CI on pull requests) or staged for the next
// commit. git runs as a child process without a shell (execFile), paths are read
// NUL-separated, and staged content is read from the index, not the working copy.
import { execFile } from 'node:child_process';
import { posix, resolve } from 'node:path';
import { PhiLintError } from './errors.js';

export interface GitFile {
  /** Absolute path of the file in the working tree (it need not exist there). */
  path: string;
  /** Path relative to the top of the work tree, as the index names it. */
  gitPath: string;
}

interface GitRepo {
  top: string;
  /** The directory the command runs in, relative to the top ("" or "sub/dir/"). */
  prefix: string;
  cwd: string;
}

function git(args: string[], cwd: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'ENOENT') reject(new PhiLintError('git is not installed or not on PATH'));
        else reject(Object.assign(new Error(stderr.toString('utf8').trim() || e.message), { gitFailed: true }));
      } else resolvePromise(stdout);
    });
  });
}

async function gitText(args: string[], cwd: string): Promise<string> {
  return (await git(args, cwd)).toString('utf8');
}

function nulList(out: string): string[] {
  return out.split('\0').filter(Boolean);
}

async function openRepo(cwd: string, flag: string): Promise<GitRepo> {
  try {
    const out = await gitText(['rev-parse', '--show-toplevel', '--show-prefix'], cwd);
    const [top, prefix = ''] = out.split('\n');
    return { top: top!, prefix, cwd };
  } catch (e) {
    if (e instanceof PhiLintError) throw e;
    throw new PhiLintError(`${flag} needs a git repository, and ${cwd} is not inside one`);
  }
}

/**
 * A top-relative git path as an absolute path under the caller's working directory. Going
 * through the prefix (not the top's real path) keeps symlinked working directories right.
 */
function toFile(repo: GitRepo, gitPath: string): GitFile {
  const fromCwd = posix.relative(`/${repo.prefix}`, `/${gitPath}`);
  return { path: resolve(repo.cwd, fromCwd), gitPath };
}

/**
 * Drafts changed since `ref`: every file that differs between the merge base of `ref` and
 * HEAD and the working tree (committed, staged or not), plus untracked files that are not
 * ignored. Deleted files are left out.
 */
export async function changedSince(ref: string, cwd: string): Promise<GitFile[]> {
  const repo = await openRepo(cwd, '--changed-since');
  try {
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo.top);
  } catch (e) {
    if (e instanceof PhiLintError) throw e;
    throw new PhiLintError(`--changed-since: "${ref}" is not a commit, branch or tag in this repository`);
  }
  let base = ref;
  try {
    base = (await gitText(['merge-base', '--end-of-options', ref, 'HEAD'], repo.top)).trim() || ref;
  } catch {
    // No HEAD yet, or no common history: compare with the ref itself.
  }
  const diff = nulList(await gitText(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', '--end-of-options', base, '--'], repo.top));
  const untracked = nulList(await gitText(['ls-files', '--others', '--exclude-standard', '-z'], repo.top));
  return [...new Set([...diff, ...untracked])].sort().map((p) => toFile(repo, p));
}

/** Files staged for the next commit (added, copied, modified, renamed; not deleted). */
export async function stagedFiles(cwd: string): Promise<{ files: GitFile[]; read: (f: GitFile) => Promise<Buffer> }> {
  const repo = await openRepo(cwd, '--staged');
  const out = nulList(await gitText(['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=d'], repo.top));
  return {
    files: out.sort().map((p) => toFile(repo, p)),
    read: (f) => git(['cat-file', 'blob', `:${f.gitPath}`], repo.top),
  };
}
