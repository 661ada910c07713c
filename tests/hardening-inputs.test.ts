// Bad and hostile drafts: each case here failed (threw, hung, lost text or reported wrong
// positions) before the protection it names. Most run in-process through run(); a few spawn
// the real bin.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { decodeDraft } from '../src/documents/load.js';
import { readDraft } from '../src/read-draft.js';
import { createLinter } from '../src/api.js';
import { slow } from './support/tiers.js';
import { tempDir } from './support/temp-dirs.js';

const tmp = (files: Record<string, string | Buffer>): string => tempDir(files, 'phi-lint-hard-');

async function cli(args: string[], cwd: string) {
  const r = await run(['-f', 'json', '--show-values', ...args], {
    cwd,
    env: {},
    stdoutIsTTY: false,
    stdinIsTTY: true,
    readStdin: async () => Buffer.alloc(0),
  });
  const json = r.stdout
    ? (JSON.parse(r.stdout) as {
        filePath: string;
        messages: {
          ruleId: string | null;
          line: number;
          column: number;
          endColumn: number;
          value?: string;
          message: string;
        }[];
      }[])
    : [];
  const byName = (name: string) => json.find((f) => f.filePath.endsWith(`/${name}`));
  return { ...r, json, byName };
}

const PHONE = 'Call 404-555-0187 today.';
const linter = createLinter({});

describe('binary files and images among drafts', () => {
  // A real PNG header: NUL bytes in the first 8000 bytes.
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  it('a .png named on the command line is skipped with a notice, the drafts are still linted', async () => {
    const dir = tmp({ 'photo.png': png, 'a.txt': PHONE });
    const r = await cli(['photo.png', 'a.txt'], dir);
    expect(r.stderr).toMatch(/skipped .*photo\.png: png files are not drafts/);
    expect(r.exitCode).toBe(1);
    expect(r.byName('a.txt')!.messages.map((m) => m.ruleId)).toContain('phi/phone');
    expect(r.byName('photo.png')!.messages).toEqual([]);
  });
  it('an image matched by a glob is skipped even when it holds text (an SVG, a mislabelled file)', async () => {
    const dir = tmp({
      'drafts/logo.svg': `<svg><text>${PHONE}</text></svg>`,
      'drafts/fake.jpg': PHONE,
      'drafts/post.md': 'Hello!',
    });
    const r = await cli(['drafts/*'], dir);
    expect(r.stderr).toMatch(/skipped .*logo\.svg/);
    expect(r.stderr).toMatch(/skipped .*fake\.jpg/);
    expect(r.exitCode).toBe(0);
  });
  it('a draft-named file with NUL and control bytes is never skipped: linted, or an error naming it (see gate-files.test.ts)', async () => {
    const dir = tmp({
      'a.md': Buffer.concat([Buffer.from(PHONE), Buffer.from([0, 1, 2])]),
      'b.md': Buffer.concat([Buffer.from(PHONE), Buffer.from([0])]),
    });
    const r = await cli(['a.md', 'b.md'], dir);
    expect(r.stderr).toMatch(/a\.md: binary file \(control bytes no text holds\): not linted/);
    expect(r.stderr).toMatch(/b\.md: 1 NUL byte removed/);
    expect(r.byName('b.md')!.messages.map((m) => m.ruleId)).toContain('phi/phone');
    expect(r.exitCode).toBe(2);
  });
});

