// A throw-away project directory with the given files, and an in-process CLI runner.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../src/cli.js';
import type { Env, RunResult } from '../src/io.js';

export function tmpProject(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-lint-living-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Run the CLI in-process (no child process): output is masked unless asked, as off a TTY. */
export function cli(args: string[], opts: { cwd: string; input?: string; env?: Record<string, string>; prompt?: Env['prompt']; tty?: boolean }): Promise<RunResult> {
  return run(args, {
    cwd: opts.cwd,
    env: { ...opts.env },
    stdoutIsTTY: false,
    stdinIsTTY: !!opts.tty,
    readStdin: async () => Buffer.from(opts.input ?? ''),
    prompt: opts.prompt,
  });
}
