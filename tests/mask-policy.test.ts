// Masking that a person can live with (issue 15, point 15): masked in CI, in report files and
// when piped; shown on a terminal and in a local git hook (the writer's own sentence);
// --mask/--no-mask, PHI_LINT_MASK and the config's output.mask decide explicitly, in that
// order, and a config cannot unmask in CI.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, type Env } from '../src/cli.js';
import { tmpProject } from './tmp-project.js';

const DRAFT = 'Happy birthday to our patient Dana Ruiz! Call 773-555-0182.\n';

function lint(
  args: string[],
  vars: Record<string, string>,
  opts: { tty?: boolean; files?: Record<string, string> } = {},
) {
  const cwd = tmpProject({ 'a.md': DRAFT, ...opts.files });
  const env: Env = {
    cwd,
    env: vars,
    stdoutIsTTY: !!opts.tty,
    stdinIsTTY: true,
    readStdin: async () => Buffer.from(''),
  };
  return run(['a.md', '-f', 'compact', ...args], env).then((r) => ({ ...r, cwd }));
}

describe('mask policy', () => {
  it('a local git hook shows the text (GIT_INDEX_FILE, PRE_COMMIT=1, --staged outside git does not matter)', async () => {
    for (const vars of [{ GIT_INDEX_FILE: '/repo/.git/index' }, { PRE_COMMIT: '1' }]) {
      const r = await lint([], vars);
      expect(r.stdout, JSON.stringify(vars)).toContain('773-555-0182');
    }
  });

  it('in CI a hook masks; piped output outside a hook masks; a terminal shows', async () => {
    expect((await lint([], { GIT_INDEX_FILE: '/x', CI: 'true' })).stdout).not.toContain('773-555-0182');
    expect((await lint([], {})).stdout).not.toContain('773-555-0182');
    expect((await lint([], {}, { tty: true })).stdout).toContain('773-555-0182');
  });

  it('a report file is masked even from a hook', async () => {
    const r = await lint(['-o', 'out/r.txt'], { GIT_INDEX_FILE: '/x' });
    expect(readFileSync(join(r.cwd, 'out/r.txt'), 'utf8')).not.toContain('773-555-0182');
  });

  it('PHI_LINT_MASK decides when no flag does; a bad value is exit 2', async () => {
    expect((await lint([], { PHI_LINT_MASK: '1' }, { tty: true })).stdout).not.toContain('773-555-0182');
    expect((await lint([], { PHI_LINT_MASK: '0' })).stdout).toContain('773-555-0182');
    expect((await lint(['--mask'], { PHI_LINT_MASK: '0' })).stdout).not.toContain('773-555-0182');
    expect((await lint(['--no-mask'], { PHI_LINT_MASK: '1' })).stdout).toContain('773-555-0182');
    const bad = await lint([], { PHI_LINT_MASK: 'maybe' });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('PHI_LINT_MASK must be 1 or 0');
  });

  it('output.mask in the config: true masks on a terminal; false shows when piped, but never in CI', async () => {
    const on = { '.phi-lint.yaml': 'output: { mask: true }\n' };
    const off = { '.phi-lint.yaml': 'output: { mask: false }\n' };
    expect((await lint([], {}, { tty: true, files: on })).stdout).not.toContain('773-555-0182');
    expect((await lint([], {}, { files: off })).stdout).toContain('773-555-0182');
    expect((await lint([], { CI: 'true' }, { files: off })).stdout).not.toContain('773-555-0182');
    expect((await lint([], { PHI_LINT_MASK: '1' }, { files: off })).stdout).not.toContain('773-555-0182');
  });
});
