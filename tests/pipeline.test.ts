// One draft pipeline (src/pipeline.ts): the CLI, the API, `redact` and `test-rules` lint a
// draft the same way — the same findings after the same filters (front-matter findings,
// directives, consent, baseline, fixable), the same kind precedence.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { renderMessage } from '../src/formatters/mask.js';
import type { Finding } from '../src/types.js';
import { cli, tmpProject } from './tmp-project.js';

const SEVERITY = ['info', 'warning', 'error'] as const;

interface Seen {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fixable: boolean;
}

const fromApi = (f: Finding): Seen => ({
  ruleId: f.ruleId,
  severity: f.severity,
  line: f.line,
  column: f.column,
  endLine: f.endLine,
  endColumn: f.endColumn,
  message: renderMessage(f.message, f.match, false),
  fixable: !!f.fixable,
});

async function fromCli(dir: string, file: string, args: string[] = []): Promise<Seen[]> {
  const r = await cli(['-f', 'json', '--show-values', ...args, file], { cwd: dir });
  const [res] = JSON.parse(r.stdout) as {
    messages: (Omit<Seen, 'severity' | 'fixable'> & { severity: number; fixable?: boolean })[];
  }[];
  return res!.messages.map((m) => ({
    ruleId: m.ruleId,
    severity: SEVERITY[m.severity]!,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    message: m.message,
    fixable: !!m.fixable,
  }));
}

describe('one draft pipeline: the API reports what the CLI reports', () => {
  it('front-matter findings, exactly as the CLI does', async () => {
    const draft = '---\nkind: [reply\n---\nCall Sarah Whitfield at 404-555-0187 tomorrow.\n';
    const dir = tmpProject({ 'post.md': draft, '.phi-lint.yaml': 'practice:\n  name: Peachtree Family Dental\n' });
    const viaCli = await fromCli(dir, 'post.md');
    expect(viaCli.map((f) => f.ruleId)).toContain('phi-lint/front-matter');
    const linter = createLinter({ config: join(dir, '.phi-lint.yaml') });
    const viaApi = (await linter.lint(draft, { path: join(dir, 'post.md') })).findings.map(fromApi);
    expect(viaApi).toEqual(viaCli);
  });

  it('an explicit kind wins over front matter kind:, as --kind does', async () => {
    const draft = '---\nkind: reply\n---\nThanks for the kind words!\n';
    const dir = tmpProject({ 'a.md': draft });
    const linter = createLinter({ config: undefined });
    const r = await linter.lint(draft, { path: join(dir, 'a.md'), kind: 'post' });
    expect(r.doc.kind).toBe('post');
    expect((await linter.lint(draft, { path: join(dir, 'a.md') })).doc.kind).toBe('reply');
  });

  it("front matter in-reply-to: is not read outside the draft's repository through the API either", async () => {
    const outside = tmpProject({ 'review.txt': 'Sarah Whitfield had a root canal here.' });
    const repo = tmpProject({ '.git/HEAD': 'ref: refs/heads/main\n' });
    const draft = `---\nin-reply-to: ${join(outside, 'review.txt')}\n---\nThank you for the feedback!\n`;
    writeFileSync(join(repo, 'reply.md'), draft);
    const linter = createLinter();
    const r = await linter.lint(draft, { path: join(repo, 'reply.md'), kind: 'reply' });
    expect(r.doc.review).toBeUndefined();
    expect(r.findings.map((f) => f.message)).toContain(
      'in-reply-to: names a file outside the repository; it is not read.',
    );
    expect(await fromCli(repo, 'reply.md', ['--kind', 'reply'])).toEqual(r.findings.map(fromApi));
  });
});
