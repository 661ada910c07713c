// Issue 12, "No way around the gate": the ways a draft used to get past phi-lint unread or
// unreported — NUL bytes and BOM-less UTF-16/32, symbolic links out of the repository, a
// forged --cache, .gitignore dropping tracked drafts — and the file-handling errors that
// used to end in a stack trace (an unreadable folder, -o into a missing or bad folder).
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDraft } from '../src/documents/load.js';
import { expandTargets } from '../src/files.js';
import type { LintOptions } from '../src/io.js';
import { lintFiles } from '../src/run.js';
import { createSession } from '../src/run/session.js';
import { hashFiles, hashParts } from '../src/cache/lint-cache.js';
import { git, scratchDir, scratchRepo, writeFiles } from './scratch.js';
import { cli, tmpProject } from './tmp-project.js';
import { phiLint } from './helpers.js';
import { slow } from './support/tiers.js';

const PHI = 'Call Sarah Whitfield at 404-555-0187 about her crown.\n';
const PHONE = 'Call 404-555-0187 today.';
const CLEAN = 'Flu shots are in: walk in any weekday morning.\n';
/** What a secret outside the repository holds: it must never appear in a report. */
const SECRET = 'root:x:0:0:Sarah Whitfield 078-05-1120:/root:/bin/bash\n';

type Json = { filePath: string; messages: { ruleId: string | null; line: number; column: number }[] }[];
const json = (stdout: string): Json => (stdout ? (JSON.parse(stdout) as Json) : []);
const rules = (stdout: string, name: string): (string | null)[] | undefined =>
  json(stdout)
    .find((f) => f.filePath.endsWith(`/${name}`))
    ?.messages.map((m) => m.ruleId);

function utf16(text: string, bigEndian: boolean): Buffer {
  const b = Buffer.from(text, 'utf16le');
  if (bigEndian) b.swap16();
  return b;
}
function utf32(text: string, bigEndian: boolean): Buffer {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (bigEndian ? b.writeUInt32BE(cp, i * 4) : b.writeUInt32LE(cp, i * 4)));
  return b;
}

