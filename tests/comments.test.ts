// Comments on the practice's own pages (issue 17): drafts of kind `comment`, their severity
// policy and the hide-and-reply-privately recommendation; `phi-lint comments FILE` over
// exports; `--in-reply-to export#id`.
import { describe, expect, it } from 'vitest';
import { HIDE_AND_REPLY } from '../src/comments/policy.js';
import { cli, tmpProject } from './tmp-project.js';
import { slow } from './support/tiers.js';

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

interface JsonMessage {
  ruleId: string;
  severity: number;
  suggestion?: string;
  category: string;
}
const messagesOf = (stdout: string): JsonMessage[] =>
  (JSON.parse(stdout) as { messages: JsonMessage[] }[]).flatMap((r) => r.messages);

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
    const r = await cli(['--kind', 'comment', '--format', 'json', '-'], { cwd: dir, input: HEALTH });
    expect(r.exitCode).toBe(1);
    expect(messagesOf(r.stdout).map((m) => m.ruleId)).toContain('comment/health-detail');
    const calm = await cli(['--kind', 'comment', '-'], { cwd: dir, input: 'Are you open on Saturdays?\n' });
    expect(calm.exitCode).toBe(0);
  });

  it('"I am a patient" alone is a warning: the comment may stay, the answer goes private', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE });
    const r = await cli(['--kind', 'comment', '--format', 'json', '-'], { cwd: dir, input: PATIENT });
    expect(r.exitCode).toBe(0);
    expect(messagesOf(r.stdout).map((m) => [m.ruleId, m.severity])).toEqual([['comment/is-patient', 1]]);
  });

  it("comes from the config's kinds: comment globs and from front matter kind: comment", async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': `${PRACTICE}kinds: { comment: ["comments/**"] }\n`,
      'comments/a.txt': HEALTH,
      'posts/b.md': `---\nkind: comment\n---\n${HEALTH}`,
    });
    const r = await cli(['--format', 'json', '.'], { cwd: dir });
    const results = JSON.parse(r.stdout) as { filePath: string; messages: JsonMessage[] }[];
    for (const f of results)
      expect(
        f.messages.map((m) => m.ruleId),
        f.filePath,
      ).toContain('comment/health-detail');
    expect(results).toHaveLength(2);
  });

  it('has its own severity policy: comments: severity: by category or rule id', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': `${PRACTICE}comments:\n  severity: { health-detail: warning, comment/is-patient: off }\n`,
    });
    const r = await cli(['--kind', 'comment', '--format', 'json', '-'], { cwd: dir, input: HEALTH + PATIENT });
    expect(r.exitCode).toBe(0);
    const msgs = messagesOf(r.stdout);
    expect(msgs.find((m) => m.ruleId === 'comment/health-detail')?.severity).toBe(1);
    expect(msgs.map((m) => m.ruleId)).not.toContain('comment/is-patient');
    // posts keep their own severities
    const post = await cli(['--kind', 'post', '--format', 'json', '-'], {
      cwd: dir,
      input: 'Tyler has worked so hard on his Accutane course.\n',
    });
    expect(post.exitCode).toBe(1);
  });

  it("rules: sets a comment rule's severity unless comments: severity: says otherwise", async () => {
    const dir = tmpProject({ '.phi-lint.yaml': `${PRACTICE}rules: { comment/is-patient: error }\n` });
    const r = await cli(['--kind', 'comment', '--format', 'json', '-'], { cwd: dir, input: PATIENT });
    expect(messagesOf(r.stdout).map((m) => [m.ruleId, m.severity])).toEqual([['comment/is-patient', 2]]);
    expect(r.exitCode).toBe(1);
    const dir2 = tmpProject({
      '.phi-lint.yaml': `${PRACTICE}rules: { comment/is-patient: error }\ncomments: { severity: { comment/is-patient: warning } }\n`,
    });
    const r2 = await cli(['--kind', 'comment', '--format', 'json', '-'], { cwd: dir2, input: PATIENT });
    expect(messagesOf(r2.stdout).map((m) => [m.ruleId, m.severity])).toEqual([['comment/is-patient', 1]]);
  });

  it('a bad comments: key is a config error naming the file', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': `${PRACTICE}comments:\n  severity: { health-detail: loud }\n` });
    const r = await cli(['--kind', 'comment', '-'], { cwd: dir, input: HEALTH });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\.phi-lint\.yaml:\d+:\d+/);
  });

  it("a directive inside a comment is the commenter's and is not obeyed", async () => {
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE });
    const input = `<!-- phi-lint-disable -- trust me -->\n${HEALTH}`;
    const r = await cli(['--kind', 'comment', '--format', 'json', '--stdin-filename', 'c.md', '-'], {
      cwd: dir,
      input,
    });
    expect(r.exitCode).toBe(1);
    expect(messagesOf(r.stdout).map((m) => m.ruleId)).toContain('comment/health-detail');
  });

  it('a comment is never rewritten by --fix-dry-run (it is hidden and answered instead)', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE, 'c.txt': 'Call me at 404-555-0187, my son has asthma.\n' });
    const r = await cli(['--kind', 'comment', '--fix-dry-run', 'c.txt'], { cwd: dir });
    expect(r.stdout).toBe('');
  });
});

