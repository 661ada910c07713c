// Suggestions that fit the draft (issue 15, point 17): rules give advice for posts and for
// replies separately (suggestion-post, suggestion-reply), and rules that fire on the same
// span with the same advice are reported once.
import { describe, expect, it } from 'vitest';
import { cli, tmpProject } from './tmp-project.js';

interface Msg {
  ruleId: string;
  severity: number;
  message: string;
}
const run = async (args: string[], dir: string): Promise<string> =>
  (await cli([...args, '--show-values'], { cwd: dir })).stdout;

describe('suggestions per kind of draft', () => {
  it('a staff birthday post is not told to write "Thank you for your feedback!"; a reply is', async () => {
    const dir = tmpProject({ 'post.md': 'Happy birthday Marcus Ellery!\n' });
    const post = await run(['post.md'], dir);
    expect(post).toContain('names/greeting');
    expect(post).not.toContain('Thank you for your feedback');
    expect(post).toContain('Celebrate without the name');
    expect(post).toContain('add them to practice.staff');
    const reply = await run(['--kind', 'reply', 'post.md'], dir);
    expect(reply).toContain('Leave the name out ("Thank you for your feedback!")');
  });
});

describe('same span, same advice', () => {
  const pack = (second: string): string =>
    [
      'pack: clinic',
      'rules:',
      '  - id: clinic/code-a',
      '    category: other-id',
      '    severity: warning',
      '    message: A clinic code.',
      '    why: Codes identify visits.',
      '    suggestion: Leave the code out.',
      '    detect:',
      "      - pattern: 'ZX-\\d{4}'",
      '    examples:',
      "      fire: ['Code ZX-1234.']",
      "      silent: ['No code.']",
      '  - id: clinic/code-b',
      '    category: account',
      '    severity: error',
      '    message: An account code.',
      '    why: Codes identify accounts.',
      `    suggestion: ${second}`,
      '    detect:',
      "      - pattern: 'ZX-\\d{4}'",
      '    examples:',
      "      fire: ['Code ZX-1234.']",
      "      silent: ['No code.']",
      '',
    ].join('\n');

  it('is reported once, at the most severe of the rules', async () => {
    const dir = tmpProject({ 'rules/clinic.yaml': pack('Leave the code out.'), 'a.md': 'Your code is ZX-1234.\n' });
    const r = await cli(['-f', 'json', '--rules', 'rules', 'a.md'], { cwd: dir });
    const m = (JSON.parse(r.stdout) as { messages: Msg[] }[])[0].messages.filter((x) => x.ruleId.startsWith('clinic/'));
    expect(m.map((x) => x.ruleId)).toEqual(['clinic/code-a']);
    expect(m[0].severity).toBe(2);
  });

  it('different advice on the same span is two findings', async () => {
    const dir = tmpProject({
      'rules/clinic.yaml': pack('Call the billing office.'),
      'a.md': 'Your code is ZX-1234.\n',
    });
    const r = await cli(['-f', 'json', '--rules', 'rules', 'a.md'], { cwd: dir });
    const m = (JSON.parse(r.stdout) as { messages: Msg[] }[])[0].messages.filter((x) => x.ruleId.startsWith('clinic/'));
    expect(m.map((x) => x.ruleId).sort()).toEqual(['clinic/code-a', 'clinic/code-b']);
  });
});
