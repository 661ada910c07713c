// Coverage of the 18 Safe Harbor identifiers (issue 15, point 12): `rules --coverage
// --fail-under N` fails a configuration that covers fewer, and a lint run whose
// configuration leaves identifiers uncovered says so in its summary.
import { describe, expect, it } from 'vitest';
import { cli, tmpProject } from './tmp-project.js';

const NARROW = 'packs: { phi: false, names: false, health: false, relationship: false }\n';

describe('rules --coverage --fail-under', () => {
  it('exits 1 when fewer identifiers than asked are covered, 0 otherwise', async () => {
    const narrow = tmpProject({ '.phi-lint.yaml': NARROW });
    const r = await cli(['rules', '--coverage', '--fail-under', '18'], { cwd: narrow });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/✖ \d+ of 18 covered, under --fail-under 18\./);
    expect((await cli(['rules', '--coverage', '--json', '--fail-under', '18'], { cwd: narrow })).exitCode).toBe(1);
    expect((await cli(['rules', '--coverage', '--fail-under', '0'], { cwd: narrow })).exitCode).toBe(0);
    expect((await cli(['rules', '--coverage', '--fail-under', '18'], { cwd: tmpProject() })).exitCode).toBe(0);
  });

  it('a bad number, or --fail-under without --coverage, is exit 2', async () => {
    const dir = tmpProject();
    expect((await cli(['rules', '--coverage', '--fail-under', '19'], { cwd: dir })).exitCode).toBe(2);
    expect((await cli(['rules', '--coverage', '--fail-under', 'x'], { cwd: dir })).exitCode).toBe(2);
    expect((await cli(['rules', '--fail-under', '3'], { cwd: dir })).exitCode).toBe(2);
  });
});

describe('a lint run', () => {
  it('says in its summary how many identifiers its configuration leaves uncovered', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': NARROW, 'a.md': 'Flu shots are in!\n' });
    const r = await cli(['a.md'], { cwd: dir });
    expect(r.stdout).toMatch(
      /\d+ of the 18 Safe Harbor identifiers not covered by the rules that run \(phi-lint rules --coverage\)/,
    );
    const full = await cli(['a.md'], { cwd: tmpProject({ 'a.md': 'Flu shots are in!\n' }) });
    expect(full.stdout).not.toContain('Safe Harbor');
  });
});
