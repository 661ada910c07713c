// Which drafts to lint: paths, directories and globs (globby, .gitignore and the config's
// ignore globs respected), and links that would lead out of the repository. Reading a
// draft is read-draft.ts; matching a config's globs is globs.ts.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PhiLintError } from './errors.js';
import { picomatch } from './globs.js';
import { describeFsError } from './read-draft.js';

// globby (and its dependencies) load only when a directory or glob is expanded: a single
// file or standard input starts faster without them.
let globbyModule: typeof import('globby') | undefined;
const lib = async (): Promise<typeof import('globby')> => (globbyModule ??= await import('globby'));

export interface Target {
  path: string; // absolute, or '<stdin>'
  /** Set when the path could not be used (missing, unreadable). */
  error?: string;
  /** Found by expanding a directory or glob (not named itself). */
  expanded?: boolean;
}

export interface ExpandOptions {
  cwd: string;
  extensions: string[];
  ignore: string[];
  /** Directory the ignore globs are relative to (the config's). */
  ignoreBase: string;
  /** --no-ignore: neither .gitignore nor the config's ignore globs drop a file. */
  noIgnore?: boolean;
  /** Filled in: how many files .gitignore dropped (untracked ones: tracked drafts are always linted). */
  counts?: { gitignored: number };
  /** --no-error-on-unmatched-pattern: a folder or glob that yields no draft is not an error. */
  allowUnmatched?: boolean;
  /** Test hook: the file system globby walks (to simulate a folder that cannot be read). */
  fs?: typeof import('node:fs');
}

/** How a list of files was walked (to walk it again, with globby's reading of .gitignore). */
interface Walked {
  glob: string;
  ignore: string[];
  caseSensitiveMatch: boolean;
}

/** The globby options every expansion shares: symbolic links are listed, never walked into. */
const WALK = { absolute: true, dot: false, followSymbolicLinks: false, onlyFiles: false, objectMode: true } as const;

/**
 * Run globby, turning a folder it cannot read into that folder's error (and walking the rest
 * again without it) instead of failing the whole run. Directories are left out, symbolic
 * links kept when they lead to a file (guardLinks decides whether they may be read).
 */
async function walk(walked: Walked, cwd: string, opts: ExpandOptions): Promise<{ files: string[]; errors: Target[] }> {
  const { globby, convertPathToPattern } = await lib();
  const { glob, ignore, caseSensitiveMatch } = walked;
  const errors: Target[] = [];
  const skip: string[] = [];
  for (;;) {
    try {
      const fs = opts.fs ? { fs: opts.fs } : {};
      const entries = await globby(glob, { ...WALK, cwd, caseSensitiveMatch, ignore: [...ignore, ...skip], ...fs });
      const isFile = (e: (typeof entries)[number]): boolean =>
        e.dirent.isFile() || (e.dirent.isSymbolicLink() && leadsToFile(e.path));
      return { files: entries.filter(isFile).map((e) => e.path), errors };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (!err.path || !err.code || errors.some((t) => t.path === err.path)) {
        throw new PhiLintError(`cannot list the files of ${glob} (${describeFsError(err)})`);
      }
      errors.push({ path: err.path, error: `${describeFsError(err, err.path)} (a folder that could not be read)` });
      const rel = relative(cwd, err.path);
      const unread = isAbsolute(glob) || rel.startsWith('..') ? err.path : rel;
      const folder = convertPathToPattern(unread.split(sep).join('/'));
      skip.push(folder, `${folder}/**`);
    }
  }
}

function leadsToFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // broken or looping: not a file, as a directory walk sees it
  }
}

/**
 * Drop the files .gitignore ignores, except those git tracks: a tracked draft is linted
 * whatever .gitignore says (a pull request can add both). In a git work tree git itself
 * says which are ignored (`git check-ignore`, which leaves tracked files out); elsewhere
 * globby reads the .gitignore files. The dropped ones are counted for a notice.
 */
async function dropGitignored(files: string[], walked: Walked, cwd: string, opts: ExpandOptions): Promise<string[]> {
  if (opts.noIgnore || !files.length) return files;
  const byTree = new Map<string, string[]>();
  const loose: string[] = [];
  const trees = new Map<string, string | null>();
  for (const f of files) {
    const top = workTreeOf(dirname(f), trees);
    if (!top) loose.push(f);
    else if (byTree.has(top)) byTree.get(top)!.push(f);
    else byTree.set(top, [f]);
  }
  const ignored = new Set<string>();
  for (const [top, inTree] of byTree) {
    const found = await (await import('./git.js')).ignoredUntracked(top, inTree);
    for (const f of found ?? []) ignored.add(f);
  }
  if (loose.length) {
    const { globby } = await lib();
    const { glob, ...how } = walked;
    const fs = opts.fs ? { fs: opts.fs } : {};
    const again = { ...WALK, ...how, objectMode: false, cwd, gitignore: true, suppressErrors: true, ...fs };
    const kept = new Set(await globby(glob, again));
    for (const f of loose) if (!kept.has(f)) ignored.add(f);
  }
  if (opts.counts) opts.counts.gitignored += ignored.size;
  return ignored.size ? files.filter((f) => !ignored.has(f)) : files;
}

