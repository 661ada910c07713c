// Which drafts git says changed: since a ref (CI on pull requests) or staged for the next
// commit. git runs as a child process without a shell (execFile), paths are read
// NUL-separated, and staged content is read from the index, not the working copy.
import { execFile } from 'node:child_process';
import { basename, dirname, posix, relative, resolve, sep } from 'node:path';
import { PhiLintError } from './errors.js';

export interface GitFile {
  /** Absolute path of the file in the working tree (it need not exist there). */
  path: string;
  /** Path relative to the top of the work tree, as the index names it. */
  gitPath: string;
  /** --staged: the file is a symbolic link in the index (its blob is the link's target, never followed). */
  symlink?: boolean;
}

interface GitRepo {
  top: string;
  /** The directory the command runs in, relative to the top ("" or "sub/dir/"). */
  prefix: string;
  cwd: string;
}

function git(args: string[], cwd: string, input?: string, okCodes: number[] = []): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const options = { cwd, encoding: 'buffer' as const, maxBuffer: 256 * 1024 * 1024 };
    const child = execFile('git', args, options, (err, stdout, stderr) => {
      if (err && okCodes.includes(Number((err as { code?: unknown }).code))) resolvePromise(stdout);
      else if (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'ENOENT') reject(new PhiLintError('git is not installed or not on PATH'));
        else reject(Object.assign(new Error(stderr.toString('utf8').trim() || e.message), { gitFailed: true }));
      } else resolvePromise(stdout);
    });
    if (input !== undefined) {
      // git may exit before reading its input (not a repository): the write then fails with
      // EPIPE, which the exit code above already reports; it must not be an uncaught error
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input);
    }
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
  const diff = nulList(
    await gitText(
      ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', '--end-of-options', base, '--'],
      repo.top,
    ),
  );
  const untracked = nulList(await gitText(['ls-files', '--others', '--exclude-standard', '-z'], repo.top));
  return [...new Set([...diff, ...untracked])].sort().map((p) => toFile(repo, p));
}

/** Files staged for the next commit (added, copied, modified, renamed; not deleted). */
export async function stagedFiles(cwd: string): Promise<{ files: GitFile[]; read: (f: GitFile) => Promise<Buffer> }> {
  const repo = await openRepo(cwd, '--staged');
  // --raw: ":old-mode new-mode old-sha new-sha status" NUL path NUL, so links (mode 120000) are known
  const out = nulList(await gitText(['diff', '--cached', '--raw', '-z', '--no-renames', '--diff-filter=d'], repo.top));
  const files: GitFile[] = [];
  for (let i = 0; i + 1 < out.length; i += 2) {
    const mode = out[i]!.split(' ')[1];
    files.push({ ...toFile(repo, out[i + 1]!), ...(mode === '120000' ? { symlink: true } : {}) });
  }
  return {
    files: files.sort((a, b) => (a.gitPath < b.gitPath ? -1 : a.gitPath > b.gitPath ? 1 : 0)),
    read: (f) => git(['cat-file', 'blob', `:${f.gitPath}`], repo.top),
  };
}

/** Does git track this file (in the work tree holding it)? */
export async function isTracked(file: string): Promise<boolean> {
  try {
    return (await git(['ls-files', '-z', '--cached', '--', `:(literal)${basename(file)}`], dirname(file))).length > 0;
  } catch {
    return false;
  }
}

/**
 * Which of these files (absolute, all in the work tree `top`) .gitignore and git's other
 * exclude files ignore. Tracked files are never among them: git does not apply ignore rules
 * to what it tracks. Undefined when git cannot say.
 */
export async function ignoredUntracked(top: string, files: string[]): Promise<Set<string> | undefined> {
  try {
    const input = files.map((f) => posix.normalize(relative(top, f).split(sep).join('/'))).join('\0');
    // exit 1: none of them is ignored
    const out = await git(['check-ignore', '-z', '--stdin'], top, `${input}\0`, [1]);
    return new Set(nulList(out.toString('utf8')).map((p) => resolve(top, p)));
  } catch {
    return undefined;
  }
}
