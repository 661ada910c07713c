// phi-lint as someone outside this repository gets it (issue 15, point 1): `npm pack` builds
// the package (prepack), and the tarball installed into an empty project works with no
// TypeScript toolchain: the bin, the built dist/ with its declarations, the rule packs.
// Slow (packs and installs): one pack and one install for the whole file.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { scratchDir, writeFiles } from './scratch.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const base: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env };
  for (const v of ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI', 'JENKINS_URL', 'TF_BUILD', 'BUILDKITE', 'CIRCLECI']) {
    if (!(v in env)) delete base[v];
  }
  // npm sets these for scripts it runs (npm test): they must not leak into the nested npm
  for (const k of Object.keys(base)) if (k.startsWith('npm_')) delete base[k];
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: base, timeout: 240_000 });
}

let project = '';
let tarball = '';

beforeAll(() => {
  const out = scratchDir({}, 'phi-lint-pack-');
  const pack = sh(NPM, ['pack', '--pack-destination', out, '--json'], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const name = (JSON.parse(pack.stdout) as { filename: string }[])[0].filename;
  tarball = join(out, name);
  project = scratchDir({ 'package.json': JSON.stringify({ name: 'site', version: '1.0.0', private: true }) }, 'phi-lint-site-');
  const install = sh(NPM, ['install', '-D', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  expect(install.status, install.stderr).toBe(0);
}, 300_000);

const phiLint = (args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> =>
  sh(process.execPath, [join(project, 'node_modules', '.bin', 'phi-lint'), ...args], project, env);

describe('the packed tarball in an empty project', () => {
  it('is named after the version and holds the bin, dist/ with declarations and the rule packs', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(tarball).toMatch(new RegExp(`phi-lint-${version.replace(/\./g, '\\.')}\\.tgz$`));
    const pkg = join(project, 'node_modules', 'phi-lint');
    for (const f of ['bin/phi-lint.js', 'dist/cli.js', 'dist/api.js', 'dist/api.d.ts', 'dist/builtin-packs.json', 'rules/post.yaml']) {
      expect(existsSync(join(pkg, f)), f).toBe(true);
    }
    expect(existsSync(join(pkg, 'src')), 'no sources').toBe(false);
    expect(existsSync(join(pkg, 'tests')), 'no tests').toBe(false);
  });

  it('needs no TypeScript toolchain', () => {
    expect(readdirSync(join(project, 'node_modules'))).not.toContain('typescript');
    expect(existsSync(join(project, 'node_modules', '.bin', 'tsc'))).toBe(false);
  });

  it('runs with npx and finds a phone number (exit 1), and passes a clean draft (exit 0)', () => {
    writeFiles(project, { 'one/call.md': 'Call her at 404-555-0187 tomorrow.\n', 'one/clean.md': 'Flu shots are in!\n' });
    const npx = sh(NPM, ['exec', '--no', '--', 'phi-lint', 'one/call.md'], project);
    expect(npx.stdout).toContain('phi/phone');
    expect(npx.status).toBe(1);
    expect(phiLint(['one/clean.md']).status).toBe(0);
    expect(phiLint(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('can be imported by its package name (main, exports and types point at built files)', () => {
    const script = "import('phi-lint').then(async (m) => { const l = m.createLinter(); " +
      "const r = await l.lint('Call 404-555-0187.'); console.log(r.findings.map((f) => f.ruleId).join(',')); })";
    const r = sh(process.execPath, ['--input-type=module', '-e', script], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('phi/phone');
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules', 'phi-lint', 'package.json'), 'utf8')) as { types: string };
    expect(existsSync(join(project, 'node_modules', 'phi-lint', pkg.types))).toBe(true);
  });
});