export async function expandTargets(patterns: string[], opts: ExpandOptions): Promise<Target[]> {
  const exts = opts.extensions.map((e) => e.replace(/^\./, ''));
  const extGlob = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
  const isIgnored = opts.ignore.length && !opts.noIgnore ? picomatch(opts.ignore, { dot: true }) : () => false;
  const ignoredPath = (abs: string): boolean => isIgnored(relative(opts.ignoreBase, abs).split('\\').join('/'));
  const out = new Map<string, Target>();
  const byPath = (a: Target, b: Target): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const add = (files: string[], errors: Target[]): void => {
    const all = [...files.map((f): Target => ({ path: f, expanded: true })), ...errors].sort(byPath);
    for (const t of all) if (t.error || !ignoredPath(t.path)) out.set(t.path, t);
  };
  for (const p of patterns) {
    const abs = isAbsolute(p) ? p : resolve(opts.cwd, p);
    let st;
    let statError: NodeJS.ErrnoException | undefined;
    try {
      st = statSync(abs);
    } catch (e) {
      st = undefined;
      statError = e as NodeJS.ErrnoException;
    }
    if (st?.isDirectory()) {
      // Extensions match in any case: POST.MD is a draft too.
      const walked = { glob: extGlob, ignore: ['**/node_modules/**', '**/.git/**'], caseSensitiveMatch: false };
      const found = await walk(walked, abs, opts);
      const files = await dropGitignored(found.files, walked, abs, opts);
      // like ESLint's "No files matching": a folder with no draft is not a pass (issue 15)
      if (!files.length && !found.errors.length && !opts.allowUnmatched) {
        const what = `no drafts (${opts.extensions.join(', ')}) in this folder`;
        out.set(abs, { path: abs, error: `${what}; --no-error-on-unmatched-pattern allows it` });
      }
      add(files, found.errors);
    } else if (st?.isFile()) {
      out.set(abs, { path: abs });
    } else if ((await lib()).isDynamicPattern(p)) {
      const walked = { glob: p, ignore: ['**/node_modules/**'], caseSensitiveMatch: true };
      const found = await walk(walked, opts.cwd, opts);
      if (!found.files.length && !found.errors.length && !opts.allowUnmatched) {
        out.set(abs, { path: abs, error: `no files match the pattern "${p}"` });
      }
      add(await dropGitignored(found.files, walked, opts.cwd, opts), found.errors);
    } else {
      out.set(abs, { path: abs, error: st ? 'not a regular file or directory' : describeFsError(statError, abs) });
    }
  }
  return [...out.values()];
}

/**
 * The git work tree a folder lies in (the nearest folder above it holding .git), by its
 * lexical path; `workTrees` remembers the answers for one run.
 */
export function workTreeOf(dir: string, workTrees = new Map<string, string | null>()): string | undefined {
  const seen: string[] = [];
  let d = resolve(dir);
  let found: string | null = null;
  for (;;) {
    const known = workTrees.get(d);
    if (known !== undefined) {
      found = known;
      break;
    }
    seen.push(d);
    if (basename(d) !== '.git' && existsSync(join(d, '.git'))) {
      found = d;
      break;
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const s of seen) workTrees.set(s, found);
  return found ?? undefined;
}

const inside = (rel: string): boolean => rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);

/** A path's real path; for one that does not exist (yet), its nearest existing folder's, with the rest appended. */
export function realOrSelf(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync.native(abs);
  } catch {
    const up = dirname(abs);
    return up === abs ? abs : join(realOrSelf(up), basename(abs));
  }
}

/** Does `path` lie inside the folder `root` (both by their real paths)? */
export function isInside(root: string, path: string): boolean {
  return inside(relative(realOrSelf(root), realOrSelf(path)));
}

/**
 * Whether a draft is reached through a symbolic link, and why it may not be read, if it may
 * not: its real path must lie inside the repository it is in (`root`: the git work tree
 * holding its path, else the working directory) and outside any .git folder. A path outside
 * every repository and the working directory was named by the user, not written by a pull
 * request: it is read.
 */
interface Checked {
  t: Target;
  real?: string;
  isLink?: boolean;
  problem?: string;
}

const LINK_OUT = 'symbolic link to a file outside the repository; not read';
const LINK_GIT = 'symbolic link into the .git folder; not read';

