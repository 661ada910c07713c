// Comments on the practice's own pages (issue 17): drafts of kind `comment`, their severity
// policy and the hide-and-reply-privately recommendation; `phi-lint comments FILE` over
// exports; `--in-reply-to export#id`.
import { describe, expect, it } from 'vitest';
import { HIDE_AND_REPLY } from '../src/comments/policy.js';
import { cli, tmpProject } from './tmp-project.js';

const PRACTICE = [
  'practice:',
  '  name: Peachtree Family Dental',
  '  staff: [Dr. Anna Reyes]',
  '  phones: ["(404) 555-0100"]',
  '  handles: ["@PeachtreeDental"]',
  '',
].join('\n');

const HEALTH = 'Thanks Dr. Reyes, my root canal went great!\n';
const PATIENT = "I've been a patient here for ten years.\n";

interface JsonMessage { ruleId: string; severity: number; suggestion?: string; category: string }
const messagesOf = (stdout: string): JsonMessage[] => (JSON.parse(stdout) as { messages: JsonMessage[] }[]).flatMap((r) => r.messages);

describe('--kind comment', () => {
  it('reports what a comment reveals, recommends hiding it and replying privately, and fails on a health detail', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE, 'c.txt': HEALTH });
    const r = await cli(['--kind', 'comment', '--format', 'json', 'c.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
    const msgs = messagesOf(r.stdout);
    const health = msgs.find((m) => m.ruleId === 'comment/health-detail');
    expect(health?.severity).toBe(2);
    expect(msgs.every((m) => m.suggestion === HIDE_AND_REPLY)).toBe(true);
    // the post pack's testimonial rule speaks of the practice publishing someone's words: off for comments
    expect(msgs.map((m) => m.ruleId)).not.toContain('post/testimonial');
  });

  it('works on standard input', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE });
    const r = await cli(['--kind', 'comment', '--format', 'json'], { cwd: dir, input: HEALTH });
    expect(r.exitCode).toBe(1);
    expect(messagesOf(r.stdout).map((m) => m.ruleId)).toContain('comment/health-detail');
    const calm = await cli(['--kind', 'comment', '-'], { cwd: dir, input: 'Are you open on Saturdays?\n' });
    expect(calm.exitCode).toBe(0);
  });

  it('"I am a patient" alone is a warning: the comment may stay, the answer goes private', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE });
    const r = await cli(['--kind', 'comment', '--format', 'json'], { cwd: dir, input: PATIENT });
    expect(r.exitCode).toBe(0);
    expect(messagesOf(r.stdout).map((m) => [m.ruleId, m.severity])).toEqual([['comment/is-patient', 1]]);
  });

  it('comes from the config\'s kinds: comment globs and from front matter kind: comment', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': `${PRACTICE}kinds: { comment: ["comments/**"] }\n`,
      'comments/a.txt': HEALTH,
      'posts/b.md': `---\nkind: comment\n---\n${HEALTH}`,
    });
    const r = await cli(['--format', 'json', '.'], { cwd: dir });
    const results = JSON.parse(r.stdout) as { filePath: string; messages: JsonMessage[] }[];
    for (const f of results) expect(f.messages.map((m) => m.ruleId), f.filePath).toContain('comment/health-detail');
    expect(results).toHaveLength(2);
  });

  it('has its own severity policy: comments: severity: by category or rule id', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': `${PRACTICE}comments:\n  severity: { health-detail: warning, comment/is-patient: off }\n`,
    });
    const r = await cli(['--kind', 'comment', '--format', 'json'], { cwd: dir, input: HEALTH + PATIENT });
    expect(r.exitCode).toBe(0);
    const msgs = messagesOf(r.stdout);
    expect(msgs.find((m) => m.ruleId === 'comment/health-detail')?.severity).toBe(1);
    expect(msgs.map((m) => m.ruleId)).not.toContain('comment/is-patient');
    // posts keep their own severities
    const post = await cli(['--kind', 'post', '--format', 'json'], { cwd: dir, input: 'Tyler has worked so hard on his Accutane course.\n' });
    expect(post.exitCode).toBe(1);
  });

  it('a bad comments: key is a config error naming the file', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': `${PRACTICE}comments:\n  severity: { health-detail: loud }\n` });
    const r = await cli(['--kind', 'comment', '-'], { cwd: dir, input: HEALTH });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\.phi-lint\.yaml:\d+:\d+/);
  });

  it('a directive inside a comment is the commenter\'s and is not obeyed', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE });
    const input = `<!-- phi-lint-disable -- trust me -->\n${HEALTH}`;
    const r = await cli(['--kind', 'comment', '--format', 'json', '--stdin-filename', 'c.md'], { cwd: dir, input });
    expect(r.exitCode).toBe(1);
    expect(messagesOf(r.stdout).map((m) => m.ruleId)).toContain('comment/health-detail');
  });

  it('a comment is never rewritten by --fix-dry-run (it is hidden and answered instead)', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE, 'c.txt': 'Call me at 404-555-0187, my son has asthma.\n' });
    const r = await cli(['--kind', 'comment', '--fix-dry-run', 'c.txt'], { cwd: dir });
    expect(r.stdout).toBe('');
  });
});
