// Which drafts to lint: paths, directories and globs (globby, .gitignore and the config's
// ignore globs respected), or standard input.
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';

// Loaded on first use: a draft piped on standard input with --kind needs no glob.
let pm: typeof Picomatch | undefined;
const picomatch = ((...args: Parameters<typeof Picomatch>) => (pm ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch)(...args)) as typeof Picomatch;

// globby (and its dependencies) load only when a directory or glob is expanded: a single
// file or standard input starts faster without them.
let globbyModule: typeof import('globby') | undefined;
const lib = async (): Promise<typeof import('globby')> => (globbyModule ??= await import('globby'));

export interface Target {
  path: string; // absolute, or '<stdin>'
  /** Set when the path could not be used (missing, unreadable). */
  error?: string;
}

export interface ExpandOptions {
  cwd: string;
  extensions: string[];
  ignore: string[];
  /** Directory the ignore globs are relative to (the config's). */
  ignoreBase: string;
}

export async function expandTargets(patterns: string[], opts: ExpandOptions): Promise<Target[]> {
  const exts = opts.extensions.map((e) => e.replace(/^\./, ''));
  const extGlob = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
  const isIgnored = opts.ignore.length ? picomatch(opts.ignore, { dot: true }) : () => false;
  const ignoredPath = (abs: string): boolean => isIgnored(relative(opts.ignoreBase, abs).split('\\').join('/'));
  const out = new Map<string, Target>();
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
      const found = await (await lib()).globby(extGlob, {
        cwd: abs,
        absolute: true,
        gitignore: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      for (const f of found.sort()) if (!ignoredPath(f)) out.set(f, { path: f });
    } else if (st?.isFile()) {
      out.set(abs, { path: abs });
    } else if ((await lib()).isDynamicPattern(p)) {
      const found = await (await lib()).globby(p, { cwd: opts.cwd, absolute: true, gitignore: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
      if (!found.length) out.set(abs, { path: abs, error: `no files match the pattern "${p}"` });
      for (const f of found.sort()) if (!ignoredPath(f)) out.set(f, { path: f });
    } else {
      out.set(abs, { path: abs, error: st ? 'not a regular file or directory' : describeFsError(statError, abs) });
    }
  }
  return [...out.values()];
}

const matchers = new Map<string, (p: string) => boolean>();
function matcher(globs: string[]): (p: string) => boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    m = picomatch(globs, { dot: true });
    matchers.set(key, m);
  }
  return m;
}

/** Is a file ignored by a config's `ignore:` globs (relative to the config's directory)? */
export function isIgnoredBy(file: string, config: { dir: string; ignore: string[] }): boolean {
  return config.ignore.length > 0 && matcher(config.ignore)(relative(config.dir, file).split('\\').join('/'));
}

/** Kind by the config's `kinds:` globs, relative to the config's directory. */
export function kindByGlobs(file: string, base: string, kinds: { reply: string[]; post: string[] }): 'reply' | 'post' | undefined {
  const rel = relative(base, file).split('\\').join('/');
  if (kinds.reply.length && matcher(kinds.reply)(rel)) return 'reply';
  if (kinds.post.length && matcher(kinds.post)(rel)) return 'post';
  return undefined;
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Narrow a list of candidate files (from git) to those the patterns name: a directory
 * takes its drafts (by extension, minus the config's ignore globs), a file itself, a glob
 * what it matches. A path that is neither a candidate nor on disk is an error, as in
 * expandTargets; an existing file that is not a candidate is simply not selected.
 */
export async function selectTargets(candidates: string[], patterns: string[], opts: ExpandOptions): Promise<Target[]> {
  const exts = new Set(opts.extensions.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase()));
  const isIgnored = opts.ignore.length ? picomatch(opts.ignore, { dot: true }) : () => false;
  const ignoredPath = (abs: string): boolean => isIgnored(relative(opts.ignoreBase, abs).split('\\').join('/'));
  const isDraft = (abs: string): boolean => exts.has(extname(abs).toLowerCase()) && !ignoredPath(abs) && !/(^|[\\/])node_modules[\\/]/.test(abs);
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
      const hidden = (c: string): boolean => c.slice(prefix.length).split(sep).some((part) => part.startsWith('.'));
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

/** One clear phrase for a file-system error (the code alone means little to most users). */
export function describeFsError(e: NodeJS.ErrnoException | undefined, path?: string): string {
  switch (e?.code) {
    case 'ENOENT':
      if (path && isSymlink(path)) return 'broken symbolic link (its target does not exist)';
      return 'no such file or directory';
    case 'ELOOP':
      return 'symbolic link loop (too many levels of symbolic links)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case undefined:
      return `cannot read file (${e?.message ?? 'unknown error'})`;
    default:
      return `cannot read file (${e?.code})`;
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Drafts larger than this are refused: no post or reply is this long, and reading it whole could exhaust memory. */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;

export interface ReadOptions {
  /** How many times to read a file that changes while it is read (default 3). */
  attempts?: number;
  /** Test hook: called after each read, before the file is checked for changes. */
  afterRead?: (attempt: number) => void;
}

const sameVersion = (a: BigIntStats, b: BigIntStats): boolean => a.size === b.size && a.mtimeNs === b.mtimeNs && a.ino === b.ino;

/**
 * Read a draft whole, or say why not. Only regular files are read (a FIFO or device named
 * by a glob would block or never end; O_NONBLOCK keeps even the open from blocking). A file
 * that changes while it is read (an editor saving, a sync client writing) is read again, so
 * what is linted is one version of the file, never half of two; if it keeps changing, the
 * run says so instead of linting a torn read.
 */
export function readDraft(path: string, opts: ReadOptions = {}): { buf: Buffer } | { error: string } {
  const attempts = opts.attempts ?? 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (e) {
      return { error: describeFsError(e as NodeJS.ErrnoException, path) };
    }
    try {
      const before = fstatSync(fd, { bigint: true });
      if (!before.isFile()) return { error: 'not a regular file' };
      if (before.size > BigInt(MAX_DRAFT_BYTES)) return { error: `file is larger than ${MAX_DRAFT_BYTES / 1024 / 1024} MB; drafts are never this large (add it to the config's ignore: list)` };
      const buf = readFileSync(fd);
      opts.afterRead?.(attempt);
      const after = fstatSync(fd, { bigint: true });
      const now = statSync(path, { bigint: true, throwIfNoEntry: false });
      // Changed in place (size or time moved) or replaced (a rename put a new file at the path).
      if (sameVersion(before, after) && BigInt(buf.length) === after.size && (!now || sameVersion(after, now))) return { buf };
    } catch (e) {
      return { error: describeFsError(e as NodeJS.ErrnoException, path) };
    } finally {
      closeSync(fd);
    }
  }
  return { error: `the file changed while it was being read (${attempts} attempts); lint it again once it is saved` };
}
