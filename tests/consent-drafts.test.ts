// A consent ledger can name the drafts it covers (issue 15, point 14): `drafts:` globs,
// relative to the ledger's folder, so a plain-text caption (which has no front matter to
// cite a consent in) can be covered by a signed authorization.
import { describe, expect, it } from 'vitest';
import { cli, tmpProject } from './tmp-project.js';

const LEDGER = (expires: string): string =>
  [
    'consents:',
    '  - id: C-2025-014',
    '    covers: [name, health-detail]',
    '    signed: 2025-01-10',
    `    expires: ${expires}`,
    '    drafts: ["captions/dana-*.txt"]',
    '',
  ].join('\n');
const CAPTION = 'Dana Ruiz ran her first 5K after knee surgery!\n';
const env = { PHI_LINT_TODAY: '2025-06-01' };

interface Msg {
  ruleId: string;
  severity: number;
}
const msgs = (stdout: string, end: string): Msg[] =>
  (JSON.parse(stdout) as { filePath: string; messages: Msg[] }[]).find((f) => f.filePath.endsWith(end))!.messages;

describe('ledger drafts: globs', () => {
  it('cover a plain-text caption the ledger names; a caption it does not name is still blocked', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'practice: { name: Peachtree Family Dental }\n',
      'consents.yaml': LEDGER('2026-01-10'),
      'captions/dana-5k.txt': CAPTION,
      'captions/other.txt': CAPTION,
    });
    const r = await cli(['-f', 'json', 'captions'], { cwd: dir, env });
    const covered = msgs(r.stdout, 'dana-5k.txt');
    expect(covered.filter((m) => m.ruleId.startsWith('names/')).every((m) => m.severity === 0)).toBe(true);
    expect(covered.some((m) => m.severity === 2)).toBe(false);
    expect(msgs(r.stdout, 'other.txt').some((m) => m.ruleId.startsWith('names/') && m.severity === 2)).toBe(true);
  });

  it('an expired consent that names a draft is a phi-lint/consent error there', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': '{}\n',
      'consents.yaml': LEDGER('2025-03-01'),
      'captions/dana-5k.txt': CAPTION,
    });
    const r = await cli(['-f', 'json', 'captions/dana-5k.txt'], { cwd: dir, env });
    expect(msgs(r.stdout, 'dana-5k.txt').map((m) => m.ruleId)).toContain('phi-lint/consent');
    expect(r.exitCode).toBe(1);
  });
});
