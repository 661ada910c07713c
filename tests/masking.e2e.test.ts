// No PHI in logs: in CI (CI set, output not a terminal) every format masks every matched
// value, for every category, as a fixed `***`. The fixture pack under tests/fixtures/all-categories has one
// rule per category and a draft with one fictitious value each; with --show-values the
// same runs do print the values, which proves the fixture would catch a leak.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatterNames } from '../src/formatters/index.js';
import { CATEGORIES } from '../src/types.js';
import { phiLint, ROOT } from './helpers.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'all-categories');
const VALUES = JSON.parse(readFileSync(join(FIXTURE, 'values.json'), 'utf8')) as Record<string, string>;
const ARGS = ['--rules', 'rules', 'draft.md'];

/**
 * Words of a value long enough to identify it, minus those the report prints anyway:
 * category names, the same format's output for a clean draft, and the rules' own texts
 * (SARIF lists every rule's message, why and suggestion) — "Root canals are…" in a
 * suggestion is not a leak of "her root canal".
 */
function telltaleWords(value: string, boilerplate: string): string[] {
  const vocabulary = `${CATEGORIES.join(' ')} ${boilerplate}`.toLowerCase();
  return (value.match(/\p{L}{5,}/gu) ?? []).filter((w) => !vocabulary.includes(w.toLowerCase()));
}

const cleanRuns = new Map<string, string>();
/** A format's output for a clean draft, with the same rules. */
function cleanOutput(format: string): string {
  let out = cleanRuns.get(format);
  if (out === undefined) {
    const r = phiLint(['-f', format, '--rules', 'rules', '-', '--stdin-filename', 'clean.md'], {
      cwd: FIXTURE,
      env: { CI: 'true' },
      input: 'Flu shots are in.\n',
    });
    expect(r.status).toBe(0);
    out = r.stdout;
    cleanRuns.set(format, out);
  }
  return out;
}

describe('masking in CI', () => {
  it('the fixture covers all 25 categories (tone too)', () => {
    expect(Object.keys(VALUES).sort()).toEqual([...CATEGORIES].sort());
    const r = phiLint(['-f', 'json', ...ARGS], { cwd: FIXTURE, env: { CI: 'true' } });
    const found = new Set((JSON.parse(r.stdout)[0].messages as { category: string }[]).map((m) => m.category));
    expect([...found].sort()).toEqual([...CATEGORIES].sort());
  });

  for (const format of formatterNames()) {
    it(`${format}: no raw value by default in CI, for any category`, () => {
      const r = phiLint(['-f', format, ...ARGS], { cwd: FIXTURE, env: { CI: 'true' } });
      expect(r.status).toBe(1);
      const out = r.stdout.toLowerCase();
      const boilerplate = `${cleanOutput(format)} ${cleanOutput('sarif')}`;
      let words = 0;
      for (const [category, value] of Object.entries(VALUES)) {
        expect(out, `${category} value leaked`).not.toContain(value.toLowerCase());
        for (const w of telltaleWords(value, boilerplate)) {
          words++;
          expect(out, `${category}: "${w}" leaked`).not.toContain(w.toLowerCase());
        }
      }
      expect(words).toBeGreaterThan(10);
    });

    it(`${format}: --show-values prints them (so the check above can fail)`, () => {
      const r = phiLint(['-f', format, '--show-values', ...ARGS], { cwd: FIXTURE, env: { CI: 'true' } });
      for (const value of Object.values(VALUES)) expect(r.stdout).toContain(value);
    });
  }

  it('masks when output is not a terminal even without CI, and --mask / --no-mask force either way', () => {
    const plain = phiLint(['-f', 'compact', ...ARGS], { cwd: FIXTURE }).stdout;
    expect(plain).not.toContain(VALUES.ssn);
    expect(plain).not.toContain('9999'); // no part of an SSN, not even its last four digits
    expect(plain).toContain('Social Security number "***"');
    expect(phiLint(['-f', 'compact', '--no-mask', ...ARGS], { cwd: FIXTURE, env: { CI: 'true' } }).stdout).toContain(
      VALUES.ssn,
    );
    expect(phiLint(['-f', 'compact', '--mask', ...ARGS], { cwd: FIXTURE, env: { CI: 'true' } }).stdout).not.toContain(
      VALUES.ssn,
    );
  });

  it('stylish masks the annotated excerpt line too', () => {
    const r = phiLint(['-f', 'stylish', ...ARGS], { cwd: FIXTURE, env: { CI: 'true' } });
    const excerpts = r.stdout.split('\n').filter((l) => /│ \S/.test(l));
    expect(excerpts.length).toBeGreaterThanOrEqual(24);
    // a value is a fixed mask: no initials, no length, no digits
    expect(excerpts).toContain('          │ The name line mentions *** here.');
    expect(excerpts).toContain('          │ The ssn line mentions *** here.');
    const shown = phiLint(['-f', 'stylish', '--show-values', ...ARGS], { cwd: FIXTURE, env: { CI: 'true' } }).stdout;
    expect(shown).toContain('│ The name line mentions Zelda Quillfeather here.');
  });

  it('masks every finding on a shared excerpt line, not only the one reported', () => {
    const r = phiLint(['-f', 'stylish', '--rules', 'rules', '-', '--stdin-filename', 'x.md'], {
      cwd: FIXTURE,
      env: { CI: 'true' },
      input: 'Zelda Quillfeather, SSN 219-09-9999, lives at 742 Evergreen Terrace.\n',
    });
    const excerpts = r.stdout.split('\n').filter((l) => l.includes('│ ***'));
    expect(excerpts.length).toBe(3);
    for (const l of excerpts) expect(l).toBe('          │ ***, SSN ***, lives at ***');
  });
});
