// The audit trail: `--audit-log FILE` appends one JSON line per run (time, version, pack and
// config hashes, git commit and branch, command line, per draft its path, SHA-256, verdict,
// counts, suppressions, consents, cache), chained by hashes; `audit verify` names the line
// that was changed, removed or moved; no value from a draft is ever written.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENESIS, sealLine, verifyAudit, type AuditEntry } from '../src/audit/log.js';
import { publicRemote } from '../src/audit/provenance.js';
import type { Spawned } from './helpers.js';
import { sarifErrors } from './report-checks.js';
import { git, scratchRepo } from './scratch.js';
import { cli } from './tmp-project.js';

/** The CLI run in-process (tests/tmp-project.ts), reported as a spawned run would be. */
async function phiLint(args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<Spawned> {
  const r = await cli(args, { cwd: opts.cwd, env: opts.env });
  return { status: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

const sha = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex');
const TODAY = { PHI_LINT_TODAY: '2025-06-01' };

// Fictitious values that must never reach the log
const VALUES = ['Sarah', 'Whitfield', '404-555-0187', '0187', '078-05-1120', '1120', 'Desmond', 'root canal', 'Okafor'];
const DRAFTS = {
  '.phi-lint.yaml': 'practice:\n  name: Peachtree Family Dental\n  phones: ["(404) 555-0100"]\n',
  'consents.yaml':
    'consents:\n  - id: C-2025-014\n    covers: [name, health-detail]\n    signed: 2025-03-01\n    expires: 2026-03-01\n',
  'posts/blocked.md': 'Sarah Whitfield (SSN 078-05-1120) can be reached at 404-555-0187.\n',
  'posts/suppressed.md':
    '<!-- phi-lint-disable-next-line phi/phone -- Okafor pharmacy line, approved by Desmond -->\nCall 404-555-0187 after 6 pm.\n',
  'posts/consented.md':
    '---\nconsent: C-2025-014\n---\n"I was terrified of getting a root canal," says Sarah Whitfield.\n',
  'posts/clean.md': 'Flu shots are in! Walk-ins welcome.\n',
};

function project(): string {
  const dir = scratchRepo(DRAFTS);
  git(dir, 'remote', 'add', 'origin', 'https://helper:s3cret-token@git.example.org/maple/content.git');
  return dir;
}

const entries = (file: string): AuditEntry[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditEntry);

describe('--audit-log', () => {
  it('appends one line per run with what was checked, with which rules and on which version of each draft', async () => {
    const dir = project();
    const log = join(dir, 'audit.jsonl');
    const r = await phiLint(['--audit-log', 'audit.jsonl', 'posts'], { cwd: dir, env: TODAY });
    expect(r.status).toBe(1);
    await phiLint(['--audit-log', 'audit.jsonl', 'posts/clean.md'], { cwd: dir, env: TODAY });
    const [first, second] = entries(log);
    expect(entries(log)).toHaveLength(2);
    expect(first).toMatchObject({
      v: 1,
      seq: 1,
      prev: GENESIS,
      exitCode: 1,
      command: ['--audit-log', 'audit.jsonl', 'posts'],
    });
    expect(first!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first!.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(first!.git).toEqual({
      commit: git(dir, 'rev-parse', 'HEAD').trim(),
      branch: 'main',
      repository: 'https://git.example.org/maple/content.git',
    });
    expect(first!.config).toEqual({ file: '.phi-lint.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(first!.packs.map((p) => p.pack)).toEqual(
      expect.arrayContaining(['health', 'names', 'phi', 'post', 'relationship', 'reply', 'medical-lists']),
    );
    for (const p of first!.packs)
      expect(p).toMatchObject({ source: 'builtin', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const d = Object.fromEntries(first!.drafts.map((x) => [x.path, x]));
    expect(Object.keys(d).sort()).toEqual([
      'posts/blocked.md',
      'posts/clean.md',
      'posts/consented.md',
      'posts/suppressed.md',
    ]);
    expect(d['posts/blocked.md']).toMatchObject({
      verdict: 'blocked',
      sha256: sha(DRAFTS['posts/blocked.md']),
      cached: false,
      consents: [],
      suppressions: [],
    });
    expect(d['posts/blocked.md']!.counts).toMatchObject({ name: expect.any(Number), ssn: 1, phone: 1 });
    expect(d['posts/clean.md']).toMatchObject({ verdict: 'clean', counts: {} });
    expect(d['posts/consented.md']).toMatchObject({ verdict: 'clean', consents: ['C-2025-014'] });
    expect(d['posts/suppressed.md']!.suppressions).toEqual([
      { rule: 'phi/phone', kind: 'directive', reason: expect.any(String), file: 'posts/suppressed.md', line: 2 },
    ]);
    expect(second).toMatchObject({ seq: 2, prev: sha(readFileSync(log, 'utf8').split('\n')[0]!) });
    expect((await phiLint(['audit', 'verify', 'audit.jsonl'], { cwd: dir })).stdout).toMatch(
      /^audit\.jsonl: 2 lines verified; last hash [0-9a-f]{64}\n$/,
    );
  });

  it('writes no value from a draft: not in the entries, the suppression reasons or the remote URL', async () => {
    const dir = project();
    await phiLint(['--audit-log', 'audit.jsonl', '--show-values', 'posts'], { cwd: dir, env: TODAY });
    const text = readFileSync(join(dir, 'audit.jsonl'), 'utf8');
    for (const v of [...VALUES, 's3cret', 'helper@']) expect(text, v).not.toContain(v);
    // the check can fail: the drafts hold every value
    for (const v of VALUES) expect(Object.values(DRAFTS).join('\n')).toContain(v);
  });

  it('records drafts the cache let through', async () => {
    const dir = project();
    const args = [
      '--audit-log',
      'audit.jsonl',
      '--cache',
      '--cache-location',
      join(dir, '.cache-dir', 'c'),
      'posts/clean.md',
    ];
    await phiLint(args, { cwd: dir });
    await phiLint(args, { cwd: dir });
    const [a, b] = entries(join(dir, 'audit.jsonl'));
    expect(a!.drafts[0]).toMatchObject({ path: 'posts/clean.md', cached: false });
    expect(b!.drafts[0]).toMatchObject({ path: 'posts/clean.md', cached: true, sha256: sha(DRAFTS['posts/clean.md']) });
  });

  it('cannot be written: exit 2 with the reason', async () => {
    const dir = project();
    const r = await phiLint(['--audit-log', 'no/such/dir/audit.jsonl', 'posts/clean.md'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/phi-lint: no\/such\/dir\/audit\.jsonl: cannot write the audit log \(ENOENT\)/);
  });
});

describe('audit verify', () => {
  const dir = project();
  let good = '';
  let lines: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 4; i++)
      await phiLint(['--audit-log', 'audit.jsonl', i % 2 ? 'posts/clean.md' : 'posts'], { cwd: dir, env: TODAY });
    good = readFileSync(join(dir, 'audit.jsonl'), 'utf8');
    lines = good.split('\n').filter(Boolean);
  });
  const check = async (text: string): Promise<{ status: number | null; stderr: string }> => {
    writeFileSync(join(dir, 'tampered.jsonl'), text);
    return phiLint(['audit', 'verify', 'tampered.jsonl'], { cwd: dir });
  };

  it('passes an untouched log of several runs', async () => {
    expect(lines).toHaveLength(4);
    expect(await check(good)).toMatchObject({ status: 0, stderr: '' });
  });

  it('fails when one byte is changed, naming the line', async () => {
    const at = good.indexOf('"verdict":"blocked"', good.indexOf('\n', good.indexOf('\n') + 1) + 1); // in line 3
    const changed = `${good.slice(0, at + 12)}c${good.slice(at + 13)}`; // blocked -> clocked
    expect(changed.length).toBe(good.length);
    const r = await check(changed);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tampered.jsonl: line 3: its content does not match its hash (the line was edited)');
    // a byte that breaks the JSON
    expect((await check(good.replace(lines[1]!, lines[1]!.replace('{', '[')))).stderr).toContain(
      'line 2: not valid JSON',
    );
  });

  it('fails when a line is deleted, naming the line that follows it', async () => {
    const r = await check([lines[0], lines[2], lines[3], ''].join('\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('line 2: it does not follow line 1 (a line before it was removed, moved or edited)');
    expect((await check([lines[1], lines[2], lines[3], ''].join('\n'))).stderr).toContain(
      'line 1: it does not follow line the start',
    );
  });

  it('fails when two lines are swapped, naming the line', async () => {
    const r = await check([lines[0], lines[2], lines[1], lines[3], ''].join('\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 2: it does not follow line 1/);
  });

  it('a re-sealed edited line still breaks the chain after it', async () => {
    const entry = JSON.parse(lines[1]!) as AuditEntry;
    const { hash: _h, ...body } = { ...entry, exitCode: 5 };
    const resealed = sealLine(body);
    const r = await check([lines[0], resealed, lines[2], lines[3], ''].join('\n'));
    expect(r.stderr).toContain('line 3: it does not follow line 2');
    expect(verifyAudit([lines[0], resealed, ''].join('\n')).ok).toBe(true); // …unless it was the last: keep the head hash elsewhere
  });

  it('summary: what was checked, blocked and suppressed in a period', async () => {
    const r = await phiLint(['audit', 'summary', 'audit.jsonl', '--since', '2000-01-01'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^4 runs since 2000-01-01 \(.*\): 10 draft checks, 4 distinct draft versions\n/);
    expect(r.stdout).toContain('blocked 2 · warnings 0 · clean 8');
    expect(r.stdout).toMatch(
      /Suppressed\ndate +where +rule +by +reason\n.*posts\/suppressed\.md:2 +phi\/phone +directive/,
    );
    for (const v of VALUES) expect(r.stdout).not.toContain(v);
    expect((await phiLint(['audit', 'summary', 'audit.jsonl', '--since', '2999-01-01'], { cwd: dir })).stdout).toMatch(
      /^0 runs since 2999-01-01/,
    );
    expect(await phiLint(['audit', 'verify', 'missing.jsonl'], { cwd: dir })).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^phi-lint: missing\.jsonl: cannot read the audit log \(ENOENT\)/),
    });
  });
});

describe('publicRemote', () => {
  it('drops user names and tokens; scp-style addresses become ssh URIs', async () => {
    expect(publicRemote('https://u:tok@git.example.org/a/b.git')).toBe('https://git.example.org/a/b.git');
    expect(publicRemote('git@git.example.org:a/b.git')).toBe('ssh://git.example.org/a/b.git');
    expect(publicRemote('ssh://git@git.example.org/a/b.git')).toBe('ssh://git.example.org/a/b.git');
  });
});

describe('reports that describe their run', () => {
  it('SARIF invocations have start and end time and the command line; versionControlProvenance the commit and branch', async () => {
    const dir = project();
    const r = await phiLint(['-f', 'sarif', 'posts/blocked.md'], { cwd: dir });
    const log = JSON.parse(r.stdout) as {
      runs: { invocations: Record<string, unknown>[]; versionControlProvenance?: unknown[] }[];
    };
    expect(sarifErrors(log)).toBe('');
    const inv = log.runs[0]!.invocations[0]!;
    expect(inv).toMatchObject({
      commandLine: 'phi-lint -f sarif posts/blocked.md',
      arguments: ['-f', 'sarif', 'posts/blocked.md'],
    });
    expect(Date.parse(inv.endTimeUtc as string)).toBeGreaterThanOrEqual(Date.parse(inv.startTimeUtc as string));
    expect(log.runs[0]!.versionControlProvenance).toEqual([
      {
        repositoryUri: 'https://git.example.org/maple/content.git',
        revisionId: git(dir, 'rev-parse', 'HEAD').trim(),
        branch: 'main',
      },
    ]);
    expect(r.stdout).not.toContain('s3cret');
  });

  it('--format json-with-metadata: the JSON results and the same run metadata as the audit log', async () => {
    const dir = project();
    const r = await phiLint(['-f', 'json-with-metadata', '--audit-log', 'audit.jsonl', 'posts/blocked.md'], {
      cwd: dir,
    });
    const out = JSON.parse(r.stdout) as { results: { filePath: string }[]; metadata: Record<string, unknown> };
    expect(out.results.map((x) => x.filePath)).toEqual([join(dir, 'posts/blocked.md')]);
    const [entry] = entries(join(dir, 'audit.jsonl'));
    expect(out.metadata).toMatchObject({
      tool: 'phi-lint',
      version: entry!.version,
      git: entry!.git,
      config: entry!.config,
      packs: entry!.packs,
    });
    expect((out.metadata.rulesMeta as Record<string, { docs: { url: string } }>)['phi/ssn']!.docs.url).toMatch(
      /docs\/rules\/phi\/ssn\.md$/,
    );
    for (const v of VALUES) expect(r.stdout).not.toContain(v);
  });
});