function linkCheck(path: string, real: string, root: string, realRoot: string): { isLink: boolean; problem?: string } {
  const lexical = relative(root, path);
  const rel = relative(realRoot, real);
  const isLink = real !== resolve(path) && real !== join(realRoot, lexical);
  if (!inside(lexical) && !inside(rel)) return { isLink }; // named outside the repository: the user's choice
  if (!inside(rel)) return isLink ? { isLink, problem: LINK_OUT } : { isLink };
  if (rel.split(sep).includes('.git')) return { isLink, problem: isLink ? LINK_GIT : 'inside a .git folder; not read' };
  return { isLink };
}

/**
 * Refuse drafts that a symbolic link leads out of the repository or into .git (a pull
 * request can add `content/x.md -> /etc/passwd`): each is its own error, naming the link,
 * and its target is never read. A link found in a folder that leads to a draft linted
 * anyway is dropped, so its findings are not reported twice.
 */
export function guardLinks(targets: Target[], cwd: string): Target[] {
  const realOf = (p: string): string | undefined => {
    try {
      return realpathSync.native(p);
    } catch {
      return undefined; // missing, looping: readDraft says why
    }
  };
  const trees = new Map<string, string | null>();
  const roots = new Map<string, string>();
  const checked = targets.map((t): Checked => {
    const real = t.error || t.path === '<stdin>' ? undefined : realOf(t.path);
    if (real === undefined) return { t };
    const root = workTreeOf(dirname(t.path), trees) ?? cwd;
    if (!roots.has(root)) roots.set(root, realOf(root) ?? resolve(root));
    return { t, real, ...linkCheck(t.path, real, root, roots.get(root)!) };
  });
  const plain = new Set(checked.filter((c) => c.real && !c.isLink).map((c) => c.real));
  const out: Target[] = [];
  for (const c of checked) {
    if (c.problem) out.push({ path: c.t.path, error: c.problem });
    else if (!(c.t.expanded && c.isLink && plain.has(c.real))) out.push(c.t);
  }
  return out;
}

/** For --staged: a symbolic link in the index is never followed; why it may not be committed, if it may not. */
export function stagedLinkProblem(link: string, target: string, cwd: string): string | undefined {
  const root = workTreeOf(dirname(link)) ?? cwd;
  const rel = relative(root, resolve(dirname(link), target));
  if (!inside(rel)) return LINK_OUT;
  if (rel.split(sep).includes('.git')) return LINK_GIT;
  return undefined;
}

/**
 * Narrow a list of candidate files (from git) to those the patterns name: a directory
 * takes its drafts (by extension, minus the config's ignore globs), a file itself, a glob
 * what it matches. A path that is neither a candidate nor on disk is an error, as in
 * expandTargets; an existing file that is not a candidate is simply not selected.
 */
export async function selectTargets(candidates: string[], patterns: string[], opts: ExpandOptions): Promise<Target[]> {
  const exts = new Set(opts.extensions.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase()));
  const isIgnored = opts.ignore.length && !opts.noIgnore ? picomatch(opts.ignore, { dot: true }) : () => false;
  const ignoredPath = (abs: string): boolean => isIgnored(relative(opts.ignoreBase, abs).split('\\').join('/'));
  const isDraft = (abs: string): boolean =>
    exts.has(extname(abs).toLowerCase()) && !ignoredPath(abs) && !/(^|[\\/])node_modules[\\/]/.test(abs);
  const out = new Map<string, Target>();
  const sorted = [...candidates].sort();
  const known = new Set(sorted);
  for (const p of patterns) {
    const abs = isAbsolute(p) ? p : resolve(opts.cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (known.has(abs)) {
      out.set(abs, { path: abs });
    } else if (st?.isDirectory()) {
      const prefix = abs.endsWith(sep) ? abs : abs + sep;
      // As in directory expansion (globby, dot: false): nothing under a dot-directory.
      const hidden = (c: string): boolean =>
        c
          .slice(prefix.length)
          .split(sep)
          .some((part) => part.startsWith('.'));
      for (const c of sorted) if (c.startsWith(prefix) && isDraft(c) && !hidden(c)) out.set(c, { path: c });
    } else if (st?.isFile()) {
      // Exists, but git does not list it as changed: nothing to lint.
    } else if ((await lib()).isDynamicPattern(p)) {
      const match = picomatch(p.split('\\').join('/'), { dot: false });
      const name = (c: string): string => (isAbsolute(p) ? c : relative(opts.cwd, c)).split(sep).join('/');
      for (const c of sorted) if (match(name(c)) && !ignoredPath(c)) out.set(c, { path: c });
    } else {
      out.set(abs, { path: abs, error: st ? 'not a regular file or directory' : 'no such file or directory' });
    }
  }
  return [...out.values()];
}
