// Shared test helpers: the example practice, an in-process linter, and a spawner for the
// real bin.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createLinter, type Linter } from '../src/api.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'phi-lint.js');
export const EXAMPLE_CONFIG = join(ROOT, 'fixtures', 'examples', '.phi-lint.yaml');

let shared: Linter | undefined;
/** A linter with the built-in packs and the example practice profile. */
export function exampleLinter(): Linter {
  shared ??= createLinter({ config: EXAMPLE_CONFIG });
  return shared;
}

export interface Spawned {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function phiLint(
  args: string[],
  opts: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): Spawned {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), FORCE_COLOR: '0', ...opts.env };
  delete env.CI;
  if (opts.env?.CI) env.CI = opts.env.CI;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
