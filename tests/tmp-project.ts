// A throw-away project directory with the given files, and an in-process CLI runner.
import { run } from '../src/cli.js';
import type { Env, RunResult } from '../src/io.js';
import { tempDir } from './support/temp-dirs.js';

/** A throw-away project holding these files (tests/support/temp-dirs.ts). */
export const tmpProject = (files: Record<string, string | Buffer> = {}): string => tempDir(files, 'phi-lint-living-');

/** Run the CLI in-process (no child process): output is masked unless asked, as off a TTY. */
export function cli(
  args: string[],
  opts: { cwd: string; input?: string; env?: Record<string, string>; prompt?: Env['prompt']; tty?: boolean },
): Promise<RunResult> {
  return run(args, {
    cwd: opts.cwd,
    env: { ...opts.env },
    stdoutIsTTY: false,
    stdinIsTTY: !!opts.tty,
    readStdin: async () => Buffer.from(opts.input ?? ''),
    prompt: opts.prompt,
  });
}
