// Worker threads must not change the report: same results, same order, same errors.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threadCount } from '../src/pool.js';
import { phiLint } from './helpers.js';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-lint-threads-'));
  writeFileSync(
    join(dir, '.phi-lint.yaml'),
    'practice:\n  name: Peachtree Family Dental\n  phones: ["(404) 555-0100"]\nkinds:\n  reply: ["replies/**"]\n',
  );
  for (const sub of ['posts', 'replies', 'clinic', 'clinic/archive']) mkdirSync(join(dir, sub), { recursive: true });
  // a nested config with its own ignore globs and severities
  writeFileSync(join(dir, 'clinic', '.phi-lint.yaml'), 'ignore: ["archive/**"]\nrules: { phi/phone: warning }\n');
  for (let i = 0; i < 40; i++) {
    const phi = i % 5 === 0 ? ` Call Dana Ruiz at 404-555-01${String(10 + i).padStart(2, '0')} about her crown.` : '';
    writeFileSync(
      join(dir, i % 2 ? 'posts' : 'replies', `d${String(i).padStart(2, '0')}.${i % 3 ? 'md' : 'txt'}`),
      `Thanks for the kind words!${phi} See you soon.\n`,
    );
  }
  writeFileSync(join(dir, 'clinic', 'note.txt'), 'Her cell: (773) 555-0182.\n');
  writeFileSync(join(dir, 'clinic', 'archive', 'old.txt'), 'Call 404-555-0187.\n');
  writeFileSync(join(dir, 'posts', 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  const unreadable = join(dir, 'posts', 'locked.md');
  writeFileSync(unreadable, 'Call 404-555-0187.\n');
  chmodSync(unreadable, 0);
  return dir;
}

describe('worker threads', () => {
  it('give the same report as one thread, in the same order', () => {
    const dir = project();
    for (const format of ['json', 'stylish']) {
      const one = phiLint(['-f', format, '--threads', '1', '.'], { cwd: dir });
      const three = phiLint(['-f', format, '--threads', '3', '.'], { cwd: dir });
      expect(one.status).toBeGreaterThan(0);
      expect(three.stdout).toBe(one.stdout);
      expect(three.stderr).toBe(one.stderr);
      expect(three.status).toBe(one.status);
    }
    const results = JSON.parse(phiLint(['-f', 'json', '--threads', '2', '.'], { cwd: dir }).stdout) as {
      filePath: string;
      messages: unknown[];
    }[];
    expect(results.some((r) => r.filePath.endsWith('old.txt'))).toBe(false); // ignored by the nested config
    expect(results.filter((r) => r.messages.length).length).toBeGreaterThan(8);
  });

  it('report a broken config met on the way as one thread does', () => {
    const dir = project();
    writeFileSync(join(dir, 'replies', '.phi-lint.yaml'), 'rules: { phi/phone: loud }\n');
    const one = phiLint(['--threads', '1', '.'], { cwd: dir });
    const three = phiLint(['--threads', '3', '.'], { cwd: dir });
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('replies/.phi-lint.yaml');
    expect(three.stderr).toBe(one.stderr);
    expect(three.status).toBe(2);
  });

  it('are used only when there is enough to lint, unless asked for', () => {
    expect(threadCount(undefined, ['a.md', 'b.md'])).toBe(1);
    expect(threadCount(4, ['a.md', 'b.md'])).toBe(2);
    expect(
      threadCount(
        1,
        Array.from({ length: 100 }, (_, i) => `${i}.md`),
      ),
    ).toBe(1);
    expect(phiLint(['--threads', '0', '.']).stderr).toContain('--threads must be 1 or more');
  });
});
