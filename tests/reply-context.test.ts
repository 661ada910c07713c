// A reply is checked against the review it answers: anything it repeats from the review is
// a finding, even though the reviewer said it first.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleLinter, phiLint } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';

describe('reply context', () => {
  it('front matter in-reply-to (text) makes repeated details findings', async () => {
    const text =
      '---\nkind: reply\nin-reply-to: "My crown fell out on Tuesday. — Odalys Brightwater"\n---\nSo sorry, Odalys! We can fix the crown Tuesday.\n';
    const { findings } = await exampleLinter().lint(text, { format: 'md' });
    const ids = findings.map((f) => `${f.ruleId} ${f.match}`);
    expect(ids).toContain('reply/repeats-health-detail crown');
    expect(ids.some((i) => i.endsWith(' Odalys'))).toBe(true);
    expect(ids).toContain('reply/repeats-date Tuesday');
  });
  it('without the review, the same generic words are not echoes', async () => {
    const { findings } = await exampleLinter().lint('We can fix crowns on Tuesdays.\n', { kind: 'reply' });
    expect(findings.filter((f) => f.ruleId.startsWith('reply/repeats-'))).toEqual([]);
  });
  it('--in-reply-to FILE gives the review to every reply', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-lint-review-'));
    writeFileSync(join(dir, 'review.txt'), '★☆☆☆☆ My son Birchard waited 2 hours for his sealants.\n');
    writeFileSync(join(dir, 'reply.txt'), 'We are sorry about the sealants wait.\n');
    const without = phiLint(['reply.txt', '--kind', 'reply', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(without.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).not.toContain(
      'reply/repeats-health-detail',
    );
    const withReview = phiLint(['reply.txt', '--kind', 'reply', '-f', 'json', '--in-reply-to', 'review.txt'], {
      cwd: dir,
    });
    expect(withReview.status).toBe(1);
    expect(JSON.parse(withReview.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain(
      'reply/repeats-health-detail',
    );
  });
  it('a missing --in-reply-to file is exit 2', () => {
    const r = phiLint(['README.md', '--in-reply-to', 'nope.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope.txt');
  });
  it('suggestions use the practice phone from the profile', async () => {
    const { findings } = await exampleLinter().lint('Nikki, your root canal went well.', { kind: 'reply' });
    expect(findings.some((f) => f.suggestion?.includes('(404) 555-0100'))).toBe(true);
  });
});

// Issue 17 leftover: a reply names the review it answers in its own front matter, as
// `in-reply-to: EXPORT#ID` (a comment of an export) or `in-reply-to: FILE` (a file holding one
// review), relative to the draft's folder and confined to the repository (drafts may come
// from an untrusted pull request). A reference that cannot be read is a phi-lint/front-matter
// finding on the `in-reply-to:` line, never a stack trace and never the review's text.
describe('front matter in-reply-to: FILE#ID and FILE', () => {
  const EXPORT =
    'id,author,text\n5001,Odalys Brightwater,My crown fell out on Tuesday.\n5002,Birchard Lowe,Great cleaning!\n';
  const BODY = 'So sorry! We can fix the crown Tuesday.\n';
  const SECRET = 'Zelda Quillfeather had her wisdom teeth out.';
  const yaml = (ref: string): string => `---\nkind: reply\nin-reply-to: ${ref}\n---\n${BODY}`;
  interface Msg {
    ruleId: string;
    message: string;
    line: number;
  }
  const lint = async (dir: string, files: string[], extra: string[] = []) => {
    const r = await cli([...files, '-f', 'json', ...extra], { cwd: dir });
    const out = JSON.parse(r.stdout) as { filePath: string; messages: Msg[] }[];
    return { r, byFile: (end: string): Msg[] => out.find((f) => f.filePath.endsWith(end))!.messages };
  };
  const repo = (files: Record<string, string>): string =>
    tmpProject({ '.git/HEAD': 'ref: refs/heads/main\n', '.phi-lint.yaml': '{}\n', ...files });

  it('EXPORT#ID (YAML, TOML, JSON front matter) and FILE resolve relative to the draft and check the reply', async () => {
    const dir = repo({
      'reviews/export.csv': EXPORT,
      'replies/review.txt': 'My crown fell out on Tuesday. — Odalys Brightwater\n',
      'replies/yaml.md': yaml('../reviews/export.csv#5001'),
      'replies/toml.md': `+++\nkind = "reply"\nin-reply-to = "../reviews/export.csv#5001"\n+++\n${BODY}`,
      'replies/json.md': `{\n  "kind": "reply",\n  "in-reply-to": "../reviews/export.csv#5001"\n}\n${BODY}`,
      'replies/file.md': yaml('review.txt'),
      'replies/other.md': yaml('../reviews/export.csv#5002'),
    });
    const { byFile } = await lint(dir, ['replies']);
    for (const f of ['yaml.md', 'toml.md', 'json.md', 'file.md']) {
      const ids = byFile(f).map((m) => m.ruleId);
      expect(ids, f).toContain('reply/repeats-health-detail');
      expect(ids, f).toContain('reply/repeats-date');
      expect(ids, f).not.toContain('phi-lint/front-matter');
    }
    // another comment of the export: nothing of the first is repeated
    expect(byFile('other.md').map((m) => m.ruleId)).not.toContain('reply/repeats-health-detail');
  });

  it('a missing file, a missing id, an absolute path, ".." out of the repository and a symlink out of it are findings on the line', async () => {
    const outside = tmpProject({ 'review.txt': `${SECRET}\n`, 'export.csv': `id,text\n1,${SECRET}\n` });
    const dir = repo({
      'reviews/export.csv': EXPORT,
      'replies/no-file.md': yaml('nope.txt'),
      'replies/no-export.md': yaml('../reviews/nope.csv#5001'),
      'replies/no-id.md': yaml('../reviews/export.csv#9999'),
      'replies/escape.md': yaml(`../../${basename(outside)}/export.csv#1`),
      'replies/link.md': yaml('../reviews/link.txt'),
    });
    symlinkSync(join(outside, 'review.txt'), join(dir, 'reviews/link.txt'));
    // an absolute path is refused even inside the repository (outside it, it is outside: pipeline.test.ts)
    writeFileSync(join(dir, 'replies/absolute.md'), yaml(join(dir, 'reviews/export.csv#5001')));
    // the repository's root is the folder holding .git: a draft in a sub-folder may not climb out of it
    const { r, byFile } = await lint(dir, ['replies/'], ['--show-values']);
    expect(r.exitCode).toBe(0); // warnings only
    expect(r.stderr).not.toMatch(/at .*\.(?:ts|js):\d+/); // no stack trace
    expect(r.stdout + r.stderr).not.toContain('Quillfeather');
    const problem = (f: string): string => {
      const m = byFile(f).filter((x) => x.ruleId === 'phi-lint/front-matter');
      expect(m, f).toHaveLength(1);
      expect(m[0].line, f).toBe(3);
      return m[0].message;
    };
    expect(problem('no-file.md')).toMatch(/^in-reply-to: the file it names does not exist/);
    expect(problem('no-export.md')).toMatch(/^in-reply-to: the file it names does not exist/);
    expect(problem('no-id.md')).toMatch(/^in-reply-to: the export has no comment with that id or row/);
    expect(problem('absolute.md')).toMatch(/^in-reply-to: an absolute path is not read/);
    expect(problem('escape.md')).toMatch(/^in-reply-to: names a file outside the repository; it is not read/);
    expect(problem('link.md')).toMatch(/^in-reply-to: names a file outside the repository; it is not read/);
    // the reply is still linted, without a review
    expect(byFile('no-id.md').map((m) => m.ruleId)).toEqual(['phi-lint/front-matter']);
  });

  it('--in-reply-to on the command line wins over front matter (which is then not read)', async () => {
    const dir = repo({
      'reviews/export.csv': EXPORT,
      'sealants.txt': 'My son waited 2 hours for his sealants.\n',
      'replies/a.md': `---\nkind: reply\nin-reply-to: ../reviews/export.csv#5001\n---\nSorry about the sealants wait and the crown.\n`,
      'replies/b.md': yaml('nope.txt'),
    });
    const { byFile } = await lint(dir, ['replies'], ['--in-reply-to', 'sealants.txt']);
    const a = byFile('a.md').filter((m) => m.ruleId === 'reply/repeats-health-detail');
    expect(a).toHaveLength(1);
    expect(a[0].message).toMatch(/sealants|\*\*\*/);
    expect(byFile('b.md').map((m) => m.ruleId)).not.toContain('phi-lint/front-matter');
  });
});
