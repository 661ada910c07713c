// The one temporary-folder helper (tempDir), and the vitest setup file (vitest.config.ts,
// setupFiles) that cleans up: every folder a test file makes with mkdtempSync — through
// tempDir or directly — is removed once the file's tests are done, so a run leaves nothing named phi-lint-* in the temp
// folder. It also points $XDG_CACHE_HOME at a folder of its own, so no test writes the
// --cache key or cache into the real user cache folder.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

// shared through globalThis: with isolate: false (test:fast) this module may be loaded twice
const shared = globalThis as { __phiLintTempDirs?: string[] };
const created: string[] = (shared.__phiLintTempDirs ??= []);
const original = fs.mkdtempSync;

if (!(original as { registered?: boolean }).registered) {
  const registering = ((prefix: string, options?: fs.EncodingOption) => {
    const dir = original(prefix, options) as string;
    created.push(dir);
    return dir;
  }) as typeof fs.mkdtempSync & { registered?: boolean };
  registering.registered = true;
  fs.mkdtempSync = registering;
  // named imports (import { mkdtempSync } from 'node:fs') see the wrapper too
  syncBuiltinESMExports();
}

/** A new temporary folder holding these files (paths relative, "/"-separated), removed after the test file. */
export function tempDir(files: Record<string, string | Buffer> = {}, prefix = 'phi-lint-test-'): string {
  const dir = fs.mkdtempSync(join(tmpdir(), prefix));
  writeFiles(dir, files);
  return dir;
}

/** Write these files (paths relative to `dir`), making their folders. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(dirname(join(dir, name)), { recursive: true });
    fs.writeFileSync(join(dir, name), body);
  }
}

/** The folders made so far by this test file. */
export function createdTempDirs(): readonly string[] {
  return created;
}

process.env.XDG_CACHE_HOME = fs.mkdtempSync(join(tmpdir(), 'phi-lint-xdg-'));

afterAll(() => {
  for (const dir of created.splice(0)) {
    try {
      fs.chmodSync(dir, 0o700);
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // already gone
    }
  }
});
