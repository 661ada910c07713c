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
import { sarifErrors } from './report-checks.js';
import { cli, tmpProject } from './tmp-project.js';
import { xmlProblems } from './xml-well-formed.js';
import { slow } from './support/tiers.js';

const ids = (stdout: string): string[] =>
  (JSON.parse(stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));

describe('kind precedence: --kind, then config kinds: globs, then front matter kind:, then post', () => {
  const REPLY = 'Hi Desmond, we are sorry you waited so long.\n';
  const greets = 'reply/greets-reviewer';

  it('--kind reply wins over front matter kind: post', async () => {
    const dir = tmpProject({ 'a.md': `---\nkind: post\n---\n${REPLY}` });
    const r = await cli(['a.md', '--kind', 'reply', '-f', 'json'], { cwd: dir });
    expect(ids(r.stdout)).toContain(greets);
  });
  it('--kind post wins over front matter kind: reply and over kinds: globs', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'kinds: { reply: ["replies/**"] }\n',
      'replies/a.md': `---\nkind: reply\n---\n${REPLY}`,
    });
    const r = await cli(['replies/a.md', '--kind', 'post', '-f', 'json'], { cwd: dir });
    expect(ids(r.stdout)).not.toContain(greets);
  });
  it('config kinds: globs win over front matter kind:', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'kinds: { reply: ["replies/**"] }\n',
      'replies/a.md': `---\nkind: post\n---\n${REPLY}`,
    });
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

  it('never covers categories no authorization can cover, and names the ledger line once', () => {
    for (const cat of NEVER_CONSENTABLE) {
      const ledger = parseLedger('consents.yaml', entry(`name, ${cat}`));
      expect(ledger.entries.get('C-1')!.covers, cat).toEqual(['name']);
      expect(ledger.warnings, cat).toEqual([
        expect.stringMatching(new RegExp(`^consents\\.yaml:3:20: "${cat}" can never be consented for publication`)),
      ]);
    }
    expect(NEVER_CONSENTABLE).toEqual(
      expect.arrayContaining([
        'ssn',
        'mrn',
        'health-plan',
        'account',
        'license',
        'device',
        'vehicle',
        'ip',
        'biometric',
        'other-id',
      ]),
    );
    const fine = parseLedger('consents.yaml', entry('name, health-detail, photo, unconsented-media, phone, email'));
    expect(fine.warnings).toEqual([]);
    expect(fine.entries.get('C-1')!.covers).toHaveLength(6);
  });
  it('an SSN stays an error in a draft citing a consent that lists ssn; the run warns once about the ledger', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'practice:\n  name: Test Dental\n',
      'consents.yaml': entry('name, ssn', '2026-01-01', '2026-12-31'),
      'a.md': '---\nconsent: C-1\n---\nThanks, Dana! SSN 078-05-1120.\n',
      'b.md': '---\nconsent: C-1\n---\nDana again.\n',
    });
    const r = await cli(['a.md', 'b.md', '-f', 'json'], { cwd: dir, env: { PHI_LINT_TODAY: '2026-06-01' } });
    expect(r.exitCode).toBe(1);
    const msgs = (JSON.parse(r.stdout) as { messages: { ruleId: string; severity: number }[] }[]).flatMap(
      (x) => x.messages,
    );
    expect(msgs.filter((m) => m.ruleId === 'phi/ssn').map((m) => m.severity)).toEqual([2]);
    expect(msgs.filter((m) => m.ruleId === 'names/given-name').every((m) => m.severity === 0)).toBe(true);
    expect(r.stderr.match(/can never be consented/g)).toHaveLength(1);
  });
  it('requires signed', () => {
    expect(ledgerError('consents:\n  - id: C-1\n    covers: [name]\n    expires: 2026-01-01\n')).toMatch(
      /missing the required key "signed"/,
    );
  });
  it('warns once about an authorization longer than the maximum (default 2 years), without flagging the drafts that cite it', () => {
    const ledger = parseLedger('consents.yaml', entry('name', '2000-01-01', '9999-12-31'));
    expect(ledger.warnings).toEqual([
      expect.stringMatching(
        /^consents\.yaml:5:\d+: consent "C-1" runs from 2000-01-01 to 9999-12-31, longer than the maximum of 2 years \(consent: max-validity\)/,
      ),
    ]);
    const doc = parseDocument('a.md', '---\nconsent: C-1\n---\nDana says hi.\n', 'post');
    const name: Finding = {
      ruleId: 'names/given-name',
      category: 'name',
      severity: 'error',
      start: 22,
      end: 26,
      match: 'Dana',
      message: 'm',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 5,
    };
    const out = applyConsent(doc, [name], { ledger, today: '2025-06-01', cwd: process.cwd() });
    expect(out.map((f) => [f.ruleId, f.severity])).toEqual([['names/given-name', 'info']]);
    // within the maximum: no warning
    expect(parseLedger('consents.yaml', entry('name', '2025-03-01', '2027-03-01')).warnings).toEqual([]);
    // a shorter maximum is configurable
    expect(
      parseLedger('consents.yaml', entry('name', '2025-03-01', '2026-12-01'), { maxValidity: '1y' }).warnings,
    ).toHaveLength(1);
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
    expect(ids(two.stdout)).not.toContain('phi-lint/consent'); // the ledger is warned about, not the draft
    expect(two.stderr).toMatch(
      /^phi-lint: warning: \S*consents\.yaml:5:\d+: consent "C-1" runs from 2025-03-01 to 2030-03-01, longer than the maximum of 2 years/m,
    );
    expect(two.exitCode).toBe(0);
    const bad = await cli(['a.md'], {
      cwd: tmpProject(files('practice: {}\nconsent:\n  max-validity: forever\n')),
      env,
    });
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
    for (const [domain, col] of [
      ['gmail.com', 13],
      ['Yahoo.co.uk', 13],
      ['https://www.hotmail.fr/', 13],
      ['mail.outlook.com', 13],
      ['proton.me', 13],
    ] as const) {
      const dir = tmpProject({ '.phi-lint.yaml': `practice:\n  domains: [${domain}]\n`, 'a.md': DRAFT });
      const r = await cli(['a.md'], { cwd: dir });
      expect(r.exitCode, domain).toBe(2);
      expect(r.stderr, domain).toMatch(new RegExp(`\\.phi-lint\\.yaml:2:${col}: .*is a public mail provider`));
    }
  });
  it('refuses a bare public domain in practice.emails, but allows a full address', async () => {
    for (const entry of ['"@gmail.com"', 'gmail.com', '"*@icloud.com"']) {
      const dir = tmpProject({
        '.phi-lint.yaml': `practice:\n  name: Peachtree Family Dental\n  emails:\n    - ${entry}\n`,
        'a.md': DRAFT,
      });
      const r = await cli(['a.md'], { cwd: dir });
      expect(r.exitCode, entry).toBe(2);
      expect(r.stderr, entry).toMatch(/\.phi-lint\.yaml:4:7: .*public mail provider/);
    }
  });
  it("a full gmail address is the practice's own, and only that address: other gmail addresses are still findings", async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'practice:\n  emails: [peachtreedental@gmail.com]\n', 'a.md': DRAFT });
    const r = await cli(['a.md', '-f', 'json', '--show-values'], { cwd: dir });
    expect(r.stderr).toBe('');
    const values = (JSON.parse(r.stdout) as { messages: { ruleId: string; value: string }[] }[])[0]!.messages
      .filter((m) => m.ruleId === 'phi/email')
      .map((m) => m.value);
    expect(values).toEqual(['sarah.whitfield@gmail.com']);
  });
  it("knows the common providers, and not the practice's own domain", () => {
    for (const d of [
      'gmail.com',
      'googlemail.com',
      'yahoo.com',
      'yahoo.fr',
      'hotmail.co.uk',
      'outlook.de',
      'live.com',
      'msn.com',
      'aol.com',
      'icloud.com',
      'me.com',
      'mac.com',
      'proton.me',
      'protonmail.com',
      'gmx.de',
      'gmx.net',
      'mail.com',
      'zoho.com',
      'yandex.ru',
      'comcast.net',
      'att.net',
      'verizon.net',
    ]) {
      expect(isPublicMailDomain(d), d).toBe(true);
    }
    for (const d of ['peachtreefamilydental.example', 'dental-gmail.com', 'example.org', 'mymail.community'])
      expect(isPublicMailDomain(d), d).toBe(false);
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
      for (const secret of ['root:', 'IdentityFile', 'HostName', 'id_ed25519', 'User git'])
        expect(r.stderr).not.toContain(secret);
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
    const dir = tmpProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'legal/consents.yaml': LEDGER,
      'site/.phi-lint.yaml': 'consents: ../legal/consents.yaml\n',
      'site/a.md': 'Hello.\n',
    });
    const r = await cli(['a.md'], { cwd: join(dir, 'site') });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
  it('a file in the repository that is not a ledger is refused without showing its keys or lines', async () => {
    for (const text of [
      'password: hunter2\napi_key: sk-live-0187\n',
      SSH,
      'Host: [github.com\n  IdentityFile: "~/.ssh/id_ed25519_work\n',
    ]) {
      const dir = tmpProject({
        '.phi-lint.yaml': 'consents: notes/settings.yaml\n',
        'notes/settings.yaml': text,
        'a.md': 'Hello.\n',
      });
      const r = await cli(['a.md'], { cwd: dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/notes\/settings\.yaml: not a consent ledger/);
      for (const secret of ['password', 'hunter2', 'api_key', 'sk-live', 'IdentityFile', 'github.com', 'id_ed25519'])
        expect(r.stderr, text).not.toContain(secret);
    }
  });
  it('paths on the command line are trusted: -c and --in-reply-to may be anywhere', async () => {
    const { dir, out } = projectBeside(
      { 'reply.txt': 'We are sorry about the sealants wait.\n' },
      {
        'shared/.phi-lint.yaml': 'consents: consents.yaml\n',
        'shared/consents.yaml': LEDGER,
        'review.txt': 'My son waited 2 hours for his sealants.\n',
      },
    );
    const r = await cli(
      [
        'reply.txt',
        '--kind',
        'reply',
        '-c',
        join(out, 'shared/.phi-lint.yaml'),
        '--in-reply-to',
        join(out, 'review.txt'),
        '-f',
        'json',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(ids(r.stdout)).toContain('reply/repeats-health-detail');
  });
  it('front matter in-reply-to: outside the repository is not read, and says so', async () => {
    const { dir, out } = projectBeside(
      { '.phi-lint.yaml': '{}\n' },
      { 'review.txt': 'My son waited 2 hours for his sealants.\n' },
    );
    writeFileSync(join(dir, 'inside.txt'), 'My son waited 2 hours for his sealants.\n');
    const draft = (review: string): string =>
      `---\nkind: reply\nin-reply-to: ${review}\n---\nWe are sorry about the sealants wait.\n`;
    writeFileSync(join(dir, 'a.md'), draft(`../${basename(out)}/review.txt`));
    writeFileSync(join(dir, 'b.md'), draft('inside.txt'));
    const r = await cli(['a.md', 'b.md', '-f', 'json'], { cwd: dir });
    const [a, b] = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[];
    expect(a!.messages.map((m) => m.ruleId)).not.toContain('reply/repeats-health-detail');
    expect(a!.messages.find((m) => m.ruleId === 'phi-lint/front-matter')?.message).toMatch(
      /in-reply-to: names a file outside the repository/,
    );
    expect(b!.messages.map((m) => m.ruleId)).toContain('reply/repeats-health-detail');
  });
});

describe('--no-inline-config', () => {
  const DRAFT =
    '<!-- phi-lint-disable -- sample dialogue -->\nCall Sarah at 404-555-0187.\n<!-- phi-lint-disable-next-line phi/email -->\nOr sarah.whitfield@example.org.\n';
  it('ignores every directive: what they hid is reported, and their own problems are not', async () => {
    const dir = tmpProject({ 'a.md': DRAFT });
    const honoured = await cli(['a.md', '-f', 'json'], { cwd: dir });
    expect(ids(honoured.stdout)).toEqual(['phi-lint/directive-without-reason']);
    const r = await cli(['a.md', '-f', 'json', '--no-inline-config'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(ids(r.stdout)).toEqual(expect.arrayContaining(['phi/phone', 'phi/email']));
    expect(ids(r.stdout)).not.toContain('phi-lint/directive-without-reason');
    expect((JSON.parse(r.stdout) as { suppressedMessages?: unknown[] }[])[0]!.suppressedMessages).toBeUndefined();
  });
  it('counts the ignored directives in the summary, and lists each with --report-suppressions', async () => {
    const dir = tmpProject({ 'a.md': DRAFT });
    const r = await cli(['a.md', '--no-inline-config'], { cwd: dir });
    expect(r.stdout).toContain('2 inline directives ignored (--no-inline-config)');
    const d = await cli(['a.md', '--no-inline-config', '--report-suppressions'], { cwd: dir });
    expect(d.stdout).toMatch(/a\.md:1 +phi-lint-disable \(every rule\) ignored \(--no-inline-config\)/);
    expect(d.stdout).toMatch(/a\.md:3 +phi-lint-disable-next-line phi\/email ignored \(--no-inline-config\)/);
  });
});

describe('what was suppressed, disabled or ignored is said in every format', () => {
  const BLANKET = 'Welcome!\n<!-- phi-lint-disable -- x -->\nCall Sarah Whitfield at 404-555-0187.\n';
  const SUMMARY = /1 finding suppressed by directives|[23] findings suppressed by directives/;

  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'compact', 'unix', 'html']) {
    it(`${format}: a blanket phi-lint-disable is visible, with its file:line`, async () => {
      const dir = tmpProject({ 'a.md': BLANKET });
      const r = await cli(['a.md', '-f', format], { cwd: dir });
      expect(r.exitCode).toBe(0);
      // json keeps ESLint's array on stdout; the summary goes to standard error
      const text = format === 'json' ? r.stderr : r.stdout;
      expect(text, format).toMatch(SUMMARY);
      expect(text, format).toContain('a.md:2 disables every rule');
      if (format === 'json') expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
      if (format === 'sarif') {
        const log = JSON.parse(r.stdout);
        expect(sarifErrors(log)).toBe('');
        expect(log.runs[0].invocations[0].toolConfigurationNotifications[0].message.text).toMatch(SUMMARY);
      }
      if (format === 'junit' || format === 'html') expect(format === 'junit' ? xmlProblems(r.stdout) : []).toEqual([]);
      if (format === 'github')
        expect(r.stdout).toMatch(
          /^::notice title=phi-lint::.*a\.md%3A2 disables every rule|^::notice title=phi-lint::.*a\.md:2 disables every rule/m,
        );
    });
  }

  slow("one line by default; --report-suppressions lists each directive, in the format's own form", async () => {
    const dir = tmpProject({
      'a.md': BLANKET,
      'b.md': '<!-- phi-lint-disable-next-line phi/phone -- pharmacy line -->\nCall 404-555-0142.\n',
    });
    const compact = await cli(['.', '-f', 'compact'], { cwd: dir });
    expect(compact.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(compact.stdout).toMatch(/^phi-lint: \d findings suppressed by directives; a\.md:2 disables every rule/);
    const detailed = await cli(['.', '-f', 'compact', '--report-suppressions'], { cwd: dir });
    expect(detailed.stdout).toMatch(
      /^a\.md:2:1: info phi-lint-disable \(every rule\) suppressed \d findings \[phi-lint\/suppressed\]$/m,
    );
    expect(detailed.stdout).toMatch(
      /^b\.md:1:1: info phi-lint-disable-next-line phi\/phone suppressed 1 finding \[phi-lint\/suppressed\]$/m,
    );
    const gh = await cli(['.', '-f', 'github', '--report-suppressions'], { cwd: dir });
    expect(gh.stdout).toMatch(
      /^::notice file=b\.md,line=1,title=phi-lint suppression::phi-lint-disable-next-line phi\/phone suppressed 1 finding$/m,
    );
    const sarif = JSON.parse((await cli(['.', '-f', 'sarif', '--report-suppressions'], { cwd: dir })).stdout);
    expect(sarifErrors(sarif)).toBe('');
    const notes = sarif.runs[0].invocations[0].toolConfigurationNotifications as {
      message: { text: string };
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
    }[];
    expect(
      notes.some(
        (n) =>
          n.locations?.[0]?.physicalLocation.artifactLocation.uri === 'b.md' &&
          n.locations[0].physicalLocation.region?.startLine === 1,
      ),
    ).toBe(true);
    const json = await cli(['.', '-f', 'json', '--report-suppressions'], { cwd: dir });
    expect(json.stderr).toMatch(/^phi-lint: b\.md:1: phi-lint-disable-next-line phi\/phone suppressed 1 finding$/m);
  });

  it('config keys that switch rules, categories and packs off, with their lines', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'practice: {}\nrules:\n  phi/email: off\ncategories: { phone: off }\npacks:\n  names: false\n',
      'a.md': 'Call Sarah Whitfield at 404-555-0187 or sarah.whitfield@example.org.\n',
    });
    const r = await cli(['a.md'], { cwd: dir });
    expect(r.stdout).toContain('1 rule, 1 category and 1 pack disabled by .phi-lint.yaml:3,4,6');
    const d = await cli(['a.md', '--report-suppressions'], { cwd: dir });
    expect(d.stdout).toMatch(/\.phi-lint\.yaml:3 +rules: phi\/email: off disables phi\/email/);
    expect(d.stdout).toMatch(/\.phi-lint\.yaml:4 +categories: phone: off disables \d+ rules/);
    expect(d.stdout).toMatch(/\.phi-lint\.yaml:6 +packs: names: false disables \d+ rules/);
    const junit = await cli(['a.md', '-f', 'junit'], { cwd: dir });
    expect(junit.stdout).toContain('1 rule, 1 category and 1 pack disabled by .phi-lint.yaml:3,4,6');
    expect(xmlProblems(junit.stdout)).toEqual([]);
  });

  it('ignore: globs say how many files they left out; extensions: that skip .md and .txt say so', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'ignore: ["**"]\n',
      'a.md': 'Call 404-555-0187.\n',
      'posts/b.txt': 'Call 404-555-0187.\n',
    });
    const r = await cli(['.', '-f', 'github'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^::notice title=phi-lint::2 files ignored by ignore: globs \(\.phi-lint\.yaml:1\)$/m);
    // a file named on the command line is left out too, with a notice (issue 15: as ESLint does)
    const named = await cli(['a.md', '-f', 'json'], { cwd: dir });
    expect(named.stderr).toContain('a.md: ignored by ignore: in .phi-lint.yaml; --no-ignore lints it');
    expect(ids((await cli(['a.md', '-f', 'json', '--no-ignore'], { cwd: dir })).stdout)).toContain('phi/phone');
    const ext = tmpProject({ '.phi-lint.yaml': 'extensions: [".xyz"]\n', 'a.md': 'Call 404-555-0187.\n' });
    const e = await cli(['.', '-f', 'unix'], { cwd: ext });
    expect(e.stdout).toContain('extensions: (.phi-lint.yaml:1) leave out .md and .txt drafts');
  });

  it('a nested config that governs some drafts is named; the baseline is counted', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'practice: {}\n',
      'posts/.phi-lint.yaml': 'packs: { phi: false }\n',
      'posts/a.md': 'Call 404-555-0187.\n',
      'b.md': 'Call 404-555-0142.\n',
    });
    const r = await cli(['.'], { cwd: dir });
    expect(r.stdout).toContain('1 pack disabled by posts/.phi-lint.yaml:1');
    expect(r.stdout).toContain('1 draft follows a nested config (posts/.phi-lint.yaml)');
    await cli(['b.md', '--write-baseline', 'base.json'], { cwd: dir });
    const b = await cli(['b.md', '--baseline', 'base.json'], { cwd: dir });
    expect(b.exitCode).toBe(0);
    expect(b.stdout).toContain('1 finding suppressed by the baseline (base.json)');
  });

  it('nothing switched off: no summary line', async () => {
    const dir = tmpProject({ 'a.md': 'Call 404-555-0187.\n' });
    for (const format of ['compact', 'github']) {
      const r = await cli(['a.md', '-f', format], { cwd: dir });
      expect(r.stdout).not.toContain('phi-lint:');
      expect(r.stdout).not.toContain('title=phi-lint::');
    }
  });
});