describe('encodings', () => {
  it('UTF-16 LE and BE with a BOM keep positions', async () => {
    const text = `Hi\r\n${PHONE}\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const dir = tmp({ 'le.txt': le, 'be.txt': be });
    const r = await cli(['le.txt', 'be.txt'], dir);
    for (const f of ['le.txt', 'be.txt'])
      expect(r.byName(f)!.messages.find((m) => m.ruleId === 'phi/phone')).toMatchObject({
        ruleId: 'phi/phone',
        line: 2,
        column: 6,
        endColumn: 18,
      });
  });
  it('UTF-16 BE with an odd trailing byte does not throw', () => {
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('\0H\0i'), Buffer.from([0x41])]);
    expect(decodeDraft(be).text).toBe('Hi');
  });
  it('UTF-32 with a BOM is read as UTF-32; a binary that starts like UTF-16 is refused as binary', () => {
    const utf32 = Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]);
    expect(decodeDraft(utf32).text).toBe('A');
    expect(() => decodeDraft(Buffer.from([0xff, 0xfe, 1, 0, 2, 0, 3, 0, 4, 0]))).toThrow(/binary/);
  });
  it('a Windows-1252 file keeps its accented names and smart quotes, with a notice', async () => {
    const bytes = Buffer.concat([Buffer.from('\x93Jos\xe9 Garc\xeda\x94 said: ', 'latin1'), Buffer.from(PHONE)]);
    expect(decodeDraft(bytes).text).toBe(`“José García” said: ${PHONE}`);
    const dir = tmp({ 'a.txt': bytes });
    const r = await cli(['a.txt'], dir);
    expect(r.stderr).toMatch(/a\.txt: not valid UTF-8; read as Windows-1252/);
    const m = r.byName('a.txt')!.messages.find((x) => x.ruleId === 'phi/phone')!;
    expect(m.column).toBe('“José García” said: Call '.length + 1);
  });
  it('invalid bytes inside UTF-8 text become U+FFFD, with a notice, positions after them right', async () => {
    const bytes = Buffer.concat([Buffer.from('Café ☕ '), Buffer.from([0xc3, 0x28]), Buffer.from(` ${PHONE}`)]);
    const d = decodeDraft(bytes);
    expect(d.text).toBe(`Café ☕ \uFFFD( ${PHONE}`);
    expect(d.notice).toMatch(/1 invalid byte sequence read as U\+FFFD/);
    const { findings } = await linter.lint(d.text);
    const f = findings.find((x) => x.ruleId === 'phi/phone')!;
    expect(d.text.slice(f.start, f.end)).toBe('404-555-0187');
  });
});

describe('empty and front-matter-only drafts', () => {
  it.each([
    ['empty.md', ''],
    ['empty.txt', ''],
    ['blank.md', ' \n\n\t\r\n'],
    ['fm.md', '---\nkind: reply\n---\n'],
    ['fm-no-newline.md', '---\nkind: reply\n---'],
    ['fm-empty.md', '---\n---\n'],
    ['bom-only.txt', '\uFEFF'],
  ])('%s: no finding, no error', async (name, body) => {
    const dir = tmp({ [name]: body });
    const r = await cli([name], dir);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.byName(name)!.messages).toEqual([]);
  });
});

describe('malformed front matter', () => {
  it('is a finding at its position, and the rest of the draft is still linted', async () => {
    const dir = tmp({ 'a.md': `---\ntitle: ok\nkind: [reply\n---\n\n${PHONE}\n` });
    const r = await cli(['a.md'], dir);
    const msgs = r.byName('a.md')!.messages;
    expect(msgs[0]).toMatchObject({ ruleId: 'phi-lint/front-matter', line: 3 });
    expect(msgs[0].message).toMatch(/not valid YAML/);
    expect(msgs.find((m) => m.ruleId === 'phi/phone')).toMatchObject({ line: 6, column: 6 });
  });
  it('a front-matter alias bomb is refused, not expanded', async () => {
    const lol = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lol.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const dir = tmp({ 'a.md': `---\n${lol.join('\n')}\n---\n${PHONE}\n` });
    const r = await cli(['a.md'], dir);
    const msgs = r.byName('a.md')!.messages;
    expect(msgs[0].message).toMatch(/Front matter could not be read: .*alias/i);
    expect(msgs.some((m) => m.ruleId === 'phi/phone')).toBe(true);
  });
});

describe('size and nesting', () => {
  it('a 1 MB single line is linted to its end', async () => {
    const line = 'Our team loves seeing every smile in the neighbourhood, rain or shine! '.repeat(14_600);
    const text = `${line}${PHONE}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const t0 = Date.now();
    const { findings } = await linter.lint(text);
    expect(findings.filter((f) => f.ruleId === 'phi/phone').map((f) => text.slice(f.start, f.end))).toEqual([
      '404-555-0187',
    ]);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
  it.each([
    ['10,000 nested block quotes', '> '.repeat(10_000)],
    ['10,000 nested list items', '- '.repeat(10_000)],
    ['10,000 mixed containers', '> 1. * '.repeat(3_334)],
  ])('%s: nothing throws, and text past the nesting limit is still linted', async (_, prefix) => {
    const text = `${prefix}${PHONE}\n`;
    const { findings } = await linter.lint(text, { format: 'md' });
    expect(findings.filter((f) => f.ruleId === 'phi/phone').map((f) => text.slice(f.start, f.end))).toEqual([
      '404-555-0187',
    ]);
  });
  it('10,000 lines each deeper than the nesting limit are all linted', async () => {
    const text = Array.from(
      { length: 10_000 },
      (_, i) => `${'>'.repeat(30)} line ${i}: 404-555-${String(1000 + (i % 9000)).padStart(4, '0')}`,
    ).join('\n');
    const { findings } = await linter.lint(text, { format: 'md' });
    expect(findings.filter((f) => f.ruleId === 'phi/phone')).toHaveLength(10_000);
  });
  slow(
    'a directory of 20,000 files',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'phi-lint-many-'));
      for (let i = 0; i < 200; i++) {
        mkdirSync(join(dir, `d${i}`));
        for (let j = 0; j < 100; j++)
          writeFileSync(join(dir, `d${i}`, `f${j}.txt`), j === 7 && i === 123 ? PHONE : 'Walk-ins welcome.');
      }
      const r = await cli(['.'], dir);
      expect(r.json).toHaveLength(20_000);
      expect(r.exitCode).toBe(1);
      expect(r.json.filter((f) => f.messages.length).map((f) => f.filePath)).toEqual([join(dir, 'd123', 'f7.txt')]);
    },
    240_000,
  );
});

describe('links, permissions and missing paths', () => {
  it('symbolic link loops neither hang nor crash; an explicit loop is a clear error', async () => {
    const dir = tmp({ 'posts/a.txt': PHONE });
    symlinkSync('.', join(dir, 'posts', 'self'));
    symlinkSync(join(dir, 'posts'), join(dir, 'posts', 'up'));
    symlinkSync('loop2.md', join(dir, 'posts', 'loop1.md'));
    symlinkSync('loop1.md', join(dir, 'posts', 'loop2.md'));
    const r = await cli(['posts'], dir);
    expect(r.byName('a.txt')!.messages.map((m) => m.ruleId)).toContain('phi/phone');
    const r2 = await cli(['posts/loop1.md', 'posts/a.txt'], dir);
    expect(r2.exitCode).toBe(2);
    expect(r2.stderr).toMatch(/loop1\.md: symbolic link loop/);
    expect(r2.byName('a.txt')!.messages.map((m) => m.ruleId)).toContain('phi/phone');
  });
  it('a broken symbolic link among drafts is exit 2 with a clear message; the others are reported', async () => {
    const dir = tmp({ 'posts/a.txt': PHONE });
    symlinkSync('gone.md', join(dir, 'posts', 'dangling.md'));
    const r = await cli(['posts/dangling.md', 'posts'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/dangling\.md: broken symbolic link/);
    expect(r.byName('a.txt')!.messages.map((m) => m.ruleId)).toContain('phi/phone');
  });
  const root = process.getuid?.() === 0;
  it.skipIf(root)(
    'an unreadable file (chmod 000) is exit 2, the others reported (skipped as root: root reads it anyway)',
    async () => {
      const dir = tmp({ 'a.txt': PHONE, 'secret.txt': 'x' });
      chmodSync(join(dir, 'secret.txt'), 0o000);
      const r = await cli(['.'], dir);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/secret\.txt: permission denied/);
      expect(r.byName('a.txt')!.messages.map((m) => m.ruleId)).toContain('phi/phone');
    },
  );
  it('a missing path is exit 2 with a clear message; the others are reported', async () => {
    const dir = tmp({ 'a.txt': PHONE });
    const r = await cli(['nope.md', 'a.txt', 'missing/*.md'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/nope\.md: no such file or directory/);
    expect(r.stderr).toMatch(/no files match the pattern "missing\/\*\.md"/);
    expect(r.byName('a.txt')!.messages.map((m) => m.ruleId)).toContain('phi/phone');
  });
  it('a FIFO is refused at once, never read (a read would block forever)', async () => {
    const dir = tmp({ 'a.txt': PHONE });
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    expect(readDraft(join(dir, 'pipe.md'))).toEqual({ error: 'not a regular file' });
    const r = await cli(['pipe.md', 'a.txt'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/pipe\.md: not a regular file/);
  });
});

describe('files that change while being read', () => {
  it('a file changed during the read is read again: one whole version is linted', () => {
    const dir = tmp({ 'a.txt': 'Hello.' });
    const path = join(dir, 'a.txt');
    const r = readDraft(path, { afterRead: (n) => n === 1 && appendFileSync(path, ` ${PHONE}`) });
    expect('buf' in r && r.buf.toString()).toBe(`Hello. ${PHONE}`);
  });
  it('a file replaced by a rename during the read is read again', () => {
    const dir = tmp({ 'a.txt': 'old', 'b.txt': 'new version' });
    const path = join(dir, 'a.txt');
    const r = readDraft(path, { afterRead: (n) => n === 1 && execFileSync('mv', [join(dir, 'b.txt'), path]) });
    expect('buf' in r && r.buf.toString()).toBe('new version');
  });
  it('a file that keeps changing is an error, not a torn read', () => {
    const dir = tmp({ 'a.txt': 'x' });
    const path = join(dir, 'a.txt');
    const r = readDraft(path, { afterRead: () => appendFileSync(path, 'y') });
    expect(r).toEqual({ error: expect.stringMatching(/changed while it was being read \(3 attempts\)/) });
  });
});