describe('item 3: NUL bytes and UTF-16/32 without a BOM never make a draft "binary"', () => {
  slow('one NUL byte in a .md draft: it is linted, with a notice, in every output format', async () => {
    const dir = tmpProject({
      'posts/a.md': Buffer.concat([Buffer.from(PHONE), Buffer.from([0]), Buffer.from(' See you!\n')]),
    });
    for (const format of ['json', 'stylish', 'compact', 'github', 'sarif', 'junit', 'unix']) {
      const r = await cli(['-f', format, 'posts'], { cwd: dir });
      expect(r.exitCode, format).toBe(1);
      expect(r.stderr, format).toMatch(/posts\/a\.md: 1 NUL byte removed/);
      expect(r.stdout, format).not.toContain('no PHI found');
      if (format === 'json') expect(rules(r.stdout, 'a.md')).toContain('phi/phone');
      else expect(r.stdout, format).toMatch(/phone/);
    }
  });

  it('a NUL inside a value does not hide it', async () => {
    const dir = tmpProject({ 'a.txt': Buffer.from('Call 404-555\u0000-0187 today.\n', 'latin1') });
    const r = await cli(['-f', 'json', 'a.txt'], { cwd: dir });
    expect(rules(r.stdout, 'a.txt')).toContain('phi/phone');
  });

  it('NUL bytes past the first 8,000 are removed too', () => {
    const d = decodeDraft(Buffer.concat([Buffer.from('x'.repeat(9000)), Buffer.from([0]), Buffer.from(PHONE)]));
    expect(d.text).toBe(`${'x'.repeat(9000)}${PHONE}`);
    expect(d.notice).toMatch(/1 NUL byte removed/);
  });

  it.each([
    ['UTF-16LE', utf16(`Hi\r\n${PHONE}\n`, false)],
    ['UTF-16BE', utf16(`Hi\r\n${PHONE}\n`, true)],
    ['UTF-32LE', utf32(`Hi\r\n${PHONE}\n`, false)],
    ['UTF-32BE', utf32(`Hi\r\n${PHONE}\n`, true)],
    ['UTF-32LE', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(`Hi\r\n${PHONE}\n`, false)])],
    ['UTF-32BE', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(`Hi\r\n${PHONE}\n`, true)])],
  ])('%s (BOM or not) is decoded by its zero bytes and linted, positions right', async (name, bytes) => {
    expect(decodeDraft(bytes).text).toBe(`Hi\r\n${PHONE}\n`);
    const dir = tmpProject({ 'a.txt': bytes });
    const r = await cli(['-f', 'json', 'a.txt'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    const m = json(r.stdout)[0]!.messages.find((x) => x.ruleId === 'phi/phone');
    expect(m).toMatchObject({ line: 2, column: 6 });
    if (bytes[0] !== 0xff && bytes[0] !== 0) expect(r.stderr).toContain(`read as ${name}`);
  });

  it('UTF-16 without a BOM holding accented names and curly quotes', () => {
    const text = '“José García” said: call 404-555-0187.\n';
    expect(decodeDraft(utf16(text, false)).text).toBe(text);
    expect(decodeDraft(utf16(text, true)).text).toBe(text);
  });

  it('a draft that really is binary is an error naming it (exit 2), not a silent skip; the others are reported', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const dir = tmpProject({ 'posts/photo-caption.md': png, 'posts/b.txt': PHONE });
    for (const args of [['posts'], ['posts/photo-caption.md', 'posts/b.txt']]) {
      const r = await cli(['-f', 'json', ...args], { cwd: dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/posts\/photo-caption\.md: binary file/);
      expect(rules(r.stdout, 'b.txt')).toContain('phi/phone');
    }
  });

  it('a file a glob matches that is neither a draft by name nor named is still skipped with a notice', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const dir = tmpProject({ 'drafts/README': png, 'drafts/a.md': CLEAN });
    const r = await cli(['-f', 'json', 'drafts/*'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/skipped .*drafts\/README: binary file/);
  });
});

