// Config cascade (issue 15, point 4): nested .phi-lint.yaml files merge onto their parents
// (root: true stops the walk), extends: reads another file first, overrides: apply per glob;
// --print-config, --debug and --list-files show what a run will use.
import { describe, expect, it } from 'vitest';
import { rebaseGlob } from '../src/config/cascade.js';
import { cli, tmpProject } from './tmp-project.js';

const ROOT_CONFIG = [
  'practice:',
  '  name: Peachtree Family Dental',
  '  staff: ["Sarah Whitfield"]',
  '  phones: ["404-555-0187"]',
  '',
].join('\n');
const STAFF_POST = 'Happy birthday to Sarah Whitfield! Call us at 404-555-0187 to book.\n';

const ruleIds = (stdout: string): string[] =>
  (JSON.parse(stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));

describe('nested configs', () => {
  it('merge onto their parents: the practice profile still holds below a nested config', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': ROOT_CONFIG,
      'content/blog/.phi-lint.yaml': 'rules: { phi/email: warning }\n',
      'content/blog/staff.md': STAFF_POST,
    });
    const r = await cli(['-f', 'json', 'content/blog/staff.md'], { cwd: dir });
    expect(ruleIds(r.stdout)).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  it('lists add up and keys override: a nested staff list adds a name, a nested rule severity wins', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': `${ROOT_CONFIG}rules: { phi/phone: error }\n`,
      'team/.phi-lint.yaml': 'practice:\n  staff: ["Marcus Ellery"]\nrules: { phi/phone: warning }\n',
      'team/post.md': 'Welcome Marcus Ellery and Sarah Whitfield! Call 773-555-0182.\n',
    });
    const r = await cli(['-f', 'json', 'team/post.md'], { cwd: dir });
    const msgs = (JSON.parse(r.stdout) as { messages: { ruleId: string; severity: number }[] }[])[0].messages;
    expect(msgs.map((m) => m.ruleId)).toEqual(['phi/phone']);
    expect(msgs[0].severity).toBe(1); // warning
  });

  it('root: true stops the walk: the parent profile is not read', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': ROOT_CONFIG,
      'other/.phi-lint.yaml': 'root: true\n',
      'other/staff.md': STAFF_POST,
    });
    const r = await cli(['-f', 'json', 'other/staff.md'], { cwd: dir });
    expect(ruleIds(r.stdout)).toContain('phi/phone');
    expect(r.exitCode).toBe(1);
  });

  it('extends: reads another file first, and a loop or a missing file is a config error naming it', async () => {
    const dir = tmpProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'shared/practice.yaml': ROOT_CONFIG,
      'site/.phi-lint.yaml': 'root: true\nextends: ../shared/practice.yaml\n',
      'site/staff.md': STAFF_POST,
      'loop/.phi-lint.yaml': 'root: true\nextends: ./b.yaml\n',
      'loop/b.yaml': 'extends: ./.phi-lint.yaml\n',
      'loop/x.md': 'Hello.\n',
      'gone/.phi-lint.yaml': 'root: true\nextends: ./nothing.yaml\n',
      'gone/x.md': 'Hello.\n',
    });
    const ok = await cli(['-f', 'json', 'site/staff.md'], { cwd: dir });
    expect(ruleIds(ok.stdout)).toEqual([]);
    const loop = await cli(['loop/x.md'], { cwd: dir });
    expect(loop.exitCode).toBe(2);
    expect(loop.stderr).toMatch(/extends: makes a loop/);
    const gone = await cli(['gone/x.md'], { cwd: dir });
    expect(gone.exitCode).toBe(2);
    expect(gone.stderr).toContain('gone/.phi-lint.yaml');
    expect(gone.stderr).toContain('nothing.yaml" does not exist');
  });

  it('extends: may not name a file outside the repository', async () => {
    const outside = tmpProject({ 'base.yaml': ROOT_CONFIG });
    const dir = tmpProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.phi-lint.yaml': `extends: ${outside}/base.yaml\n`,
      'x.md': 'Hi.\n',
    });
    const r = await cli(['x.md'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/extends: names a file outside the repository/);
  });

  it('overrides: change rules and the practice per glob, and a rule they switch off is in the summary', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': [
        ROOT_CONFIG.trimEnd(),
        'overrides:',
        '  - files: ["events/**"]',
        '    rules: { phi/phone: "off" }',
        '  - files: ["team/*.md"]',
        '    practice: { staff: ["Marcus Ellery"] }',
        '',
      ].join('\n'),
      'events/fair.md': 'Come see us! Call 773-555-0182.\n',
      'posts/fair.md': 'Come see us! Call 773-555-0182.\n',
      'team/hello.md': 'Welcome Marcus Ellery!\n',
      'posts/hello.md': 'Welcome Marcus Ellery!\n',
    });
    const r = await cli(['-f', 'json', '.'], { cwd: dir });
    const byFile = new Map(
      (JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).map((f) => [
        f.filePath.slice(dir.length + 1),
        f.messages.map((m) => m.ruleId),
      ]),
    );
    expect(byFile.get('events/fair.md')).toEqual([]);
    expect(byFile.get('posts/fair.md')).toContain('phi/phone');
    expect(byFile.get('team/hello.md')).toEqual([]);
    expect(byFile.get('posts/hello.md')!.length).toBeGreaterThan(0);
    const stylish = await cli(['--report-suppressions', 'events/fair.md'], { cwd: dir });
    expect(stylish.stdout).toMatch(/\.phi-lint\.yaml:7.*phi\/phone/);
  });

  it("a parent's ignore: and kinds: globs apply below a nested config, relative to the parent", async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'kinds: { reply: ["content/replies/**"] }\nignore: ["content/archive/**"]\n',
      'content/.phi-lint.yaml': 'rules: { phi/email: warning }\n',
      'content/archive/old.md': 'Call 773-555-0182.\n',
      'content/replies/r.md': 'Thanks Dana!\n',
    });
    const r = await cli(['--list-files', 'content'], { cwd: dir });
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['content/replies/r.md']);
    const p = await cli(['--print-config', 'content/replies/r.md'], { cwd: dir });
    expect(p.stdout).toMatch(/kind: reply/);
    expect(p.stdout).toMatch(/reply:\n\s+- replies\/\*\*/);
  });

  it('rebases globs onto a nested folder', () => {
    expect(rebaseGlob('content/replies/**', '/r', '/r/content')).toBe('replies/**');
    expect(rebaseGlob('**/drafts/*.md', '/r', '/r/content')).toBe('**/drafts/*.md');
    expect(rebaseGlob('*/replies/**', '/r', '/r/content')).toBe('replies/**');
    expect(rebaseGlob('!content/keep.md', '/r', '/r/content')).toBe('!keep.md');
    expect(rebaseGlob('posts/**', '/r', '/r/content')).toBeUndefined();
    expect(rebaseGlob('*.md', '/r', '/r/content')).toBeUndefined();
    expect(rebaseGlob('a/b', '/r', '/r')).toBe('a/b');
  });
});

