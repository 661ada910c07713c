// Issue 12, "no way around the gate": what config, directives and the consent ledger can
// switch off is refused, capped, or at least said out loud in every output format.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { isPublicMailDomain } from '../src/config/public-mail.js';
import { addPeriod, periodOf } from '../src/consent/dates.js';
import { applyConsent } from '../src/consent/filter.js';
import { NEVER_CONSENTABLE, parseLedger } from '../src/consent/ledger.js';
import { parseDocument } from '../src/documents/load.js';
import type { Finding } from '../src/types.js';
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

describe('consent entries have limits', () => {
  const entry = (covers: string, signed = '2025-03-01', expires = '2026-03-01'): string =>
    `consents:\n  - id: C-1\n    covers: [${covers}]\n    signed: ${signed}\n    expires: ${expires}\n`;
  const ledgerError = (text: string, opts?: Parameters<typeof parseLedger>[2]): string => {
    try {
      parseLedger('consents.yaml', text, opts);
    } catch (e) {
      return String(e);
    }
    return 'no error';
  };

  it('refuses categories no authorization can cover, with file:line', () => {
    for (const cat of NEVER_CONSENTABLE) {
      expect(ledgerError(entry(`name, ${cat}`)), cat).toMatch(new RegExp(`^consents\\.yaml:3:20: "${cat}" can never be consented for publication`));
    }
    expect(NEVER_CONSENTABLE).toEqual(expect.arrayContaining(['ssn', 'mrn', 'health-plan', 'account', 'license', 'device', 'vehicle', 'ip', 'biometric', 'other-id']));
    expect(ledgerError(entry('name, health-detail, photo, unconsented-media, phone, email'))).toBe('no error');
  });
  it('requires signed', () => {
    expect(ledgerError('consents:\n  - id: C-1\n    covers: [name]\n    expires: 2026-01-01\n')).toMatch(/missing the required key "signed"/);
  });
  it('caps validity at the maximum (default 2 years): the consent lapses then, and citing it is a warning', () => {
    const ledger = parseLedger('consents.yaml', entry('name', '2000-01-01', '9999-12-31'));
    const doc = parseDocument('a.md', '---\nconsent: C-1\n---\nDana says hi.\n', 'post');
    const name: Finding = { ruleId: 'names/given-name', category: 'name', severity: 'error', start: 22, end: 26, match: 'Dana', message: 'm', line: 4, column: 1, endLine: 4, endColumn: 5 };
    const out = applyConsent(doc, [name], { ledger, today: '2025-06-01', cwd: process.cwd() });
    expect(out.map((f) => [f.ruleId, f.severity])).toEqual([['phi-lint/consent', 'error'], ['phi-lint/consent', 'warning'], ['names/given-name', 'error']]);
    expect(out[0]!.message).toBe('Consent C-1 expired on 2002-01-01; renew the authorization or take the draft down.');
    expect(out[1]!.message).toMatch(/^Consent C-1 runs from 2000-01-01 to 9999-12-31, longer than the maximum of 2 years \(consent: max-validity\); it is treated as expiring on 2002-01-01\./);
    // within the cap it covers, with the capped expiry, and still warns
    const recent = parseLedger('consents.yaml', entry('name', '2025-03-01', '2030-03-01'));
    const ok = applyConsent(doc, [name], { ledger: recent, today: '2025-06-01', cwd: process.cwd() });
    expect(ok.map((f) => [f.ruleId, f.severity, f.note])).toEqual([
      ['phi-lint/consent', 'warning', undefined],
      ['names/given-name', 'info', 'covered by consent C-1, expires 2027-03-01'],
    ]);
    // a consent within the maximum gets no warning
    const plain = applyConsent(doc, [name], { ledger: parseLedger('consents.yaml', entry('name', '2025-03-01', '2027-03-01')), today: '2025-06-01', cwd: process.cwd() });
    expect(plain.map((f) => f.ruleId)).toEqual(['names/given-name']);
  });
  it('the maximum is configurable (consent: { max-validity: 5y }) and validated', async () => {
    const files = (cfg: string): Record<string, string> => ({
      '.phi-lint.yaml': cfg,
      'consents.yaml': entry('name', '2025-03-01', '2030-03-01'),
      'a.md': '---\nconsent: C-1\n---\nDana Whitfield says hi.\n',
    });
    const env = { PHI_LINT_TODAY: '2025-06-01' };
    const five = await cli(['a.md', '-f', 'json'], { cwd: tmpProject(files('consent: { max-validity: 5y }\n')), env });
    expect(five.stderr).toBe('');
    expect(ids(five.stdout)).not.toContain('phi-lint/consent');
    const two = await cli(['a.md', '-f', 'json'], { cwd: tmpProject(files('{}\n')), env });
    expect(ids(two.stdout)).toContain('phi-lint/consent');
    const bad = await cli(['a.md'], { cwd: tmpProject(files('practice: {}\nconsent:\n  max-validity: forever\n')), env });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/\.phi-lint\.yaml:3:17: .*max-validity/);
    expect(periodOf('2y')).toEqual({ years: 2, months: 0, days: 0 });
    expect(periodOf('1y6m')).toEqual({ years: 1, months: 6, days: 0 });
    expect(addPeriod('2024-02-29', periodOf('1y'))).toBe('2025-02-28');
    expect(addPeriod('2025-01-31', periodOf('1m'))).toBe('2025-02-28');
    expect(addPeriod('2025-12-20', periodOf('20d'))).toBe('2026-01-09');
  });
});