describe('item 5: a symbolic link never leads a draft out of the repository', () => {
  function withLinks() {
    const outside = tmpProject({ 'passwd.md': SECRET });
    const dir = scratchRepo({ 'content/ok.md': PHI, 'content/real.md': CLEAN });
    symlinkSync(join(outside, 'passwd.md'), join(dir, 'content/x.md'));
    symlinkSync('../.git/config', join(dir, 'content/gitconfig.md'));
    return { dir, outside };
  }
  const noSecret = (s: string): void => {
    expect(s).not.toContain('root:x');
    expect(s).not.toContain('0-1120');
    expect(s).not.toContain('repositoryformatversion');
  };

  it.each([
    ['a named link', ['content/x.md', 'content/gitconfig.md', 'content/ok.md']],
    ['directory expansion', ['content']],
    ['a glob', ['content/*.md']],
  ])('%s: exit 2 naming the link, its target never read', async (_, args) => {
    const { dir } = withLinks();
    for (const format of ['json', 'html', 'stylish']) {
      const r = await cli(['-f', format, '--show-values', ...args], { cwd: dir });
      expect(r.exitCode, format).toBe(2);
      expect(r.stderr).toMatch(/content\/x\.md: symbolic link to a file outside the repository; not read/);
      expect(r.stderr).toMatch(/content\/gitconfig\.md: symbolic link into the \.git folder; not read/);
      noSecret(r.stdout);
      noSecret(r.stderr);
      if (format === 'json') expect(rules(r.stdout, 'ok.md')).toContain('phi/phone');
    }
  });

  it('--changed-since: a committed link out of the repository is an error, never read', async () => {
    const { dir } = withLinks();
    git(dir, 'checkout', '-q', '-b', 'feature');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'links');
    const r = await cli(['-f', 'html', '--show-values', '--changed-since', 'main'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/content\/x\.md: symbolic link to a file outside the repository/);
    noSecret(r.stdout);
  });

  it('--staged: a staged link is never followed; one leading out is an error', async () => {
    const { dir } = withLinks();
    git(dir, 'add', '-A');
    const r = await cli(['-f', 'json', '--staged'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/content\/x\.md: symbolic link to a file outside the repository; not read/);
    expect(r.stderr).toMatch(/content\/gitconfig\.md: symbolic link into the \.git folder; not read/);
    noSecret(r.stdout);
  });

  it('--fix: a link leading out is neither read nor written', async () => {
    const { dir, outside } = withLinks();
    writeFileSync(join(outside, 'passwd.md'), 'Our coordinator can be reached at 404-555-0187.\n');
    const r = await cli(['--fix', 'content/x.md'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/x\.md: symbolic link to a file outside the repository/);
    expect(readFileSync(join(outside, 'passwd.md'), 'utf8')).toBe('Our coordinator can be reached at 404-555-0187.\n');
  });

  it('a link inside the repository is still followed; a file outside it named directly is still linted', async () => {
    const outside = tmpProject({ 'elsewhere.md': PHI });
    const dir = scratchRepo({ 'content/real.md': PHI });
    symlinkSync('real.md', join(dir, 'content/alias.md'));
    const named = await cli(['-f', 'json', 'content/alias.md', join(outside, 'elsewhere.md')], { cwd: dir });
    expect(named.exitCode).toBe(1);
    expect(rules(named.stdout, 'alias.md')).toContain('phi/phone');
    expect(rules(named.stdout, 'elsewhere.md')).toContain('phi/phone');
    // in a directory, a link to a draft that is linted anyway is not reported twice
    const all = await cli(['-f', 'json', 'content'], { cwd: dir });
    expect(json(all.stdout).map((f) => f.filePath.slice(dir.length + 1))).toEqual(['content/real.md']);
  });

  it('outside a repository the working directory is the boundary', async () => {
    const outside = tmpProject({ 'secret.md': SECRET });
    const dir = tmpProject({ 'a.md': CLEAN });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'b.md'));
    const r = await cli(['-f', 'json', '--show-values', '.'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/b\.md: symbolic link to a file outside the repository/);
    noSecret(r.stdout);
  });
});

describe('item 6: a cache cannot be forged from the repository', () => {
  const OPTS: LintOptions = {
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
  };
  const IO = { readStdin: async () => Buffer.alloc(0), version: '9.9.9', today: '2026-11-26' };

  /** What an attacker can compute from the repository alone: the unkeyed entry of each draft. */
  function forge(dir: string, cacheFile: string, format: number): void {
    const session = createSession({ rules: [] }, dir);
    const runKey = hashParts('9.9.9', '', '', '', '2026-11-26');
    const clean: Record<string, string> = {};
    for (const name of ['posts/phi.md', 'posts/a.md']) {
      const path = join(dir, name);
      const setup = session.forFile(path);
      const packs = setup.prepared.ruleSet.packs.map((p) => resolve(process.cwd(), p.file));
      const setupKey = hashFiles([setup.config.file, setup.ledger?.file, ...packs]);
      clean[hashParts(name)] = hashParts(runKey, setupKey, readFileSync(path));
    }
    writeFileSync(cacheFile, JSON.stringify({ format, clean }));
  }

  it('a committed, forged cache marking a PHI draft clean is refused with a notice; everything is linted', async () => {
    const dir = scratchRepo({ 'posts/a.md': CLEAN, 'posts/phi.md': PHI });
    const userCache = scratchDir();
    // learn the format from a real cache file (written outside the repository)
    await lintFiles(
      { ...OPTS, cacheLocation: join(userCache, 'probe.cache') },
      { ...IO, cwd: dir, cacheDir: userCache },
    );
    const format = (JSON.parse(readFileSync(join(userCache, 'probe.cache'), 'utf8')) as { format: number }).format;
    forge(dir, join(dir, '.phi-lint-cache'), format);
    git(dir, 'add', '.phi-lint-cache');
    git(dir, 'commit', '-q', '-m', 'cache');
    const r = await lintFiles({ ...OPTS, cacheLocation: '.phi-lint-cache' }, { ...IO, cwd: dir, cacheDir: userCache });
    expect(r.cached).toBe(0);
    expect(r.results.find((x) => x.filePath.endsWith('phi.md'))!.findings.length).toBeGreaterThan(0);
    expect(r.notices.join('\n')).toMatch(/cache \.phi-lint-cache is tracked by git: not used/);
  });

  slow(
    'an untracked forged cache outside the checkout is rejected entry by entry: entries are keyed with a secret',
    async () => {
      const dir = scratchRepo({ 'posts/a.md': CLEAN, 'posts/phi.md': PHI });
      const userCache = scratchDir();
      const file = join(scratchDir(), 'forged.cache');
      await lintFiles({ ...OPTS, cacheLocation: file }, { ...IO, cwd: dir, cacheDir: userCache });
      const format = (JSON.parse(readFileSync(file, 'utf8')) as { format: number }).format;
      forge(dir, file, format);
      const r = await lintFiles({ ...OPTS, cacheLocation: file }, { ...IO, cwd: dir, cacheDir: userCache });
      expect(r.results.find((x) => x.filePath.endsWith('phi.md'))!.findings.length).toBeGreaterThan(0);
      expect(r.cached).toBe(0);
      // the key: created once, readable by its owner only; another key (another machine) hits nothing
      const key = join(userCache, 'phi-lint', 'key');
      expect(statSync(key).mode & 0o777).toBe(0o600);
      expect((await lintFiles({ ...OPTS, cacheLocation: file }, { ...IO, cwd: dir, cacheDir: userCache })).cached).toBe(
        1,
      );
      expect(
        (await lintFiles({ ...OPTS, cacheLocation: file }, { ...IO, cwd: dir, cacheDir: scratchDir() })).cached,
      ).toBe(0);
    },
  );

  slow('by default the cache lives in the user cache folder, never in the checkout', async () => {
    const dir = scratchRepo({ 'posts/a.md': CLEAN, 'posts/phi.md': PHI });
    const userCache = scratchDir();
    await lintFiles(OPTS, { ...IO, cwd: dir, cacheDir: userCache });
    expect(existsSync(join(dir, '.phi-lint-cache'))).toBe(false);
    expect(readdirSync(join(userCache, 'phi-lint')).length).toBeGreaterThan(1);
    expect((await lintFiles(OPTS, { ...IO, cwd: dir, cacheDir: userCache })).cached).toBe(1);
    // a default location that lies in the repository (a cache folder set inside it) is refused
    const inside = join(dir, 'tmp-cache');
    const r = await lintFiles(OPTS, { ...IO, cwd: dir, cacheDir: inside });
    expect(r.notices.join('\n')).toMatch(/lies inside the repository: not used .*--cache-location/);
    expect(r.cached).toBe(0);
    // and a key in the repository turns the cache off wherever the cache file is
    const keyInside = await lintFiles(
      { ...OPTS, cacheLocation: join(userCache, 'x.cache') },
      { ...IO, cwd: dir, cacheDir: inside },
    );
    expect(keyInside.notices.join('\n')).toMatch(
      /the cache key tmp-cache\/phi-lint\/key lies inside the repository: --cache is off/,
    );
  });

  slow('every report says how many drafts came from the cache', () => {
    const dir = scratchRepo({ 'posts/a.md': CLEAN, 'posts/b.md': CLEAN, 'posts/phi.md': PHI });
    const env = { XDG_CACHE_HOME: scratchDir() };
    phiLint(['--cache', 'posts'], { cwd: dir, env });
    const stylish = phiLint(['--cache', 'posts'], { cwd: dir, env });
    expect(stylish.stdout).toMatch(/2 files unchanged since they linted clean were not linted again \(--cache\)/);
    const j = phiLint(['--cache', '-f', 'json', 'posts'], { cwd: dir, env });
    expect(j.stderr).toMatch(/2 files unchanged since they linted clean were not linted again \(--cache\)/);
    JSON.parse(j.stdout);
  });
});

describe('item 7: .gitignore never drops a tracked draft', () => {
  function repo(): string {
    const dir = scratchRepo({ 'content/tracked.md': PHI, 'content/ok.md': CLEAN, '.gitignore': '' });
    writeFiles(dir, {
      '.gitignore': 'content/tracked.md\ncontent/scratch/\n',
      'content/scratch/a.md': PHI,
      'content/scratch/b.txt': PHI,
    });
    git(dir, 'add', '.gitignore');
    git(dir, 'commit', '-q', '-m', 'ignore');
    return dir;
  }
  it.each([[['content']], [['content/**/*.md']], [['.']]])(
    '%j: a tracked draft .gitignore matches is linted; ignored untracked ones are counted',
    async (args) => {
      const dir = repo();
      const r = await cli(['-f', 'json', ...args], { cwd: dir });
      expect(r.exitCode).toBe(1);
      expect(rules(r.stdout, 'tracked.md')).toContain('phi/phone');
      expect(rules(r.stdout, 'a.md')).toBeUndefined();
      const n = args[0] === 'content/**/*.md' ? 1 : 2;
      expect(r.stderr).toContain(`${n} file${n === 1 ? '' : 's'} skipped by .gitignore; --no-ignore lints them`);
    },
  );
  slow("--no-ignore lints everything given: .gitignore and the config's ignore: globs are not applied", async () => {
    const dir = repo();
    writeFiles(dir, { '.phi-lint.yaml': 'ignore: ["content/archive/**"]\n', 'content/archive/old.md': PHI });
    const r = await cli(['-f', 'json', '--no-ignore', 'content'], { cwd: dir });
    const files = json(r.stdout)
      .map((f) => f.filePath.slice(dir.length + 1))
      .sort();
    expect(files).toEqual([
      'content/archive/old.md',
      'content/ok.md',
      'content/scratch/a.md',
      'content/scratch/b.txt',
      'content/tracked.md',
    ]);
    expect(r.stderr).not.toContain('skipped by .gitignore');
    // --changed-since too (git lists untracked files it does not ignore; --no-ignore drops the config's globs)
    const c = await cli(['-f', 'json', '--no-ignore', '--changed-since', 'HEAD', 'content'], { cwd: dir });
    expect(json(c.stdout).map((f) => f.filePath.slice(dir.length + 1))).toContain('content/archive/old.md');
    // a tracked draft .gitignore matches is one git lists as changed
    writeFiles(dir, { 'content/tracked.md': `${PHI}${PHI}` });
    const t = await cli(['-f', 'json', '--changed-since', 'HEAD', 'content'], { cwd: dir });
    expect(rules(t.stdout, 'tracked.md')).toContain('phi/phone');
  });
  it('outside a repository, .gitignore still skips files, with the count', async () => {
    const dir = tmpProject({ '.gitignore': 'drafts/tmp/\n', 'drafts/tmp/a.md': PHI, 'drafts/b.md': CLEAN });
    const r = await cli(['-f', 'json', '.'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('1 file skipped by .gitignore; --no-ignore lints them');
  });
});

describe('low: unreadable folders, -o, upper-case extensions', () => {
  it("a folder that cannot be read is that path's error; the other drafts are still found (test hook: a readdir that fails)", async () => {
    const dir = tmpProject({ 'posts/a.md': PHONE, 'posts/locked/b.md': PHONE, 'posts/z/c.md': PHONE });
    const locked = join(dir, 'posts', 'locked');
    const hook = {
      ...fs,
      readdir: (p: fs.PathLike, o: unknown, cb?: (e: Error | null, r?: unknown) => void) => {
        const done = (typeof o === 'function' ? o : cb) as (e: Error | null, r?: unknown) => void;
        if (String(p) === locked)
          return done(
            Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES', path: String(p) }),
          );
        return (fs.readdir as (...a: unknown[]) => void)(p, ...(typeof o === 'function' ? [] : [o]), done);
      },
    };
    const t = await expandTargets(['posts'], {
      cwd: dir,
      extensions: ['.md'],
      ignore: [],
      ignoreBase: dir,
      fs: hook as unknown as typeof fs,
    });
    expect(t.map(({ path, error }) => ({ path, error }))).toEqual([
      { path: join(dir, 'posts/a.md'), error: undefined },
      { path: locked, error: 'permission denied (a folder that could not be read)' },
      { path: join(dir, 'posts/z/c.md'), error: undefined },
    ]);
  });
  it.skipIf(process.getuid?.() === 0)(
    'a chmod 000 folder is exit 2 naming it, the others reported (skipped as root: root reads it anyway)',
    async () => {
      const dir = tmpProject({ 'posts/a.md': PHONE, 'posts/locked/b.md': PHONE });
      chmodSync(join(dir, 'posts/locked'), 0o000);
      try {
        const r = await cli(['-f', 'json', 'posts'], { cwd: dir });
        expect(r.exitCode).toBe(2);
        expect(r.stderr).toMatch(/posts\/locked: permission denied/);
        expect(rules(r.stdout, 'a.md')).toContain('phi/phone');
      } finally {
        chmodSync(join(dir, 'posts/locked'), 0o755);
      }
    },
  );

  it('-o into a missing folder creates it', async () => {
    const dir = tmpProject({ 'a.md': PHONE });
    const r = await cli(['-f', 'json', '-o', 'reports/ci/phi.json', 'a.md'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(json(readFileSync(join(dir, 'reports/ci/phi.json'), 'utf8'))[0]!.messages.length).toBeGreaterThan(0);
  });
  it.each([
    ['a path whose parent is a file', 'a.md/phi.json'],
    ['an existing folder', 'reports'],
  ])('-o to %s: exit 2 with one line, no temporary file left', async (_, out) => {
    const dir = tmpProject({ 'a.md': PHONE, 'reports/.keep': '' });
    const r = await cli(['-f', 'json', '-o', out, 'a.md'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^phi-lint: cannot write the report to ${out.replace(/\./g, '\\.')} \\([^\\n]+\\)\\n$`),
    );
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'reports']);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['.keep']);
  });

  it('.MD, .TXT and .Markdown are drafts in directory expansion and --changed-since', async () => {
    const dir = scratchRepo({ 'x.md': CLEAN });
    writeFiles(dir, { 'posts/A.MD': PHONE, 'posts/B.TXT': PHONE, 'posts/C.Markdown': PHONE, 'posts/d.json': PHONE });
    const expected = ['posts/A.MD', 'posts/B.TXT', 'posts/C.Markdown'];
    const names = (stdout: string) =>
      json(stdout)
        .map((f) => f.filePath.slice(dir.length + 1))
        .sort();
    expect(names((await cli(['-f', 'json', 'posts'], { cwd: dir })).stdout)).toEqual(expected);
    expect(names((await cli(['-f', 'json', '--changed-since', 'HEAD'], { cwd: dir })).stdout)).toEqual(expected);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'upper');
    expect(names((await cli(['-f', 'json', '--changed-since', 'HEAD~1', 'posts'], { cwd: dir })).stdout)).toEqual(
      expected,
    );
  });
});

describe('low: tests leave no temporary folders behind', () => {
  it('every folder made with mkdtempSync in a test file is registered for removal (tests/support/temp-dirs.ts)', async () => {
    const { createdTempDirs } = await import('./support/temp-dirs.js');
    const dir = tmpProject({});
    expect(createdTempDirs()).toContain(dir);
    mkdirSync(join(dir, 'x'));
  });
});
