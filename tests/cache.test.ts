// --cache: unchanged drafts that linted clean are not linted again; anything that could
// change a result (the draft, its config, a rule pack, the consent ledger, options, the
// date, phi-lint's version) makes them linted again; drafts with findings are never cached;
// the cache file holds hashes only.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io, LintOptions } from '../src/io.js';
import { lintFiles } from '../src/run.js';
import { phiLint } from './helpers.js';
import { tempDir } from './support/temp-dirs.js';

const CLEAN = [
  'Flu shots are in: walk in any weekday morning.\n',
  'Brush twice a day and floss once.\n',
  'We are closed for the holiday on Thursday.\n',
];
const PHI = 'Call Marisol Quintero at 404-555-0187 about her crown.\n';
const CONFIG = 'practice:\n  name: Lakeside Dental\n  phones: ["(404) 555-0100"]\n';

const project = (files: Record<string, string>): string => tempDir(files, 'phi-lint-cache-');

const drafts = (): Record<string, string> => ({
  '.phi-lint.yaml': CONFIG,
  'posts/a.md': CLEAN[0],
  'posts/b.md': CLEAN[1],
  'posts/c.txt': CLEAN[2],
  'posts/phi.md': PHI,
});

/** Each project's user cache folder (where the key and the default cache file go), outside it. */
const cacheDirs = new Map<string, string>();
const cacheDirOf = (cwd: string): string =>
  cacheDirs.get(cwd) ?? (cacheDirs.set(cwd, mkdtempSync(join(tmpdir(), 'phi-lint-cache-home-'))), cacheDirs.get(cwd)!);

async function lint(cwd: string, extra: Partial<LintOptions> = {}, io: Partial<Io> = {}) {
  const opts: LintOptions = {
    patterns: ['posts'],
    useStdin: false,
    format: 'json',
    rules: [],
    failOn: 'error',
    quiet: false,
    color: false,
    mask: true,
    cache: true,
    threads: 1,
    ...extra,
  };
  const run = await lintFiles(opts, {
    cwd,
    readStdin: async () => Buffer.alloc(0),
    version: '9.9.9',
    today: '2026-11-26',
    cacheDir: cacheDirOf(cwd),
    ...io,
  });
  const found = Object.fromEntries(
    run.results.map((r) => [r.filePath.slice(cwd.length + 1), r.findings.map((f) => f.ruleId)]),
  );
  return { run, found, cached: run.cached };
}

