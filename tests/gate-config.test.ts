// Issue 12, "no way around the gate": what config, directives and the consent ledger can
// switch off is refused, capped, or at least said out loud in every output format.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { cli, tmpProject } from './tmp-project.js';

const ids = (stdout: string): string[] => (JSON.parse(stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));

describe('kind precedence: --kind, then config kinds: globs, then front matter kind:, then post', () => {
  const REPLY = 'Hi Desmond, we are sorry you waited so long.\n';
  const greets = 'reply/greets-reviewer';

  it('--kind reply wins over front matter kind: post', async () => {
    const dir = tmpProject({ 'a.md': `---\nkind: post\n---\n${REPLY}` });
    const r = await cli(['a.md', '--kind', 'reply', '-f', 'json'], { cwd: dir });
    expect(ids(r.stdout)).toContain(greets);
  });
  it('--kind post wins over front matter kind: reply and over kinds: globs', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'kinds: { reply: ["replies/**"] }\n', 'replies/a.md': `---\nkind: reply\n---\n${REPLY}` });
    const r = await cli(['replies/a.md', '--kind', 'post', '-f', 'json'], { cwd: dir });
    expect(ids(r.stdout)).not.toContain(greets);
  });
  it('config kinds: globs win over front matter kind:', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'kinds: { reply: ["replies/**"] }\n', 'replies/a.md': `---\nkind: post\n---\n${REPLY}` });
    const r = await cli(['replies/a.md', '-f', 'json'], { cwd: dir });
    expect(ids(r.stdout)).toContain(greets);
  });
  it('front matter kind: applies when neither the flag nor a glob decides', async () => {
    const dir = tmpProject({ 'a.md': `---\nkind: reply\n---\n${REPLY}`, 'b.md': REPLY });
    const r = await cli(['a.md', 'b.md', '-f', 'json'], { cwd: dir });
    const [a, b] = JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[];
    expect(a!.messages.map((m) => m.ruleId)).toContain(greets);
    expect(b!.messages.map((m) => m.ruleId)).not.toContain(greets);
  });
  it('--help states the precedence', () => {
    const help = buildProgram().helpInformation().replace(/\s+/g, ' ');
    expect(help).toMatch(/--kind <kind>.*overrides the config's kinds: globs and front matter kind:/);
  });
});