describe('--print-config, --debug, --list-files', () => {
  it('--print-config FILE shows the effective config for a draft, merged, as YAML, and lints nothing', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': ROOT_CONFIG,
      'content/.phi-lint.yaml': 'practice: { staff: ["Marcus Ellery"] }\nrules: { phi/phone: warning }\n',
      'content/x.md': 'Call 773-555-0182.\n',
    });
    const r = await cli(['--print-config', 'content/x.md'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Sarah Whitfield');
    expect(r.stdout).toContain('Marcus Ellery');
    expect(r.stdout).toMatch(/phi\/phone: warning/);
    expect(r.stdout).toMatch(/# config files \(outermost first\):\n# \.phi-lint\.yaml\n# content\/\.phi-lint\.yaml/);
    expect(r.stdout).not.toContain('773-555-0182');
  });

  it('--debug says which config files and rule packs were read (standard error)', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': ROOT_CONFIG,
      'content/.phi-lint.yaml': 'rules: {}\n',
      'content/x.md': 'Hi.\n',
    });
    const r = await cli(['--debug', 'content/x.md'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/phi-lint: debug: content\/x\.md: config \.phi-lint\.yaml, content\/\.phi-lint\.yaml/);
    expect(r.stderr).toMatch(/phi-lint: debug: rule pack .*post\.yaml/);
  });

  it('--list-files lists what would be linted, one per line, and lints nothing', async () => {
    const dir = tmpProject({
      'a.md': 'Call 773-555-0182.\n',
      'b/c.txt': 'Hi.\n',
      'b/d.png': 'x',
      'node_modules/x/y.md': 'Hi.\n',
    });
    const r = await cli(['--list-files', '.'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('a.md\nb/c.txt\n');
  });
});
