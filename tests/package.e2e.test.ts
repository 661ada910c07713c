// The package as another project sees it: `import { lintText } from 'phi-lint'` (package.json
// `exports`, `main`, `types`) works from a fresh project, with type declarations, and the
// packed tarball holds what they point at. Offline: the project links the package (as
// `npm link` does) instead of installing it. Slow tier (spawns node, tsc and npm).
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { tempDir } from './support/temp-dirs.js';

const pkg = (await import('../package.json', { with: { type: 'json' } })).default as {
  main: string;
  types: string;
  exports: Record<string, { types: string; import: string }>;
};

function freshProject(): string {
  const dir = tempDir(
    {
      'package.json': JSON.stringify({ name: 'my-site', version: '1.0.0', type: 'module', private: true }),
      'check.mjs': [
        "import { lintText, createLinter } from 'phi-lint';",
        "const r = await lintText('Call Sarah Whitfield at 404-555-0187.', { kind: 'post' });",
        'console.log(JSON.stringify({ rules: r.findings.map((f) => f.ruleId), linter: typeof createLinter }));',
      ].join('\n'),
      'check.ts': [
        "import { lintText, type Finding } from 'phi-lint';",
        "const findings: Finding[] = (await lintText('Thanks!', { kind: 'reply' })).findings;",
        '// @ts-expect-error kind is post or reply',
        "await lintText('Thanks!', { kind: 'story' });",
        'export { findings };',
      ].join('\n'),
    },
    'phi-lint-consumer-',
  );
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'phi-lint'), 'dir');
  return dir;
}

describe('the package', () => {
  it('points main, types and exports at files the build makes', () => {
    expect(pkg.main).toBe('dist/index.js');
    expect(pkg.types).toBe('dist/index.d.ts');
    expect(pkg.exports['.']).toMatchObject({ types: './dist/index.d.ts', import: './dist/index.js' });
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
    ) as {
      files: { path: string }[];
    }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/api.d.ts', 'bin/phi-lint.js']),
    );
  });

  it("import { lintText } from 'phi-lint' works in a fresh project", () => {
    const dir = freshProject();
    const out = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: dir, encoding: 'utf8' })) as {
      rules: string[];
      linter: string;
    };
    expect(out.linter).toBe('function');
    expect(out.rules).toContain('phi/phone');
  });

  it('its type declarations resolve there too (tsc, NodeNext)', () => {
    const dir = freshProject();
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      'check.ts',
    ];
    expect(() => execFileSync(process.execPath, [tsc, ...args], { cwd: dir, encoding: 'utf8' })).not.toThrow();
  });
});