describe('--cache', () => {
  it('skips unchanged clean drafts on the next run, with the same results', async () => {
    const dir = project(drafts());
    const first = await lint(dir);
    expect(first.cached).toBe(0);
    expect(first.found['posts/phi.md'].length).toBeGreaterThan(0);
    const second = await lint(dir);
    expect(second.cached).toBe(3);
    expect(second.found).toEqual(first.found);
    // without --cache nothing is skipped, and the cache is not needed
    expect((await lint(dir, { cache: false })).cached).toBe(0);
  });

  it('never caches a draft with findings, and re-lints a draft whose bytes changed', async () => {
    const dir = project(drafts());
    await lint(dir);
    writeFileSync(join(dir, 'posts/a.md'), `${CLEAN[0]}Ask for Marisol Quintero at the desk about her root canal.\n`);
    const r = await lint(dir);
    expect(r.cached).toBe(2);
    expect(r.found['posts/a.md'].length).toBeGreaterThan(0);
    expect(r.found['posts/phi.md'].length).toBeGreaterThan(0);
    // and back to the clean text: linted once more (clean), then cached again
    writeFileSync(join(dir, 'posts/a.md'), CLEAN[0]);
    expect((await lint(dir)).found['posts/a.md']).toEqual([]);
    expect((await lint(dir)).cached).toBe(3);
  });

  it('re-lints everything when the config, a rule pack, the options, the date or the version change', async () => {
    const dir = project({ ...drafts(), 'extra/clinic.yaml': 'pack: clinic\nrules: []\n' });
    await lint(dir, { rules: ['extra'] });
    expect((await lint(dir, { rules: ['extra'] })).cached).toBe(3);
    expect((await lint(dir)).cached).toBe(0); // without the extra pack: another rule set
    await lint(dir, { rules: ['extra'] });
    writeFileSync(join(dir, 'extra/clinic.yaml'), 'pack: clinic\ndescription: edited\nrules: []\n');
    expect((await lint(dir, { rules: ['extra'] })).cached).toBe(0);
    writeFileSync(join(dir, '.phi-lint.yaml'), `${CONFIG}  aliases: [Lakeside]\n`);
    expect((await lint(dir, { rules: ['extra'] })).cached).toBe(0);
    expect((await lint(dir, { rules: ['extra'] })).cached).toBe(3);
    expect((await lint(dir, { rules: ['extra'], kind: 'reply' })).cached).toBe(0);
    expect((await lint(dir, { rules: ['extra'] }, { today: '2026-11-27' })).cached).toBe(0);
    expect((await lint(dir, { rules: ['extra'] }, { today: '2026-11-27', version: '9.9.10' })).cached).toBe(0);
  });

  it('re-lints when the consent ledger changes (a consent can be withdrawn)', async () => {
    const dir = project({
      ...drafts(),
      '.phi-lint.yaml': `${CONFIG}consents: consents.yaml\n`,
      'consents.yaml': 'consents: []\n',
    });
    await lint(dir);
    expect((await lint(dir)).cached).toBe(3);
    writeFileSync(join(dir, 'consents.yaml'), 'consents: []\n# reviewed\n');
    expect((await lint(dir)).cached).toBe(0);
  });

  it('holds hashes only: no path, draft text or matched value', async () => {
    const dir = project(drafts());
    await lint(dir);
    const folder = join(cacheDirOf(dir), 'phi-lint');
    const text = readFileSync(
      join(
        folder,
        readdirSync(folder).find((f) => f.startsWith('cache-'))!,
      ),
      'utf8',
    );
    const data = JSON.parse(text) as { format: number; clean: Record<string, string> };
    expect(Object.keys(data.clean)).toHaveLength(3);
    for (const [k, v] of Object.entries(data.clean)) {
      expect(k).toMatch(/^[\w-]{43}$/);
      expect(v).toMatch(/^[\w-]{43}$/);
    }
    for (const word of ['posts', 'a.md', 'Flu', 'floss', 'holiday', 'Marisol', '0187', 'Lakeside'])
      expect(text).not.toContain(word);
  });

  it('a broken or unreadable cache is a notice, and the run goes on and writes a new one', async () => {
    const dir = project({ ...drafts(), '.phi-lint-cache': '{not json' });
    const r = await lint(dir, { cacheLocation: '.phi-lint-cache' });
    expect(r.run.notices.join('\n')).toMatch(/cache \.phi-lint-cache: unreadable/);
    expect(r.found['posts/phi.md'].length).toBeGreaterThan(0);
    expect((await lint(dir, { cacheLocation: '.phi-lint-cache' })).cached).toBe(3);
  });

  it('--cache-location names the file, or a directory to put .phi-lint-cache in', async () => {
    const dir = project({ ...drafts(), 'tmp/.keep': '' });
    await lint(dir, { cacheLocation: 'tmp/phi.cache' });
    expect((await lint(dir, { cacheLocation: 'tmp/phi.cache' })).cached).toBe(3);
    await lint(dir, { cacheLocation: 'tmp' });
    expect(readdirSync(join(dir, 'tmp')).sort()).toEqual(['.keep', '.phi-lint-cache', 'phi.cache']);
  });

  it('after --fix a draft is keyed by its fixed bytes: restoring the old text is linted again', async () => {
    // a reply --fix replaces with the template (publishable text: a redaction's placeholder is
    // a phi-lint/placeholder error, and a draft with findings is never cached)
    const FIXABLE = '---\nkind: reply\n---\nThanks Marisol, we are glad your crown went well!\n';
    const dir = project({ ...drafts(), 'posts/phi.md': FIXABLE });
    const r = await lint(dir, { fix: true });
    expect(r.run.fixed.files).toBe(1);
    expect(r.found['posts/phi.md']).toEqual([]);
    expect(readFileSync(join(dir, 'posts/phi.md'), 'utf8')).not.toBe(FIXABLE);
    expect((await lint(dir)).cached).toBe(4); // the fixed draft is clean, and cached by its new bytes
    writeFileSync(join(dir, 'posts/phi.md'), FIXABLE);
    expect((await lint(dir)).found['posts/phi.md'].length).toBeGreaterThan(0);
  });

  it('a cache that cannot be written is a notice, not a failure', async () => {
    const dir = project({ ...drafts(), 'not-a-dir': 'a file where the cache folder should be\n' });
    const r = await lint(dir, { cacheLocation: 'not-a-dir/x.cache' });
    expect(r.run.notices.join('\n')).toMatch(/could not write the cache not-a-dir\/x\.cache \(E/);
    expect(r.found['posts/phi.md'].length).toBeGreaterThan(0);
  });

  it('is wired to the command line: --cache and --cache-location', () => {
    const dir = project(drafts());
    const env = { XDG_CACHE_HOME: cacheDirOf(dir) };
    const first = phiLint(['--cache', '-f', 'json', 'posts'], { cwd: dir, env });
    expect(first.status).toBe(1);
    expect(readdirSync(dir)).not.toContain('.phi-lint-cache'); // in the user cache folder (gate-files.test.ts)
    const second = phiLint(['--cache', '-f', 'json', 'posts'], { cwd: dir, env });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain('3 files unchanged since they linted clean were not linted again (--cache)');
    expect(second.status).toBe(1);
    phiLint(['--cache-location', 'elsewhere.cache', 'posts'], { cwd: dir });
    expect(readdirSync(dir)).toContain('elsewhere.cache');
  });
});
