// Consent: the ledger (validated with positions), what a valid consent covers, and the
// errors for unknown, expired, not-yet-signed and too-narrow consents.
import { describe, expect, it } from 'vitest';
import { applyConsent, citedConsents } from '../src/consent/filter.js';
import { isCalendarDate, today } from '../src/consent/dates.js';
import { parseLedger, type ConsentLedger } from '../src/consent/ledger.js';
import { parseDocument } from '../src/documents/load.js';
import type { Finding } from '../src/types.js';
import { phiLint } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';
import { slow } from './support/tiers.js';

const LEDGER = `consents:
  - id: C-2025-014
    covers: [phone, email, name]
    signed: 2025-03-01
    expires: 2026-03-01
    note: Spring testimonial campaign
  - id: C-2024-002
    covers: [phone]
    signed: 2024-01-01
    expires: 2024-12-31
  - id: C-2027-001
    covers: [phone]
    signed: 2027-01-01
    expires: 2028-01-01
`;
const ledger: ConsentLedger = parseLedger('consents.yaml', LEDGER);

function finding(category: Finding['category'], start: number, ruleId = `phi/${category}`): Finding {
  return {
    ruleId,
    category,
    severity: 'error',
    start,
    end: start + 3,
    match: 'x',
    message: 'm',
    line: 4,
    column: 1,
    endLine: 4,
    endColumn: 4,
  };
}
function draft(consent: string): ReturnType<typeof parseDocument> {
  return parseDocument('a.md', `---\ntitle: Dana's story\nconsent: ${consent}\n---\nCall Dana.\n`, 'post');
}
const opts = { ledger, today: '2025-06-01', cwd: process.cwd() };

/** The error a ledger gives, as the CLI prints it (file:line:col: message). */
function ledgerError(text: string, file = 'consents.yaml'): string {
  try {
    parseLedger(file, text);
  } catch (e) {
    return String(e);
  }
  return 'no error';
}

