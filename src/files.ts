// Which drafts to lint: paths, directories and globs (globby, .gitignore and the config's
// ignore globs respected), or standard input.
import { statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { globby, isDynamicPattern } from 'globby';
import picomatch from 'picomatch';

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
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found = await globby(extGlob, {
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
    } else if (isDynamicPattern(p)) {
      const found = await globby(p, { cwd: opts.cwd, absolute: true, gitignore: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
      if (!found.length) out.set(abs, { path: abs, error: `no files match the pattern "${p}"` });
      for (const f of found.sort()) if (!ignoredPath(f)) out.set(f, { path: f });
    } else {
      out.set(abs, { path: abs, error: st ? 'not a regular file or directory' : 'no such file or directory' });
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
export function selectTargets(candidates: string[], patterns: string[], opts: ExpandOptions): Target[] {
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
    } else if (isDynamicPattern(p)) {
      const match = picomatch(p.split('\\').join('/'), { dot: false });
      const name = (c: string): string => (isAbsolute(p) ? c : relative(opts.cwd, c)).split(sep).join('/');
      for (const c of sorted) if (match(name(c)) && !ignoredPath(c)) out.set(c, { path: c });
    } else {
      out.set(abs, { path: abs, error: st ? 'not a regular file or directory' : 'no such file or directory' });
    }
  }
  return [...out.values()];
}
