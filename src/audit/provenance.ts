// Where a run's drafts come from, for the audit log and SARIF `versionControlProvenance`:
// the git commit, branch and remote of the working directory, when it is in a repository.
// git runs without a shell; a remote URL loses any user name or token it carries.
import { execFileSync } from 'node:child_process';

export interface GitInfo {
  commit: string;
  branch: string | null;
  /** The `origin` remote, without credentials; null when there is none. */
  repository: string | null;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    const stdio: ['ignore', 'pipe', 'ignore'] = ['ignore', 'pipe', 'ignore'];
    const out = execFileSync('git', args, { cwd, encoding: 'utf8', stdio, timeout: 10_000 });
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A remote's URL as a URI without user information: https://host/org/repo.git; scp-style ssh becomes ssh://. */
export function publicRemote(url: string): string | null {
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(url);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return `ssh://${scp[1]}/${scp[2]}`;
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

export function gitInfo(cwd: string): GitInfo | null {
  const commit = git(['rev-parse', '--verify', '-q', 'HEAD'], cwd);
  if (!commit || !/^[0-9a-f]{40,64}$/.test(commit)) return null;
  const branch = git(['symbolic-ref', '-q', '--short', 'HEAD'], cwd) ?? null;
  const remote = git(['config', '--get', 'remote.origin.url'], cwd);
  return { commit, branch, repository: remote ? publicRemote(remote) : null };
}
