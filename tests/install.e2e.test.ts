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
  project = scratchDir(
    { 'package.json': JSON.stringify({ name: 'site', version: '1.0.0', private: true }) },
    'phi-lint-site-',
  );
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
    for (const f of [
      'bin/phi-lint.js',
      'dist/cli.js',
      'dist/api.js',
      'dist/api.d.ts',
      'dist/builtin-packs.json',
      'rules/post.yaml',
    ]) {
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
    writeFiles(project, {
      'one/call.md': 'Call her at 404-555-0187 tomorrow.\n',
      'one/clean.md': 'Flu shots are in!\n',
    });
    const npx = sh(NPM, ['exec', '--no', '--', 'phi-lint', 'one/call.md'], project);
    expect(npx.stdout).toContain('phi/phone');
    expect(npx.status).toBe(1);
    expect(phiLint(['one/clean.md']).status).toBe(0);
    expect(phiLint(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('can be imported by its package name (main, exports and types point at built files)', () => {
    const script =
      "import('phi-lint').then(async (m) => { const l = m.createLinter(); " +
      "const r = await l.lint('Call 404-555-0187.'); console.log(r.findings.map((f) => f.ruleId).join(',')); })";
    const r = sh(process.execPath, ['--input-type=module', '-e', script], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('phi/phone');
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules', 'phi-lint', 'package.json'), 'utf8')) as {
      types: string;
    };
    expect(existsSync(join(project, 'node_modules', 'phi-lint', pkg.types))).toBe(true);
  });
});

describe('ten minutes from nothing to a gated repository (issue 15, "Done when")', () => {
  it('init --yes, then a Hugo-style tree: TOML front matter, .mdx, an HTML <img>, a nested config with an allow-list', () => {
    const site = join(project, 'site');
    writeFiles(site, { 'content/replies/.gitkeep': '' });
    const init = sh(
      process.execPath,
      [
        join(project, 'node_modules', '.bin', 'phi-lint'),
        'init',
        '--yes',
        '--name',
        'Peachtree Family Dental',
        '--staff',
        'Dr. Anna Reyes, Keisha Brown, RDH',
        '--phone',
        '(404) 555-0100',
      ],
      site,
    );
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const config = readFileSync(join(site, '.phi-lint.yaml'), 'utf8');
    expect(config).toContain('staff: ["Dr. Anna Reyes", "Keisha Brown, RDH"]');
    expect(config).toContain('reply: ["content/replies/**"]'); // detected
    writeFiles(site, {
      'content/posts/welcome.md':
        '+++\ntitle = "Welcome Keisha Brown, RDH"\ndate = 2024-03-01\n+++\nSay hi to our new hygienist! Call us at (404) 555-0100.\n',
      'content/posts/story.md':
        '+++\ntitle = "Sarah Whitfield gets her smile back"\ndate = 2024-03-02\n+++\nA wonderful transformation.\n',
      'content/posts/photo.md':
        '+++\ntitle = "Before and after"\n+++\n<img src="before.jpg" alt="Marcus before treatment">\n',
      'src/pages/promo.mdx': 'import Image from "next/image"\n\nBook a visit: text 773-555-0182 today!\n',
      'content/events/.phi-lint.yaml': 'allow: ["Coach Marcus Ellery", "Peachtree Road Race"]\n',
      'content/events/race.md':
        '+++\ntitle = "Race day"\n+++\nCoach Marcus Ellery ran the Peachtree Road Race with Keisha Brown, RDH! Call (404) 555-0100.\n',
      'content/replies/r1.md': 'Thank you, Dana, we are glad your root canal went well!\n',
    });
    const run = (args: string[]): SpawnSyncReturns<string> =>
      sh(process.execPath, [join(project, 'node_modules', '.bin', 'phi-lint'), ...args], site);

    // the practice's own staff and phone pass, below the nested config too; the allow-list holds there
    const clean = run(['content/posts/welcome.md', 'content/events/race.md']);
    expect(clean.stdout).toContain('2 files checked, no PHI found');
    expect(clean.stdout).toMatch(/1 match allowed by allow: \(content\/events\/\.phi-lint\.yaml\)/);
    expect(clean.status).toBe(0);

    const listed = run(['--list-files', '.']);
    expect(listed.stdout.split('\n').filter(Boolean)).toEqual([
      'content/events/race.md',
      'content/posts/photo.md',
      'content/posts/story.md',
      'content/posts/welcome.md',
      'content/replies/r1.md',
      'src/pages/promo.mdx',
    ]);

    const all = run(['-f', 'json', '.']);
    expect(all.status).toBe(1);
    const byFile = new Map(
      (JSON.parse(all.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).map((r) => [
        r.filePath.slice(site.length + 1),
        r.messages,
      ]),
    );
    expect(byFile.get('content/posts/welcome.md')).toEqual([]);
    expect(byFile.get('content/events/race.md')).toEqual([]);
    expect(byFile.get('content/posts/story.md')!.map((m) => `${m.line} ${m.ruleId}`)).toContain('2 names/given-name');
    expect(byFile.get('content/posts/photo.md')!.map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(['phi/photo', 'names/given-name']),
    );
    expect(byFile.get('src/pages/promo.mdx')!.map((m) => m.ruleId)).toContain('phi/phone');
    expect(byFile.get('content/replies/r1.md')!.map((m) => m.ruleId)).toContain('reply/greets-reviewer'); // linted as a reply
    expect(all.stdout).not.toContain('773-555-0182'); // not a terminal: masked

    const effective = run(['--print-config', 'content/events/race.md']);
    expect(effective.stdout).toContain('Keisha Brown, RDH');
    expect(effective.stdout).toContain('Coach Marcus Ellery');

    expect(run(['content/posts/nothing.md']).status).toBe(2);
  });
});
