// The practice's allow-list (issue 15, point 6): `allow:` words, phrases and /patterns/ that
// are never PHI for this practice; every allowed match is counted in the run's summary.
import { describe, expect, it } from 'vitest';
import { cli, tmpProject } from './tmp-project.js';

const ids = (stdout: string): string[] =>
  (JSON.parse(stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));

const POST = 'Our team ran the Peachtree Road Race with Coach Marcus Ellery! Sponsor line: 773-555-0182.\n';

describe('allow:', () => {
  it('phrases (any case, any spacing) and /patterns/ are never findings; other findings stay', async () => {
    const dir = tmpProject({ 'post.md': POST });
    const before = await cli(['-f', 'json', 'post.md'], { cwd: dir });
    expect(ids(before.stdout)).toEqual(expect.arrayContaining(['names/given-name', 'phi/phone']));
    const cfg = 'allow:\n  - "coach  marcus ellery"\n  - peachtree road race\n';
    const after = tmpProject({ '.phi-lint.yaml': cfg, 'post.md': POST });
    const r = await cli(['-f', 'json', 'post.md'], { cwd: after });
    expect(ids(r.stdout)).toEqual(['phi/phone']);
    const pattern = tmpProject({ '.phi-lint.yaml': `${cfg}  - "/Sponsor line: [0-9-]+/"\n`, 'post.md': POST });
    const p = await cli(['post.md'], { cwd: pattern });
    expect(p.exitCode).toBe(0);
    expect(p.stdout).toMatch(/\d+ match(es)? allowed by allow: \(\.phi-lint\.yaml\)/);
  });

  it('counts allowed matches in every summary, and lists them as suppressed in JSON', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'allow: ["Coach Marcus Ellery"]\n', 'post.md': POST });
    const r = await cli(['-f', 'json', 'post.md'], { cwd: dir });
    const out = JSON.parse(r.stdout) as {
      suppressedMessages?: { ruleId: string; suppressions: { kind: string }[] }[];
    }[];
    expect(out[0].suppressedMessages?.some((m) => m.suppressions[0].kind === 'allow')).toBe(true);
    expect(r.stderr).toMatch(/allowed by allow: \(\.phi-lint\.yaml\)/);
  });

  it('a pattern that could take too long, or is not a regex, is a config error at its line', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'allow:\n  - ok phrase\n  - "/(a+)+$/"\n', 'post.md': 'Hi.\n' });
    const r = await cli(['post.md'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\.phi-lint\.yaml:3:\d+: allow: the pattern \/\(a\+\)\+\$\/ could take too long/);
    const bad = tmpProject({ '.phi-lint.yaml': 'allow: ["/(unclosed/"]\n', 'post.md': 'Hi.\n' });
    expect((await cli(['post.md'], { cwd: bad })).stderr).toMatch(/is not a valid regular expression/);
  });

  it('a nested config adds to the parent allow-list', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'allow: ["Peachtree Road Race"]\n',
      'events/.phi-lint.yaml': 'allow: ["Coach Marcus Ellery"]\n',
      'events/post.md': 'Coach Marcus Ellery ran the Peachtree Road Race!\n',
    });
    const r = await cli(['-f', 'json', 'events/post.md'], { cwd: dir });
    expect(ids(r.stdout)).toEqual([]);
  });
});

describe('"allow this" as a suggestion', () => {
  it('a name or place finding in a post says how to allow it', async () => {
    const dir = tmpProject({ 'post.md': 'Thanks to Coach Marcus Ellery for the fun run!\n' });
    const r = await cli(['--show-values', 'post.md'], { cwd: dir });
    expect(r.stdout).toMatch(/goes in allow: (in \.phi-lint\.yaml|there)/);
    const plain = await cli(['--show-values', 'post.md'], {
      cwd: tmpProject({ 'post.md': 'We met Marcus Ellery at the clinic.\n' }),
    });
    expect(plain.stdout).toMatch(/goes in allow: in \.phi-lint\.yaml/);
  });
});
