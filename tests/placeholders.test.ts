// Leftover placeholders (issue 15, point 10): "[LOCATION]", "[PHOTO]", "[DATE]"… that redact
// (or a writer) put in a copy are phi-lint/placeholder errors, so the copy never lints clean;
// --fix never writes one (fix-suggestions.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('--fix never writes a placeholder; the copy redact writes is not clean', async () => {
    const text = 'Our office is open Saturday. Call 773-555-0182.\n';
    const dir = tmpProject({ 'a.txt': text });
    const fixed = await cli(['--fix', 'a.txt'], { cwd: dir });
    expect(fixed.exitCode).toBe(1);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(text);
    const copy = await cli(['redact', 'a.txt'], { cwd: dir });
    writeFileSync(join(dir, 'copy.txt'), copy.stdout);
    const r = await cli(['copy.txt'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('"[PHONE]" was left where a detail was taken out: this is not ready to post');
    const explain = await cli(['explain', 'phi-lint/placeholder'], { cwd: dir });
    expect(explain.exitCode).toBe(0);
  });
});
