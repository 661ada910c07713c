// git's standard input: when git exits before reading what phi-lint writes to it (a folder
// that only looks like a repository, so `git check-ignore --stdin` fails at once), the write
// fails with EPIPE. That must be the call's failure (undefined: "git cannot say"), never an
// uncaught exception that crashes the run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoredUntracked } from '../src/git.js';
import { tempDir } from './support/temp-dirs.js';

describe('git standard input', () => {
  it('a git that exits before reading its input gives undefined, not an uncaught EPIPE', async () => {
    const top = tempDir({ '.git/HEAD': 'ref: refs/heads/main\n' });
    mkdirSync(join(top, 'drafts'));
    writeFileSync(join(top, 'drafts/a.md'), 'x');
    // several megabytes of paths: more than a pipe buffer, so the write is still going when git exits
    const files = Array.from({ length: 40_000 }, (_, i) => join(top, 'drafts', `${'n'.repeat(120)}-${i}.md`));
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown): void => void uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      expect(await ignoredUntracked(top, files)).toBeUndefined();
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});
