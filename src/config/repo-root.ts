// The repository a config or draft belongs to, and whether a path stays inside it. Paths
// that repository content names (`consents:`, `rule-dirs:`, front matter `in-reply-to:`)
// may come from an untrusted pull request: they are read only inside the repository, with
// symbolic links resolved, so a config cannot make phi-lint read /etc/passwd or ~/.ssh and
// print pieces of it in an error. Paths the user types (-c, --rules, --in-reply-to) are
// trusted and not checked.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The nearest directory at or above `dir` holding `.git` (a git work tree's top level), if any. */
export function gitTopLevel(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    if (existsSync(join(d, '.git'))) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** The repository a config in `dir` governs: the git top level, else `dir` itself. */
export function repositoryOf(dir: string): string {
  return gitTopLevel(dir) ?? resolve(dir);
}

/** A path with symbolic links resolved as far as it exists (the rest appended as written). */
function real(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    const up = dirname(abs);
    return up === abs ? abs : join(real(up), basename(abs));
  }
}

/** Is `path` (symbolic links resolved) inside the directory `root`? */
export function isInside(path: string, root: string): boolean {
  const rel = relative(real(root), real(path));
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * What a draft's front matter may read (`in-reply-to:`): files inside the draft's git
 * repository; outside git, inside its config's directory, else the working directory.
 */
export function draftMayRead(draft: string, configDir: string | undefined, cwd: string): (file: string) => boolean {
  return (file) => isInside(file, gitTopLevel(dirname(resolve(cwd, draft))) ?? configDir ?? cwd);
}
