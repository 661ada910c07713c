// A reply is checked against the review it answers: anything it repeats from the review is
// a finding, even though the reviewer said it first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleLinter, phiLint } from './helpers.js';

describe('reply context', () => {
  it('front matter in-reply-to (text) makes repeated details findings', async () => {
    const text =
      '---\nkind: reply\nin-reply-to: "My crown fell out on Tuesday. — Odalys Brightwater"\n---\nSo sorry, Odalys! We can fix the crown Tuesday.\n';
    const { findings } = await exampleLinter().lint(text, { format: 'md' });
    const ids = findings.map((f) => `${f.ruleId} ${f.match}`);
    expect(ids).toContain('reply/repeats-health-detail crown');
    expect(ids.some((i) => i.endsWith(' Odalys'))).toBe(true);
    expect(ids).toContain('reply/repeats-date Tuesday');
  });
  it('without the review, the same generic words are not echoes', async () => {
    const { findings } = await exampleLinter().lint('We can fix crowns on Tuesdays.\n', { kind: 'reply' });
    expect(findings.filter((f) => f.ruleId.startsWith('reply/repeats-'))).toEqual([]);
  });
  it('--in-reply-to FILE gives the review to every reply', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-lint-review-'));
    writeFileSync(join(dir, 'review.txt'), '★☆☆☆☆ My son Birchard waited 2 hours for his sealants.\n');
    writeFileSync(join(dir, 'reply.txt'), 'We are sorry about the sealants wait.\n');
    const without = phiLint(['reply.txt', '--kind', 'reply', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(without.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).not.toContain(
      'reply/repeats-health-detail',
    );
    const withReview = phiLint(['reply.txt', '--kind', 'reply', '-f', 'json', '--in-reply-to', 'review.txt'], {
      cwd: dir,
    });
    expect(withReview.status).toBe(1);
    expect(JSON.parse(withReview.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain(
      'reply/repeats-health-detail',
    );
  });
  it('a missing --in-reply-to file is exit 2', () => {
    const r = phiLint(['README.md', '--in-reply-to', 'nope.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope.txt');
  });
  it('suggestions use the practice phone from the profile', async () => {
    const { findings } = await exampleLinter().lint('Nikki, your root canal went well.', { kind: 'reply' });
    expect(findings.some((f) => f.suggestion?.includes('(404) 555-0100'))).toBe(true);
  });
});
