// Ignores besides the config's ignore: globs: a .phi-lintignore file (gitignore syntax: the
// nearest one at or above the working directory, up to the repository's top) and
// --ignore-pattern globs (relative to the working directory). --no-ignore turns them off.
// Like ESLint, they apply to files named on the command line too, with a notice.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type Picomatch from 'picomatch';
import { PhiLintError } from '../errors.js';

export const IGNORE_FILE = '.phi-lintignore';

let pm: typeof Picomatch | undefined;
const picomatch = (): typeof Picomatch => (pm ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch);

/** One ignore line or pattern, and where it was written. */
export interface IgnoreRule {
  /** The file that holds it (absent: --ignore-pattern). */
  file?: string;
  line?: number;
  /** As written. */
  pattern: string;
  negated: boolean;
  /** The folder its paths are relative to. */
  base: string;
  test: (rel: string) => boolean;
}

/** The globs a gitignore line stands for (a name anywhere, or anchored; a folder's contents too). */
export function gitignoreGlobs(line: string): string[] {
  let p = line;
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.replace(/\/+$/, '');
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  const at = anchored ? p : `**/${p}`;
  return dirOnly ? [`${at}/**`] : [at, `${at}/**`];
}

function rule(pattern: string, base: string, file?: string, line?: number): IgnoreRule {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const test = picomatch()(file ? gitignoreGlobs(body) : [body, `${body.replace(/\/+$/, '')}/**`], { dot: true });
  return { file, line, pattern, negated, base, test };
}

/** Read a .phi-lintignore: gitignore syntax (# comments, ! to re-include, / to anchor, trailing / for folders). */
export function readIgnoreFile(file: string): IgnoreRule[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PhiLintError(`cannot read the ignore file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  const out: IgnoreRule[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.replace(/(?<!\\)\s+$/, '');
      if (!line || line.startsWith('#')) return;
      out.push(rule(line.replace(/^\\([#!])/, '$1'), dirname(file), file, i + 1));
    });
  return out;
}

/** The nearest .phi-lintignore at or above `cwd`, not above the git work tree's top. */
export function findIgnoreFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const f = join(dir, IGNORE_FILE);
    if (existsSync(f)) return f;
    if (existsSync(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export interface Ignores {
  /** The rule that leaves this file out (the last that matches decides, as in .gitignore), if any. */
  ignoredBy(path: string): IgnoreRule | undefined;
}

export function loadIgnores(cwd: string, patterns: string[]): Ignores {
  const file = findIgnoreFile(cwd);
  const rules = [...(file ? readIgnoreFile(file) : []), ...patterns.map((p) => rule(p, cwd))];
  return {
    ignoredBy(path) {
      let hit: IgnoreRule | undefined;
      for (const r of rules) {
        const rel = relative(r.base, path).split(sep).join('/');
        if (rel.startsWith('../') || !r.test(rel)) continue;
        hit = r.negated ? undefined : r;
      }
      return hit;
    },
  };
}

/** Where a rule was written, for notices: ".phi-lintignore:3" or "--ignore-pattern". */
export function describeRule(r: IgnoreRule, cwd: string): string {
  return r.file ? `${(relative(cwd, r.file) || r.file).split(sep).join('/')}:${r.line}` : '--ignore-pattern';
}
