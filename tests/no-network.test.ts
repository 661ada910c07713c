// The CLI opens no network connection: a full run with every network entry point of Node
// patched to throw still succeeds. The preload proves itself first (a run that does use the
// network fails under it), so the test cannot pass vacuously.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const PRELOAD = join(ROOT, 'tests', 'support', 'no-network.cjs');
const env = { ...process.env, NODE_OPTIONS: `--require ${PRELOAD}`, FORCE_COLOR: '0' } as Record<string, string>;
delete env.CI;

describe('no network', () => {
  it('the preload really blocks the network', () => {
    const r = spawnSync(process.execPath, ['-e', "require('node:dns').lookup('localhost', () => {})"], {
      env,
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/network use is forbidden \(dns\.lookup\)/);
    const h = spawnSync(process.execPath, ['-e', "require('node:http').get('http://127.0.0.1:9/')"], {
      env,
      encoding: 'utf8',
    });
    expect(h.stderr).toMatch(/network use is forbidden/);
  });
  it('a full lint run of the examples succeeds with the network blocked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-lint-nonet-'));
    cpSync(join(ROOT, 'fixtures', 'examples'), dir, { recursive: true });
    for (const format of ['stylish', 'json']) {
      const r = spawnSync(process.execPath, [BIN, '.', '-f', format], { cwd: dir, env, encoding: 'utf8' });
      expect(r.stderr).not.toMatch(/forbidden/);
      expect(r.status, r.stderr).toBe(1); // the examples hold PHI: findings, not a crash
      expect(r.stdout.length).toBeGreaterThan(100);
    }
    const v = spawnSync(process.execPath, [BIN, '--version'], { env, encoding: 'utf8' });
    expect(v.status).toBe(0);
  });
});
