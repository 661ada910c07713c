// Glob matching against a config's globs (`kinds:`, `ignore:`), relative to the config's
// folder. picomatch is loaded on first use: a draft piped on standard input with --kind needs no glob.
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import type Picomatch from 'picomatch';

let pm: typeof Picomatch | undefined;
export const picomatch = ((...args: Parameters<typeof Picomatch>) =>
  (pm ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch)(...args)) as typeof Picomatch;

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
export function kindByGlobs(
  file: string,
  base: string,
  kinds: { reply: string[]; post: string[]; comment?: string[] },
): 'reply' | 'post' | 'comment' | undefined {
  const rel = relative(base, file).split('\\').join('/');
  if (kinds.comment?.length && matcher(kinds.comment)(rel)) return 'comment';
  if (kinds.reply.length && matcher(kinds.reply)(rel)) return 'reply';
  if (kinds.post.length && matcher(kinds.post)(rel)) return 'post';
  return undefined;
}
