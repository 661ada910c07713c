// Issue 12, "no way around the gate": what config, directives and the consent ledger can
// switch off is refused, capped, or at least said out loud in every output format.
import { symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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

describe('config and front matter read only inside the repository', () => {
  const LEDGER = 'consents:\n  - id: C-1\n    covers: [name]\n    signed: 2025-03-01\n    expires: 2026-03-01\n';
  const SSH = 'Host github.com\n  HostName github.com\n  IdentityFile ~/.ssh/id_ed25519_work\n  User git\n';
  /** A project directory and a sibling directory outside it. */
  function projectBeside(files: Record<string, string>, outside: Record<string, string>): { dir: string; out: string } {
    const out = tmpProject(outside);
    return { dir: tmpProject(files), out };
  }

  it('consents: pointing at /etc/passwd or an ssh config says "outside the repository" and prints none of it', async () => {
    const { dir, out } = projectBeside({ 'a.md': 'Hello.\n' }, { 'ssh/config': SSH });
    for (const target of ['/etc/passwd', join(out, 'ssh/config'), `../${basename(out)}/ssh/config`]) {
      writeFileSync(join(dir, '.phi-lint.yaml'), `practice: {}\nconsents: ${target}\n`);
      const r = await cli(['a.md'], { cwd: dir });
      expect(r.exitCode, target).toBe(2);
      expect(r.stderr, target).toMatch(/\.phi-lint\.yaml:2:\d+: consents: names a file outside the repository/);
      for (const secret of ['root:', 'IdentityFile', 'HostName', 'id_ed25519', 'User git']) expect(r.stderr).not.toContain(secret);
    }
  });
  it('a consents.yaml that is a symbolic link out of the repository is refused too', async () => {
    const { dir, out } = projectBeside({ '.phi-lint.yaml': '{}\n', 'a.md': 'Hello.\n' }, { 'ledger.yaml': LEDGER });
    symlinkSync(join(out, 'ledger.yaml'), join(dir, 'consents.yaml'));
    const r = await cli(['a.md'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/consents\.yaml: .*outside the repository/);
  });
  it('rule-dirs: outside the repository is refused with file:line', async () => {
    const { dir, out } = projectBeside({ 'a.md': 'Hello.\n' }, { 'rules/x.yaml': 'password: hunter2\n' });
    writeFileSync(join(dir, '.phi-lint.yaml'), `rule-dirs:\n  - ${join(out, 'rules')}\n`);
    const r = await cli(['a.md'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\.phi-lint\.yaml:2:5: rule-dirs: names a directory outside the repository/);
    expect(r.stderr).not.toContain('hunter2');
    expect(r.stderr).not.toContain('password');
  });
  it('inside a git repository, its top level is the limit: a ledger above the config is fine', async () => {
    const dir = tmpProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'legal/consents.yaml': LEDGER, 'site/.phi-lint.yaml': 'consents: ../legal/consents.yaml\n', 'site/a.md': 'Hello.\n' });
    const r = await cli(['a.md'], { cwd: join(dir, 'site') });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
  it('a file in the repository that is not a ledger is refused without showing its keys or lines', async () => {
    for (const text of ['password: hunter2\napi_key: sk-live-0187\n', SSH, 'Host: [github.com\n  IdentityFile: "~/.ssh/id_ed25519_work\n']) {
      const dir = tmpProject({ '.phi-lint.yaml': 'consents: notes/settings.yaml\n', 'notes/settings.yaml': text, 'a.md': 'Hello.\n' });
      const r = await cli(['a.md'], { cwd: dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/notes\/settings\.yaml: not a consent ledger/);
      for (const secret of ['password', 'hunter2', 'api_key', 'sk-live', 'IdentityFile', 'github.com', 'id_ed25519']) expect(r.stderr, text).not.toContain(secret);
    }
  });
  it('paths on the command line are trusted: -c and --in-reply-to may be anywhere', async () => {
    const { dir, out } = projectBeside({ 'reply.txt': 'We are sorry about the sealants wait.\n' }, { 'shared/.phi-lint.yaml': 'consents: consents.yaml\n', 'shared/consents.yaml': LEDGER, 'review.txt': 'My son waited 2 hours for his sealants.\n' });
    const r = await cli(['reply.txt', '--kind', 'reply', '-c', join(out, 'shared/.phi-lint.yaml'), '--in-reply-to', join(out, 'review.txt'), '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(ids(r.stdout)).toContain('reply/repeats-health-detail');
  });
  it('front matter in-reply-to: outside the repository is not read, and says so', async () => {
    const { dir, out } = projectBeside({ '.phi-lint.yaml': '{}\n' }, { 'review.txt': 'My son waited 2 hours for his sealants.\n' });
    writeFileSync(join(dir, 'inside.txt'), 'My son waited 2 hours for his sealants.\n');
    const draft = (review: string): string => `---\nkind: reply\nin-reply-to: ${review}\n---\nWe are sorry about the sealants wait.\n`;
    writeFileSync(join(dir, 'a.md'), draft(`../${basename(out)}/review.txt`));
    writeFileSync(join(dir, 'b.md'), draft('inside.txt'));
    const r = await cli(['a.md', 'b.md', '-f', 'json'], { cwd: dir });
    const [a, b] = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[];
    expect(a!.messages.map((m) => m.ruleId)).not.toContain('reply/repeats-health-detail');
    expect(a!.messages.find((m) => m.ruleId === 'phi-lint/front-matter')?.message).toMatch(/in-reply-to: names a file outside the repository/);
    expect(b!.messages.map((m) => m.ruleId)).toContain('reply/repeats-health-detail');
  });
});