describe('practice details may not claim a public mail provider', () => {
  const DRAFT = 'Write to peachtreedental@gmail.com, or ask sarah.whitfield@gmail.com.\n';
  it('refuses a public provider in practice.domains, naming file:line (exit 2)', async () => {
    for (const [domain, col] of [['gmail.com', 13], ['Yahoo.co.uk', 13], ['https://www.hotmail.fr/', 13], ['mail.outlook.com', 13], ['proton.me', 13]] as const) {
      const dir = tmpProject({ '.phi-lint.yaml': `practice:\n  domains: [${domain}]\n`, 'a.md': DRAFT });
      const r = await cli(['a.md'], { cwd: dir });
      expect(r.exitCode, domain).toBe(2);
      expect(r.stderr, domain).toMatch(new RegExp(`\\.phi-lint\\.yaml:2:${col}: .*is a public mail provider`));
    }
  });
  it('refuses a bare public domain in practice.emails, but allows a full address', async () => {
    for (const entry of ['"@gmail.com"', 'gmail.com', '"*@icloud.com"']) {
      const dir = tmpProject({ '.phi-lint.yaml': `practice:\n  name: Peachtree Family Dental\n  emails:\n    - ${entry}\n`, 'a.md': DRAFT });
      const r = await cli(['a.md'], { cwd: dir });
      expect(r.exitCode, entry).toBe(2);
      expect(r.stderr, entry).toMatch(/\.phi-lint\.yaml:4:7: .*public mail provider/);
    }
  });
  it('a full gmail address is the practice\'s own, and only that address: other gmail addresses are still findings', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'practice:\n  emails: [peachtreedental@gmail.com]\n', 'a.md': DRAFT });
    const r = await cli(['a.md', '-f', 'json', '--show-values'], { cwd: dir });
    expect(r.stderr).toBe('');
    const values = (JSON.parse(r.stdout) as { messages: { ruleId: string; value: string }[] }[])[0]!.messages.filter((m) => m.ruleId === 'phi/email').map((m) => m.value);
    expect(values).toEqual(['sarah.whitfield@gmail.com']);
  });
  it('knows the common providers, and not the practice\'s own domain', () => {
    for (const d of ['gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.fr', 'hotmail.co.uk', 'outlook.de', 'live.com', 'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'mail.com', 'zoho.com', 'yandex.ru', 'comcast.net', 'att.net', 'verizon.net']) {
      expect(isPublicMailDomain(d), d).toBe(true);
    }
    for (const d of ['peachtreefamilydental.example', 'dental-gmail.com', 'example.org', 'mymail.community']) expect(isPublicMailDomain(d), d).toBe(false);
  });
});
