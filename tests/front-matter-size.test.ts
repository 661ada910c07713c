// A draft's front matter is hostile input like the rest of it: its size must cost linear
// time. yaml's duplicate-key check (parseDocument's default uniqueKeys) compares each key
// with every earlier key of its map, so 100,000 keys took minutes (32,000: 15 s), all of it
// in src/documents/front-matter.ts's parseDocument. The fix: parse with uniqueKeys: false and
// find repeated keys with one Set per map (as src/yaml-source.ts does), keeping the warning.
// The run is a child process with a deadline, so a slow parse fails the test instead of
// stalling the suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers.js';

function lintDraft(text: string): {
  status: number | null;
  ms: number;
  results: { messages: { ruleId: string | null; message: string }[] }[];
} {
  const dir = mkdtempSync(join(tmpdir(), 'phi-lint-fm-'));
  writeFileSync(join(dir, 'post.md'), text);
  const env: Record<string, string> = { ...(process.env as Record<string, string>), FORCE_COLOR: '0' };
  delete env.CI;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, '-f', 'json', 'post.md'], {
    cwd: dir,
    encoding: 'utf8',
    env,
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  const ms = Date.now() - t0;
  let results = [];
  try {
    results = JSON.parse(r.stdout);
  } catch {
    // killed: the assertions say so
  }
  return { status: r.status, ms, results };
}

describe('front matter size', () => {
  it('front matter with 100,000 keys is parsed and linted in seconds', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `key${i}: value ${i}`).join('\n');
    const o = lintDraft(`---\n${keys}\n---\n\nOur office is open on Saturday.\n`);
    expect(o.ms, 'the run finished in time').toBeLessThan(10_000);
    expect(o.status).toBe(0);
  });

  it('a repeated key in front matter is still reported', () => {
    const o = lintDraft('---\ntitle: Open house\ntitle: Again\n---\n\nOur office is open on Saturday.\n');
    const messages = o.results[0].messages;
    expect(messages.map((m) => m.ruleId)).toEqual(['phi-lint/front-matter']);
    expect(messages[0].message).toMatch(/Map keys must be unique/);
  });
});