describe('ledger', () => {
  it('reads entries', () => {
    expect(ledger.entries.get('C-2025-014')).toEqual({
      id: 'C-2025-014',
      covers: ['phone', 'email', 'name'],
      signed: '2025-03-01',
      expires: '2026-03-01',
      note: 'Spring testimonial campaign',
    });
  });
  it('refuses unknown categories and keys with file:line:col and the nearest name', () => {
    expect(
      ledgerError(
        'consents:\n  - id: C-1\n    covers: [phnoe]\n    signed: 2025-01-01\n    expires: 2026-01-01\n',
        'consents.yaml',
      ),
    ).toMatch(/consents\.yaml:3:14: .*"phnoe".*did you mean "phone"/);
    expect(
      ledgerError(
        'consents:\n  - id: C-1\n    covers: [phone]\n    signed: 2025-01-01\n    expiry: 2026-01-01\n',
        'consents.yaml',
      ),
    ).toMatch(/consents\.yaml:5:5: unknown key "expiry".*did you mean "expires"/);
  });
  it('refuses impossible dates, expiry before signing, duplicate ids, missing keys', () => {
    const entry = (id: string, signed: string, expires: string): string =>
      `  - id: ${id}\n    covers: [name]\n    signed: ${signed}\n    expires: ${expires}\n`;
    expect(ledgerError(`consents:\n${entry('C-1', '2025-02-30', '2026-01-01')}`, 'c.yaml')).toMatch(
      /c\.yaml:4:13: "2025-02-30" is not a calendar date/,
    );
    expect(ledgerError(`consents:\n${entry('C-1', '2025-02-01', '2024-01-01')}`, 'c.yaml')).toMatch(
      /c\.yaml:5:14: consent "C-1" expires \(2024-01-01\) before it was signed/,
    );
    expect(
      ledgerError(
        `consents:\n${entry('C-1', '2025-02-01', '2026-01-01')}${entry('C-1', '2025-02-01', '2026-01-01')}`,
        'c.yaml',
      ),
    ).toMatch(/c\.yaml:6:9: consent id "C-1" is listed twice/);
    expect(ledgerError('consents:\n  - id: C-1\n    covers: [name]\n    signed: 2025-01-01\n', 'c.yaml')).toMatch(
      /missing the required key "expires"/,
    );
  });
  it('calendar dates and an injectable today', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(today({ PHI_LINT_TODAY: '2030-01-02' })).toBe('2030-01-02');
    expect(today({}, new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(() => today({ PHI_LINT_TODAY: 'tomorrow' })).toThrow(/PHI_LINT_TODAY/);
  });
});

describe('consent filter', () => {
  it('reads one id or a list from front matter', () => {
    expect(citedConsents({ consent: 'C-1' })).toEqual(['C-1']);
    expect(citedConsents({ consent: ['C-1', 'C-2'] })).toEqual(['C-1', 'C-2']);
    expect(citedConsents({ consent: null })).toEqual([]);
    expect(citedConsents({})).toEqual([]);
  });
  it('a covered finding becomes an info note; an uncovered one stays and the consent is too narrow', () => {
    const doc = draft('C-2025-014');
    const out = applyConsent(doc, [finding('phone', 60), finding('ssn', 70)], opts);
    expect(out.map((f) => [f.ruleId, f.severity, f.note])).toEqual([
      ['phi-lint/consent', 'error', undefined],
      ['phi/phone', 'info', 'covered by consent C-2025-014, expires 2026-03-01'],
      ['phi/ssn', 'error', 'not covered by consent C-2025-014 (it covers phone, email, name)'],
    ]);
    expect(out[0].message).toBe(
      'Consent C-2025-014 covers phone, email, name but not ssn, which this draft discloses; get a broader authorization or remove it.',
    );
    expect(out[0]).toMatchObject({ line: 3, column: 1 }); // points at `consent:` in the front matter
  });
  it('a consent is valid through its expiry date, and not before it is signed', () => {
    const doc = draft('C-2025-014');
    expect(applyConsent(doc, [finding('phone', 60)], { ...opts, today: '2026-03-01' })[0].severity).toBe('info');
    const after = applyConsent(doc, [finding('phone', 60)], { ...opts, today: '2026-03-02' });
    expect(after.map((f) => [f.ruleId, f.severity])).toEqual([
      ['phi-lint/consent', 'error'],
      ['phi/phone', 'error'],
    ]);
    expect(after[0].message).toBe(
      'Consent C-2025-014 expired on 2026-03-01; renew the authorization or take the draft down.',
    );
    expect(after[1].note).toBe('consent C-2025-014 would cover this, but it expired on 2026-03-01');
    const early = applyConsent(draft('C-2027-001'), [finding('phone', 60)], opts);
    expect(early[0].message).toMatch(/Consent C-2027-001 is dated 2027-01-01, which is after today \(2025-06-01\)/);
  });
  it('an unknown id names the nearest one; no ledger at all is an error too', () => {
    const out = applyConsent(draft('C-2025-041'), [finding('phone', 60)], opts);
    expect(out[0].message).toBe(
      'Consent C-2025-041 is not in the consent ledger consents.yaml (did you mean C-2025-014?).',
    );
    expect(out[1].severity).toBe('error');
    const none = applyConsent(draft('C-2025-014'), [finding('phone', 60)], { ...opts, ledger: undefined });
    expect(none[0].message).toMatch(/there is no consent ledger/);
  });
  it('a stated written permission without a consent on file: covered categories are notes, one warning asks to record it', () => {
    const text = "Shared with Dana's written permission. Dana loves her new crown! Call 404-555-0187.\n";
    const doc = parseDocument('a.txt', text, 'post');
    const out = applyConsent(doc, [finding('name', 39), finding('health-detail', 54), finding('phone', 70)], opts);
    expect(out.map((f) => [f.ruleId, f.category, f.severity])).toEqual([
      ['phi-lint/consent', 'other-id', 'warning'],
      ['phi/name', 'name', 'info'],
      ['phi/health-detail', 'health-detail', 'info'],
      ['phi/phone', 'phone', 'error'],
    ]);
    expect(out[0].message).toMatch(/cites no consent on file: record the signed authorization/);
    expect(out[0].start).toBe(text.indexOf('with Dana'));
  });
  it('words about permission that state none leave the findings alone', () => {
    for (const text of ['Ask for written permission before you post a photo.\n', 'Dana gave us a review.\n']) {
      const fs = [finding('name', 0)];
      expect(applyConsent(parseDocument('a.txt', text, 'post'), fs, opts)).toBe(fs);
    }
  });
  it('a draft without consent is untouched', () => {
    const doc = parseDocument('a.md', 'Call Dana.\n', 'post');
    const fs = [finding('phone', 5)];
    expect(applyConsent(doc, fs, opts)).toBe(fs);
  });
});

describe('CLI', () => {
  const files = (consent: string): Record<string, string> => ({
    '.phi-lint.yaml': 'practice:\n  phones: ["(404) 555-0100"]\n',
    'consents.yaml': LEDGER,
    'story.md': `---\nconsent: ${consent}\n---\nDana says: call me at 404-555-0187 or mail dana.w@example.org!\n`,
  });
  it('covered findings are info notes and the run passes', () => {
    const dir = tmpProject(files('C-2025-014'));
    // consent ids and dates are shown with --show-values; masked, notes keep only safe words
    const r = phiLint(['story.md', '--show-values'], { cwd: dir, env: { PHI_LINT_TODAY: '2025-06-01' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4:23\s+info\s+Phone number/);
    expect(r.stdout).toContain('note: covered by consent C-2025-014, expires 2026-03-01');
  });
  it('an expired consent fails the run and says so', () => {
    const dir = tmpProject(files('C-2025-014'));
    const r = phiLint(['story.md', '--show-values'], { cwd: dir, env: { PHI_LINT_TODAY: '2026-04-01' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/2:1\s+error\s+Consent C-2025-014 expired on 2026-03-01.*phi-lint\/consent/);
  });
  slow('the config can name the ledger; a broken ledger is exit 2 with its position', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'consents: legal/ledger.yaml\n',
      'legal/ledger.yaml':
        'consents:\n  - id: C-1\n    covers: [photo]\n    signed: 2025-01-01\n    expires: 2025-13-01\n',
      'a.md': 'Hello\n',
    });
    const r = await cli(['a.md'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/legal\/ledger\.yaml:5:14: "2025-13-01" is not a calendar date/);
    const missing = tmpProject({ '.phi-lint.yaml': 'consents: nope.yaml\n', 'a.md': 'Hello\n' });
    const m = await cli(['a.md'], { cwd: missing });
    expect(m.exitCode).toBe(2);
    expect(m.stderr).toMatch(/nope\.yaml: consent ledger not found/);
  });
});
