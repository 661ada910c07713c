// The consent register: a cited consent that expires soon is a warning in a normal run
// (--consent-warn-days, default 30); `phi-lint consent list|expiring|where|add`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyConsent } from '../src/consent/filter.js';
import { parseLedger } from '../src/consent/ledger.js';
import { parseDocument } from '../src/documents/load.js';
import type { Finding } from '../src/types.js';
import { phiLint } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';

const LEDGER = `# signed forms are in the records system
consents:
  - id: C-2025-014
    covers: [phone, name]
    signed: 2025-03-01
    expires: 2026-03-01
    note: Spring testimonial campaign
  - id: C-2024-002
    covers: [phone]
    signed: 2024-01-01
    expires: 2024-12-31
  - id: C-2025-020
    covers: [name]
    signed: 2025-04-10
    expires: 2027-04-10
`;
const FILES = {
  '.phi-lint.yaml': 'practice:\n  phones: ["(404) 555-0100"]\n',
  'consents.yaml': LEDGER,
  'posts/story.md': '---\nconsent: C-2025-014\n---\nDana says: call me at 404-555-0187!\n',
  'posts/old.md': '---\nconsent: C-2024-002\n---\nFlu shots are in.\n',
  'posts/plain.md': 'Flu shots are in.\n',
};
const phone: Finding = {
  ruleId: 'phi/phone',
  category: 'phone',
  severity: 'error',
  start: 40,
  end: 52,
  match: 'x',
  message: 'm',
  line: 4,
  column: 1,
  endLine: 4,
  endColumn: 4,
};

