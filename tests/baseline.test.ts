// Baseline: fingerprints ignore line numbers (editing above a known finding does not
// resurrect it), tell apart a new finding on the same line, and the file holds no PHI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineJson, fingerprints, normalizeMatch, readBaseline } from '../src/baseline/baseline.js';
import type { Finding } from '../src/types.js';
import { phiLint } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';
import { slow } from './support/tiers.js';

function f(ruleId: string, match: string, start: number, line = 1): Finding {
  return {
    ruleId,
    category: 'phone',
    severity: 'error',
    start,
    end: start + match.length,
    match,
    message: 'm',
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
  };
}

describe('fingerprints', () => {
  const salt = 'fixed-salt';
  it('do not depend on line or offset, only on rule, text, occurrence and path', () => {
    const [a] = fingerprints('posts/a.md', [f('phi/phone', '404-555-0187', 10, 1)], salt);
    const [moved] = fingerprints('posts/a.md', [f('phi/phone', '404-555-0187', 500, 40)], salt);
    expect(moved).toBe(a);
    const [name] = fingerprints('posts/a.md', [f('phi/name', 'Jane Doe', 10)], salt);
    expect(fingerprints('posts/a.md', [f('phi/name', 'JANE\n  Doe', 99)], salt)[0]).toBe(name);
    expect(fingerprints('posts/b.md', [f('phi/phone', '404-555-0187', 10)], salt)[0]).not.toBe(a);
    expect(fingerprints('posts/a.md', [f('phi/email', '404-555-0187', 10)], salt)[0]).not.toBe(a);
    expect(fingerprints('posts/a.md', [f('phi/phone', '404-555-0187', 10)], 'other-salt')[0]).not.toBe(a);
  });
  it('number repeated occurrences of the same text', () => {
    const two = fingerprints('a.md', [f('phi/phone', '404-555-0187', 50), f('phi/phone', '404-555-0187', 10)], salt);
    expect(new Set(two).size).toBe(2);
    // the earlier one in the document is occurrence 0, whatever order findings come in
    expect(two[1]).toBe(fingerprints('a.md', [f('phi/phone', '404-555-0187', 10)], salt)[0]);
  });
  it('normalizes case, Unicode width and white space', () => {
    expect(normalizeMatch('  Jane\u00a0DOE\n')).toBe('jane doe');
    expect(normalizeMatch('ＡＢＣ')).toBe('abc');
  });
  it('applyBaseline hides known findings and keeps new ones', () => {
    const known = [f('phi/phone', '404-555-0187', 10)];
    const { text } = baselineJson('/p/.baseline.json', [{ filePath: '/p/a.md', findings: known }], salt);
    const parsed = JSON.parse(text);
    const b = {
      file: '/p/.baseline.json',
      salt,
      files: new Map(
        Object.entries(parsed.files as Record<string, Record<string, string[]>>).map(([k, v]) => [
          k,
          new Set(Object.values(v).flat()),
        ]),
      ),
    };
    const now = [f('phi/phone', '404-555-0199', 3), f('phi/phone', '404-555-0187', 40)];
    const out = applyBaseline(b, '/p/a.md', now);
    expect(out.findings.map((x) => x.match)).toEqual(['404-555-0199']);
    expect(out.suppressed.map((x) => [x.match, x.suppressions[0].kind])).toEqual([['404-555-0187', 'baseline']]);
  });
});

describe('CLI', () => {
  slow(
    '--write-baseline, then --baseline: edits above do not resurrect; a new finding on the same line is reported; no PHI in the file',
    () => {
      const dir = tmpProject({
        'posts/a.txt': 'Call the desk at 404-555-0187.\nWrite to jane.doe@gmail.com today.\n',
        'posts/b.md': 'Our SSN example: 078-05-1123\n',
      });
      const w = phiLint(['posts', '--write-baseline', '.phi-lint-baseline.json'], { cwd: dir });
      expect(w.status).toBe(0);
      expect(w.stdout).toContain('Wrote 3 findings in 2 files to .phi-lint-baseline.json');
      const text = readFileSync(join(dir, '.phi-lint-baseline.json'), 'utf8');
      for (const value of ['404-555-0187', '4045550187', '0187', 'jane', 'gmail', '078-05-1123', '1123'])
        expect(text).not.toContain(value);
      expect(Object.keys(JSON.parse(text).files)).toEqual(['posts/a.txt', 'posts/b.md']);

      expect(phiLint(['posts', '--baseline', '.phi-lint-baseline.json'], { cwd: dir }).status).toBe(0);

      // edit above: two new lines push the known findings down
      tmpWrite(
        dir,
        'posts/a.txt',
        'Spring update!\n\nCall the desk at 404-555-0187.\nWrite to jane.doe@gmail.com today.\n',
      );
      const moved = phiLint(['posts', '--baseline', '.phi-lint-baseline.json', '-f', 'json'], { cwd: dir });
      expect(moved.status).toBe(0);
      expect(JSON.parse(moved.stdout)[0].suppressedMessages.map((m: { line: number }) => m.line)).toEqual([3, 4]);

      // a new finding on the same line as a known one is still reported
      tmpWrite(
        dir,
        'posts/a.txt',
        'Spring update!\n\nCall the desk at 404-555-0187 or 404-555-0142.\nWrite to jane.doe@gmail.com today.\n',
      );
      const added = phiLint(['posts', '--baseline', '.phi-lint-baseline.json', '-f', 'json'], { cwd: dir });
      expect(added.status).toBe(1);
      const msgs = JSON.parse(added.stdout)[0].messages;
      expect(msgs.map((m: { line: number; column: number; value: string }) => [m.line, m.column, m.value])).toEqual([
        [3, 34, '***'],
      ]);

      // the same number a second time on that line is a new occurrence: reported too
      tmpWrite(
        dir,
        'posts/a.txt',
        'Call the desk at 404-555-0187, again 404-555-0187.\nWrite to jane.doe@gmail.com today.\n',
      );
      const again = phiLint(['posts', '--baseline', '.phi-lint-baseline.json', '-f', 'json'], { cwd: dir });
      expect(JSON.parse(again.stdout)[0].messages).toHaveLength(1);
    },
  );
  slow('the baseline path is relative to the baseline file, and rewriting keeps the salt', async () => {
    const dir = tmpProject({ 'posts/a.txt': 'Call 404-555-0187.\n' });
    await cli(['posts', '--write-baseline', 'ci/baseline.json'], { cwd: dir });
    const first = readBaseline(join(dir, 'ci/baseline.json'));
    expect([...first.files.keys()]).toEqual(['../posts/a.txt']);
    // run from another directory: still matched
    expect((await cli(['a.txt', '--baseline', '../ci/baseline.json'], { cwd: join(dir, 'posts') })).exitCode).toBe(0);
    await cli(['posts', '--write-baseline', 'ci/baseline.json'], { cwd: dir });
    expect(readBaseline(join(dir, 'ci/baseline.json')).salt).toBe(first.salt);
  });
  it('a missing or foreign baseline is exit 2 naming the file', async () => {
    const dir = tmpProject({ 'a.txt': 'hello\n', 'b.json': '{"x":1}' });
    const r = await cli(['a.txt', '--baseline', 'none.json'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/none\.json: cannot read baseline/);
    expect((await cli(['a.txt', '--baseline', 'b.json'], { cwd: dir })).stderr).toMatch(
      /b\.json: not a phi-lint baseline/,
    );
  });
});

function tmpWrite(dir: string, name: string, text: string): void {
  writeFileSync(join(dir, name), text);
}
