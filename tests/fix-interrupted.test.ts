// No data lost: a `--fix` run killed (SIGKILL, no chance to clean up) in the middle of
// rewriting many drafts leaves every draft either as it was or as a finished run writes it,
// never partial — each is written to a temporary file beside it and renamed over it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const FILES = 400;

/**
 * A long reply that --fix replaces with the approved template (a fix that writes publishable
 * text; a placeholder is never written), with a phone number in every paragraph (different per file).
 */
function draft(i: number): string {
  const para = (k: number) =>
    `Paragraph ${k}: our records show you missed your cleaning; call 404-555-${String(1000 + ((i * 7 + k) % 9000)).padStart(4, '0')} on weekdays. ` +
    'Brush twice a day, floss once, and bring your questions to your next cleaning. '.repeat(8);
  return `---\nkind: reply\n---\n${Array.from({ length: 12 }, (_, k) => para(k)).join('\n\n')}\n`;
}
const CONFIG = 'practice:\n  name: Lakeside Dental\n  phones: ["(404) 555-0100"]\n';

const env = { ...process.env, FORCE_COLOR: '0' } as NodeJS.ProcessEnv;
delete env.CI;

describe('--fix killed part-way', () => {
  it('leaves every draft either old or new, never partial', async () => {
    const base = mkdtempSync(join(tmpdir(), 'phi-lint-kill-'));
    const [original, reference, victim] = ['original', 'reference', 'victim'].map((d) => join(base, d));
    const names = Array.from({ length: FILES }, (_, i) => `draft-${String(i).padStart(4, '0')}.md`);
    mkdirSync(original);
    for (const [i, name] of names.entries()) writeFileSync(join(original, name), draft(i));
    writeFileSync(join(original, '.phi-lint.yaml'), CONFIG);
    for (const dir of [reference, victim]) cpSync(original, dir, { recursive: true });
    // What a run that finishes writes.
    const done = spawnSync(process.execPath, [BIN, '--fix', '--threads', '1', '.'], {
      cwd: reference,
      env,
      encoding: 'utf8',
    });
    expect(done.stderr).toMatch(new RegExp(`fixed \\d+ findings? in ${FILES} files`));

    // The same run, killed once some drafts have been rewritten and before all are.
    // a rewritten draft is a new file renamed over the old one: a cheap way to count them
    const inode = (n: string): number => statSync(join(victim, n)).ino;
    const before = new Map(names.map((n) => [n, inode(n)]));
    const child = spawn(process.execPath, [BIN, '--fix', '--threads', '1', '.'], { cwd: victim, env, stdio: 'ignore' });
    const changed = (): number => names.filter((n) => inode(n) !== before.get(n)).length;
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let polls = 0; polls < 20_000 && changed() < FILES / 20; polls++) await new Promise((r) => setTimeout(r, 1));
    child.kill('SIGKILL');
    await exited;

    let old = 0;
    let fixed = 0;
    for (const n of names) {
      const now = readFileSync(join(victim, n), 'utf8');
      if (now === readFileSync(join(original, n), 'utf8')) old++;
      else if (now === readFileSync(join(reference, n), 'utf8')) fixed++;
      else throw new Error(`${n} is neither the original nor the fixed draft`);
    }
    // the kill landed in the middle: some drafts rewritten, some not yet
    expect(fixed).toBeGreaterThan(0);
    expect(old).toBeGreaterThan(0);
    // whatever a kill leaves behind is at most one hidden temporary file, never a draft
    const stray = readdirSync(victim).filter((f) => !names.includes(f) && f !== '.phi-lint.yaml');
    expect(stray.length).toBeLessThanOrEqual(1);
    for (const f of stray) expect(f).toMatch(/^\.draft-\d{4}\.md\.phi-lint-\d+-[0-9a-f]{8}\.tmp$/);
  }, 120_000);

  it('a crash half-way through writing a draft leaves that draft as it was (deterministic)', () => {
    // The preload kills the process in the middle of its Nth write, after half the bytes.
    const PRELOAD = join(ROOT, 'tests', 'support', 'crash-mid-write.cjs');
    const base = mkdtempSync(join(tmpdir(), 'phi-lint-crash-'));
    const [original, reference] = ['original', 'reference'].map((d) => join(base, d));
    const names = Array.from({ length: 40 }, (_, i) => `draft-${String(i).padStart(4, '0')}.md`);
    mkdirSync(original);
    for (const [i, name] of names.entries()) writeFileSync(join(original, name), draft(i));
    writeFileSync(join(original, '.phi-lint.yaml'), CONFIG);
    cpSync(original, reference, { recursive: true });
    // 0: the template is publishable text
    expect(spawnSync(process.execPath, [BIN, '--fix', '--threads', '1', '.'], { cwd: reference, env }).status).toBe(0);
    for (const crashAt of [1, 2, 17, 40]) {
      const victim = join(base, `victim-${crashAt}`);
      cpSync(original, victim, { recursive: true });
      const r = spawnSync(process.execPath, ['-r', PRELOAD, BIN, '--fix', '--threads', '1', '.'], {
        cwd: victim,
        env: { ...env, PHI_LINT_CRASH_AT: String(crashAt) },
      });
      expect(r.signal).toBe('SIGKILL');
      const state = names.map((n) => {
        const now = readFileSync(join(victim, n), 'utf8');
        if (now === readFileSync(join(original, n), 'utf8')) return 'old';
        if (now === readFileSync(join(reference, n), 'utf8')) return 'new';
        return 'partial';
      });
      // drafts are fixed in order: those before the crash are new, the one being written and the rest old
      expect(state).toEqual(names.map((_, i) => (i < crashAt - 1 ? 'new' : 'old')));
    }
  }, 120_000);
});

describe('--fix interrupted by SIGINT or SIGTERM', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: says which drafts it had already rewritten, then exits ${code}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'phi-lint-interrupt-'));
      const names = Array.from({ length: 200 }, (_, i) => `draft-${String(i).padStart(4, '0')}.md`);
      for (const [i, name] of names.entries()) writeFileSync(join(dir, name), draft(i));
      writeFileSync(join(dir, '.phi-lint.yaml'), CONFIG);
      const inode = (n: string): number => statSync(join(dir, n)).ino;
      const before = new Map(names.map((n) => [n, inode(n)]));
      const changed = (): string[] => names.filter((n) => inode(n) !== before.get(n));
      const child = spawn(process.execPath, [BIN, '--fix', '--threads', '1', '.'], {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
      child.stdout.resume();
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      for (let polls = 0; polls < 20_000 && changed().length < 5; polls++) await new Promise((r) => setTimeout(r, 1));
      child.kill(signal);
      expect(await exited).toBe(code);
      const rewritten = changed();
      expect(rewritten.length).toBeGreaterThan(0);
      expect(rewritten.length).toBeLessThan(names.length);
      expect(stderr).toContain(
        `phi-lint: interrupted (${signal}); --fix had rewritten ${rewritten.length} draft${rewritten.length === 1 ? '' : 's'}`,
      );
      const listed = stderr
        .split('\n')
        .filter((l) => l.startsWith('  '))
        .map((l) => l.trim());
      expect(listed).toEqual(rewritten);
    }, 120_000);
  }
});