const PEOPLE = ['Sarah Whitfield', 'Marcus Bell', 'Dana Ortiz', 'Priya Natarajan', 'Owen Fletcher'];
const TEMPLATES: [string, 'hide' | 'reply-privately' | 'ok'][] = [
  ['Thanks Dr. Reyes, my root canal went great!', 'hide'],
  ["My son's asthma is worse since the new inhaler.", 'hide'],
  ['Call me back at 404-555-0187 about the bill please', 'hide'],
  ["I've been a patient here for ten years.", 'reply-privately'],
  ['Are you open on Saturdays?', 'ok'],
  ['Love the new waiting room, so bright and cheerful', 'ok'],
  ['What a lovely team photo!', 'ok'],
];
const csvCellOf = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A CSV export of n comments from the templates, with the action each should get. */
function generatedExport(n: number): { csv: string; want: string[] } {
  const lines = ['id,author,created,text,url,platform'];
  const want: string[] = [];
  for (let i = 0; i < n; i++) {
    const [text, action] = TEMPLATES[i % TEMPLATES.length]!;
    const id = String(5000 + i);
    lines.push(
      [id, PEOPLE[i % PEOPLE.length]!, '2026-11-02T10:00:00Z', text, `https://social.example/p/1?c=${id}`, 'facebook']
        .map(csvCellOf)
        .join(','),
    );
    want.push(action);
  }
  return { csv: `${lines.join('\n')}\n`, want };
}

/** Parse the report's CSV (no line breaks inside cells when masked). */
const csvRows = (text: string): string[][] =>
  text
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));

