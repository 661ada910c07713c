// No silent passes (issue 15, point 9): a folder that yields no drafts is exit 2, like
// ESLint's "No files matching", unless --no-error-on-unmatched-pattern.
import { describe, expect, it } from 'vitest';
import { cli, tmpProject } from './tmp-project.js';

describe('a folder with no drafts', () => {
  it('is exit 2 naming it; --no-error-on-unmatched-pattern allows it', async () => {
    const dir = tmpProject({ 'docs/report.docx': 'x', 'posts/a.md': 'Flu shots are in!\n' });
    const r = await cli(['docs'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(
      /docs: no drafts \(\.md, \.markdown, \.mdx, \.txt\) in this folder; --no-error-on-unmatched-pattern allows it/,
    );
    expect((await cli(['--no-error-on-unmatched-pattern', 'docs'], { cwd: dir })).exitCode).toBe(0);
    expect((await cli(['--no-error-on-unmatched-pattern', 'nothing/*.md'], { cwd: dir })).exitCode).toBe(0);
    expect((await cli(['posts', 'docs'], { cwd: dir })).exitCode).toBe(2);
    expect((await cli(['posts'], { cwd: dir })).exitCode).toBe(0);
  });
});
