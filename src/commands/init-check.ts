// kinds: globs that match nothing: a reply folder named wrong means every reply is linted as
// a post, without the reply-only rules, and nothing else would say so. Checked by init (on
// the files there now) and by a lint run that walks folders (on the drafts it found).
import { relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';

let pm: typeof Picomatch | undefined;
const picomatch = (): typeof Picomatch => (pm ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch);

export interface UnmatchedGlob {
  kind: 'reply' | 'post';
  glob: string;
  message: string;
}

const why = (kind: string): string =>
  kind === 'reply'
    ? 'replies elsewhere are linted as posts, without the reply rules (fix kinds: in .phi-lint.yaml, ' +
      'or write kind: reply in their front matter)'
    : 'check kinds: in .phi-lint.yaml';

/** The kinds: globs (relative to `base`) that none of `files` matches. */
export function globsMatchingNone(
  base: string,
  kinds: { reply: string[]; post: string[] },
  files: string[],
  what: string,
): UnmatchedGlob[] {
  const rels = files.map((f) => relative(base, f).split(sep).join('/'));
  const out: UnmatchedGlob[] = [];
  for (const kind of ['reply', 'post'] as const) {
    for (const glob of kinds[kind]) {
      if (glob.startsWith('!')) continue;
      const m = picomatch()(glob, { dot: true });
      if (rels.some((r) => m(r))) continue;
      out.push({ kind, glob, message: `kinds: ${kind} glob "${glob}" matches ${what}; ${why(kind)}` });
    }
  }
  return out;
}

/** For init: the globs that match no file under `cwd` now. */
export async function unmatchedKindGlobs(
  cwd: string,
  kinds: { reply: string[]; post: string[] },
): Promise<UnmatchedGlob[]> {
  const { globby } = await import('globby');
  const files = await globby('**/*', { cwd, absolute: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'] });
  return globsMatchingNone(cwd, kinds, files, 'no file here yet');
}