describe('phi-lint comments', () => {
  slow(
    'triages a 1,000-row CSV export in under 5 s: an action per row, and JSON, SARIF and HTML',
    async () => {
      const { csv, want } = generatedExport(1000);
      const dir = tmpProject({ '.phi-lint.yaml': PRACTICE, 'export.csv': csv });
      const t0 = performance.now();
      const r = await cli(['comments', 'export.csv', '--format', 'csv'], { cwd: dir });
      const ms = performance.now() - t0;
      expect(r.stderr).toBe('');
      expect(ms).toBeLessThan(5000);
      expect(r.exitCode).toBe(1); // some comments must be hidden
      const rows = csvRows(r.stdout);
      expect(rows[0]).toEqual(['row', 'line', 'id', 'created', 'platform', 'action', 'reasons']);
      expect(rows.slice(1).map((c) => c[5])).toEqual(want);
      expect(rows[1]!.slice(0, 3)).toEqual(['1', '2', '5000']);
      // masked (not a terminal): no author, no text, no value from a comment
      expect(r.stdout).not.toMatch(/Whitfield|root canal|555-0187|asthma/);

      const json = JSON.parse((await cli(['comments', 'export.csv', '-f', 'json'], { cwd: dir })).stdout) as {
        action: string;
        row: number;
        filePath: string;
      }[];
      expect(json.map((e) => e.action)).toEqual(want);
      expect(json[999]).toMatchObject({ row: 1000, filePath: 'export.csv' });

      const sarif = JSON.parse((await cli(['comments', 'export.csv', '-f', 'sarif'], { cwd: dir })).stdout) as {
        runs: {
          results: {
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
            partialFingerprints: Record<string, string>;
          }[];
        }[];
      };
      const results = sarif.runs[0]!.results;
      expect(results.length).toBeGreaterThan(400);
      expect(results[0]!.locations[0]!.physicalLocation).toMatchObject({
        artifactLocation: { uri: 'export.csv' },
        region: { startLine: 2 },
      });
      const prints = results.map((x) => Object.values(x.partialFingerprints)[0]);
      expect(new Set(prints).size).toBe(prints.length);

      const html = (await cli(['comments', 'export.csv', '-f', 'html'], { cwd: dir })).stdout;
      expect(html).toContain('export.csv · row 1, id 5000');
      expect(html).toContain('Recommended: Hide the comment and reply privately');
      expect(html).toContain('Recommended: Reply privately (the comment may stay)');
      expect(html).not.toMatch(/Whitfield|555-0187|asthma/);
    },
    60_000,
  );

  it('reads JSON Lines, with a column mapping from the config or --column', async () => {
    const jsonl = [
      JSON.stringify({ cid: 'a1', who: 'Dana Ortiz', msg: "My daughter's braces came off today!" }),
      '',
      JSON.stringify({ cid: 'a2', who: 'Owen Fletcher', msg: 'Do you take new patients?' }),
    ].join('\n');
    const dir = tmpProject({
      '.phi-lint.yaml': `${PRACTICE}comments:\n  columns: { id: cid, text: msg }\n`,
      'e.jsonl': jsonl,
    });
    const r = await cli(['comments', 'e.jsonl'], { cwd: dir });
    expect(r.stderr).toBe('');
    const rows = csvRows(r.stdout);
    expect(rows.slice(1).map((c) => [c[0], c[1], c[2], c[5]])).toEqual([
      ['1', '1', 'a1', 'hide'],
      ['2', '3', 'a2', 'ok'],
    ]);
    const dir2 = tmpProject({ '.phi-lint.yaml': PRACTICE, 'e.jsonl': jsonl });
    expect((await cli(['comments', 'e.jsonl'], { cwd: dir2 })).stderr).toMatch(
      /e\.jsonl:1:1: .*no column for the comment's text/,
    );
    const mapped = await cli(['comments', 'e.jsonl', '--column', 'text=msg', '--column', 'id=cid'], { cwd: dir2 });
    expect(csvRows(mapped.stdout)[1]![2]).toBe('a1');
  });

  it('bad exports are errors naming the file, never quoting a comment', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': PRACTICE,
      'broken.jsonl': '{"text": "my SSN is 078-05-1120"\n',
      'open.csv': 'id,text\n1,"my SSN is 078-05-1120\n',
      'notext.csv': 'id,body2\n1,hello\n',
    });
    for (const f of ['broken.jsonl', 'open.csv', 'notext.csv', 'missing.csv']) {
      const r = await cli(['comments', f], { cwd: dir });
      expect(r.exitCode, f).toBe(2);
      expect(r.stderr, f).toContain(f);
      expect(r.stderr).not.toContain('078-05-1120');
    }
    expect((await cli(['comments', 'open.csv', '--column', 'txt=body'], { cwd: dir })).exitCode).toBe(2);
  });

  it('defuses spreadsheet formulas in the CSV it writes', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': PRACTICE,
      'x.csv': 'id,text,platform\n=HYPERLINK("http://evil.example"),hi,+cmd\n',
    });
    const r = await cli(['comments', 'x.csv'], { cwd: dir });
    const rows = r.stdout.trim().split('\r\n');
    expect(rows[1]).toMatch(/^1,2,"'=HYPERLINK\(""http:\/\/evil\.example""\)",,'\+cmd,ok,$/);
  });

  it('prints no control character from an export: no cell can drive the terminal or split a row', async () => {
    const csv =
      'id,created,text,platform\n"7\u001b[2J\u001b]0;pwned\u001b\\",2026\u202e,"line one\r\nline two",fb\u0085\n';
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE, 'x.csv': csv });
    for (const extra of [[], ['--show-values']]) {
      const r = await cli(['comments', 'x.csv', ...extra], { cwd: dir });
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e]/);
      expect(r.stdout.trim().split('\r\n')).toHaveLength(2);
      expect(r.stdout).toContain('7\\x1b[2J');
    }
  });

  it('--in-reply-to export.csv#ID checks a reply against that comment (and its author)', async () => {
    const { csv } = generatedExport(7);
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE, 'export.csv': csv });
    const reply = "Marcus, we're sorry the inhaler isn't helping.\n";
    const r = await cli(['--kind', 'reply', '--format', 'json', '--in-reply-to', 'export.csv#5001', '-'], {
      cwd: dir,
      input: reply,
    });
    const ids = messagesOf(r.stdout).map((m) => m.ruleId);
    expect(ids).toContain('reply/repeats-health-detail');
    expect(ids).toContain('reply/repeats-name');
    const other = await cli(['--kind', 'reply', '--format', 'json', '--in-reply-to', 'export.csv#5004', '-'], {
      cwd: dir,
      input: reply,
    });
    expect(messagesOf(other.stdout).map((m) => m.ruleId)).not.toContain('reply/repeats-health-detail');
    const missing = await cli(['--kind', 'reply', '--in-reply-to', 'export.csv#42', '-'], { cwd: dir, input: reply });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('export.csv');
  });
});
