// Leftover placeholders (issue 15, point 10): "[LOCATION]", "[PHOTO]", "[DATE]"… that --fix
// or redact put in a copy are phi-lint/placeholder errors, so the copy never lints clean.
import { describe, expect, it } from 'vitest';
import { cli, tmpProject } from './tmp-project.js';

describe('phi-lint/placeholder', () => {
  it('a placeholder left in a draft is an error at its place; ordinary brackets are not', async () => {
    const dir = tmpProject({
      'a.md': 'Our open house at [LOCATION] was fun!\n\n\\[PHOTO\\]\n\nSee [our hours](#hours) [sic].\n',
    });
    const r = await cli(['-f', 'json', 'a.md'], { cwd: dir });
    const m = (
      JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number; severity: number }[] }[]
    )[0].messages.filter((x) => x.ruleId.startsWith('phi-lint/'));
    expect(m.map((x) => `${x.line}:${x.column} ${x.ruleId}`)).toEqual([
      '1:19 phi-lint/placeholder',
      '3:1 phi-lint/placeholder',
    ]);
    expect(m.every((x) => x.severity === 2)).toBe(true);
    expect(r.exitCode).toBe(1);
  });

  it('the copy --fix writes is not clean while it holds placeholders', async () => {
    const dir = tmpProject({ 'a.txt': 'Flu shots are in. Call 773-555-0182.\n' });
    const fixed = await cli(['--fix', 'a.txt'], { cwd: dir });
    expect(fixed.exitCode).toBe(1);
    expect(fixed.stdout).toContain('"[PHONE]" was left where a detail was taken out: this is not ready to post');
    const explain = await cli(['explain', 'phi-lint/placeholder'], { cwd: dir });
    expect(explain.exitCode).toBe(0);
  });
});