describe('a consent that expires soon', () => {
  const doc = parseDocument('a.md', '---\nconsent: C-2025-014\n---\nCall 404-555-0187.\n', 'post');
  const ledger = parseLedger('consents.yaml', LEDGER);

  it('is a warning at the consent line when it expires within warnDays; the findings it covers stay notes', () => {
    const out = applyConsent(doc, [phone], { ledger, today: '2026-02-10', cwd: process.cwd(), warnDays: 30 });
    expect(out.map((f) => [f.ruleId, f.severity])).toEqual([
      ['phi-lint/consent', 'warning'],
      ['phi/phone', 'info'],
    ]);
    expect(out[0]).toMatchObject({
      line: 2,
      message:
        'Consent C-2025-014 expires on 2026-03-01 (in 19 days); renew the authorization or plan to take the draft down by then.',
    });
    expect(
      applyConsent(doc, [phone], { ledger, today: '2026-03-01', cwd: process.cwd(), warnDays: 0 })[0]!.message,
    ).toContain('(today)');
    expect(
      applyConsent(doc, [phone], { ledger, today: '2026-01-29', cwd: process.cwd(), warnDays: 30 }).map(
        (f) => f.ruleId,
      ),
    ).toEqual(['phi/phone']);
  });

  it('the CLI warns 30 days ahead by default; --consent-warn-days changes it; the run still passes', () => {
    const dir = tmpProject(FILES);
    const r = phiLint(['posts/story.md', '--show-values'], { cwd: dir, env: { PHI_LINT_TODAY: '2026-02-10' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /2:1\s+warning\s+Consent C-2025-014 expires on 2026-03-01 \(in 19 days\).*phi-lint\/consent/,
    );
    const later = phiLint(['posts/story.md', '--consent-warn-days', '10'], {
      cwd: dir,
      env: { PHI_LINT_TODAY: '2026-02-10' },
    });
    expect(later.stdout).not.toContain('expires on');
    expect(
      phiLint(['posts/story.md', '--fail-on', 'warning'], { cwd: dir, env: { PHI_LINT_TODAY: '2026-02-10' } }).status,
    ).toBe(1);
    const bad = phiLint(['posts/story.md', '--consent-warn-days', 'soon'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--consent-warn-days.*whole number of days/);
  });
});

describe('phi-lint consent', () => {
  it('list: each authorization, what it covers, when it expires, its status and the drafts that cite it', async () => {
    const dir = tmpProject(FILES);
    const r = await cli(['consent', 'list'], { cwd: dir, env: { PHI_LINT_TODAY: '2026-02-10' } });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Consent ledger consents.yaml as of 2026-02-10: 3 authorizations');
    expect(lines[2]).toMatch(/^id\s+covers\s+signed\s+expires\s+status\s+cited by$/);
    expect(lines.find((l) => l.startsWith('C-2025-014'))).toMatch(
      /phone, name\s+2025-03-01\s+2026-03-01\s+expires in 19 days \(renew\)\s+posts\/story\.md$/,
    );
    expect(lines.find((l) => l.startsWith('C-2024-002'))).toMatch(/expired 406 days ago\s+posts\/old\.md$/);
    expect(lines.find((l) => l.startsWith('C-2025-020'))).toMatch(/expires in 424 days\s+-$/);
    const json = JSON.parse(
      (await cli(['consent', 'list', '--json'], { cwd: dir, env: { PHI_LINT_TODAY: '2026-02-10' } })).stdout,
    );
    expect(json.consents[0]).toEqual({
      id: 'C-2025-014',
      covers: ['phone', 'name'],
      signed: '2025-03-01',
      expires: '2026-03-01',
      status: 'expiring',
      daysLeft: 19,
      citedBy: ['posts/story.md'],
      note: 'Spring testimonial campaign',
    });
  });

  it('expiring [--within]: expired and soon-expiring consents; exit 1 when a draft cites one', async () => {
    const dir = tmpProject(FILES);
    const env = { PHI_LINT_TODAY: '2026-02-10' };
    const r = await cli(['consent', 'expiring'], { cwd: dir, env });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Consents in consents.yaml expired or expiring within 30d of 2026-02-10: 2');
    expect(r.stdout).not.toContain('C-2025-020');
    const wide = await cli(['consent', 'expiring', '--within', '2y'], { cwd: dir, env });
    expect(wide.stdout).toContain('C-2025-020');
    const early = await cli(['consent', 'expiring', '--within', '10d', 'posts/plain.md'], {
      cwd: dir,
      env: { PHI_LINT_TODAY: '2024-06-01' },
    });
    expect(early).toMatchObject({ exitCode: 0 });
    expect(early.stdout).toMatch(/: 0\n/);
  });

  it('where ID: the drafts that cite it; an unknown id names the nearest', async () => {
    const dir = tmpProject(FILES);
    const env = { PHI_LINT_TODAY: '2026-02-10' };
    expect((await cli(['consent', 'where', 'C-2025-014'], { cwd: dir, env })).stdout).toBe(
      'C-2025-014 (expires in 19 days (renew)): cited by posts/story.md\n',
    );
    expect((await cli(['consent', 'where', 'C-2025-041'], { cwd: dir, env })).stdout).toBe(
      'C-2025-041 is not in consents.yaml (did you mean C-2025-014?): cited by no draft\n',
    );
  });

  it('add: records an authorization in the ledger, keeping its comments; refuses a duplicate or a bad category', async () => {
    const dir = tmpProject(FILES);
    const r = await cli(
      [
        'consent',
        'add',
        '--id',
        'C-2026-003',
        '--covers',
        'name,photo',
        '--signed',
        '2026-01-05',
        '--expires',
        '2027-01-05',
        '--note',
        'Open house photos',
      ],
      { cwd: dir },
    );
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toBe(
      'Recorded consent C-2026-003 in consents.yaml (covers name, photo; valid 2026-01-05 to 2027-01-05).\n',
    );
    const text = readFileSync(join(dir, 'consents.yaml'), 'utf8');
    expect(text.startsWith('# signed forms are in the records system\nconsents:\n')).toBe(true);
    expect(text).toContain(
      '  - id: C-2026-003\n    covers: [ name, photo ]\n    signed: 2026-01-05\n    expires: 2027-01-05\n    note: Open house photos\n',
    );
    expect(parseLedger('consents.yaml', text).entries.get('C-2026-003')).toMatchObject({ covers: ['name', 'photo'] });
    const dup = await cli(
      ['consent', 'add', '--id', 'C-2026-003', '--covers', 'name', '--signed', '2026-01-05', '--expires', '2027-01-05'],
      { cwd: dir },
    );
    expect(dup.exitCode).toBe(2);
    expect(dup.stderr).toMatch(/consents\.yaml:\d+:\d+: consent id "C-2026-003" is listed twice/);
    const typo = await cli(
      ['consent', 'add', '--id', 'C-9', '--covers', 'nmae', '--signed', '2026-01-05', '--expires', '2027-01-05'],
      { cwd: dir },
    );
    expect(typo.stderr).toContain('"nmae" is not a category (did you mean "name"?)');
    expect(readFileSync(join(dir, 'consents.yaml'), 'utf8')).toBe(text);
  });

  it('add starts a ledger beside the config when there is none; list without a ledger says how to start one', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'practice:\n  name: Maple Dental\n' });
    const none = await cli(['consent', 'list'], { cwd: dir });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('`phi-lint consent add` starts one');
    expect(
      (
        await cli(
          ['consent', 'add', '--id', 'C-1', '--covers', 'name', '--signed', '2026-01-05', '--expires', '2027-01-05'],
          { cwd: dir },
        )
      ).exitCode,
    ).toBe(0);
    expect(parseLedger('consents.yaml', readFileSync(join(dir, 'consents.yaml'), 'utf8')).entries.has('C-1')).toBe(
      true,
    );
    expect((await cli(['consent', 'list'], { cwd: dir, env: { PHI_LINT_TODAY: '2026-02-10' } })).stdout).toContain(
      'C-1',
    );
  });
});
