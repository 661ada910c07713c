// The CI recipes of docs/integrations.md, tested as far as this machine allows: every YAML
// and JSON block of the page parses; the GitHub workflow's and GitLab job's phi-lint
// commands run for real (with the built bin in place of `npx phi-lint`) on a throw-away
// content repository and produce a valid SARIF log, well-formed workflow commands and
// well-formed JUnit; the pre-commit config names our hook and passes `pre-commit
// validate-config`; the lint-staged glob picks the draft types.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from './helpers.js';
import { FINDING_COMMAND, sarifErrors } from './report-checks.js';
import { GIT_ENV, git, scratchDir, scratchRepo, writeFiles } from './scratch.js';
import { xmlProblems } from './xml-well-formed.js';
import { docSection } from './support/docs.js';
import { slow } from './support/tiers.js';

function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1]!);
}

const integrations = docSection('docs/integrations.md', 'Integrations');
/** A CI job as far as these tests read it. */
type Job = { artifacts?: { reports?: { junit?: string } } } | undefined;
const yamlDocs = blocks(integrations, 'yaml').map(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- YAML documents of any shape
  (b) => parse(b, { strict: true, uniqueKeys: true }) as Record<string, any>,
);

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

const PHI = 'Call them at 404-555-0187 tomorrow.\n';
const CLEAN = 'Flu shots are in! Walk-ins welcome.\n';

/** A content repository whose feature branch adds a draft with PHI. */
function contentRepo(): string {
  const repo = scratchRepo({ 'content/old.md': CLEAN, 'content/other.txt': CLEAN });
  git(repo, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(repo, 'checkout', '-q', '-b', 'feature');
  writeFiles(repo, { 'content/new.md': `# New post\n\n${PHI}` });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'new post');
  return repo;
}

/** Run a recipe's shell command with the built bin standing in for `npx phi-lint`. */
function runCommand(
  command: string,
  cwd: string,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  expect(command).toMatch(/^npx phi-lint /);
  const script = command.replace(/^npx phi-lint /, `"${process.execPath}" "${BIN}" `);
  const r = spawnSync('bash', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, CI: 'true', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('docs/integrations.md recipes', () => {
  it('every YAML and JSON block of the page parses', () => {
    expect(yamlDocs.length).toBeGreaterThanOrEqual(4);
    for (const b of blocks(integrations, 'json')) expect(() => JSON.parse(b)).not.toThrow();
  });

  it('GitHub Actions workflow: annotations for the pull request and a SARIF upload that validates', () => {
    const wf = yamlDocs.find((d) => d.on && d.jobs && d.permissions)!;
    expect(wf, 'a workflow with on, permissions and jobs').toBeTruthy();
    expect(wf.permissions['security-events']).toBe('write');
    const steps = Object.values(wf.jobs as Record<string, { steps: Step[] }>)[0]!.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload).toBeTruthy();
    const annotate = steps.find((s) => s.run?.includes('--format github'))!;
    const sarifStep = steps.find((s) => s.run?.includes('--format sarif'))!;
    expect(sarifStep.run).toContain(`--output-file ${upload.with!.sarif_file}`);

    const repo = contentRepo();
    // ${{ github.base_ref }} is the base branch's name; the checkout has origin/<base>.
    const baseEnv = Object.fromEntries(
      Object.entries(annotate.env ?? {}).map(([k, v]) => [k, v.replace('${{ github.base_ref }}', 'main')]),
    );
    const a = runCommand(annotate.run!, repo, baseEnv);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(1);
    const lines = a.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1); // only the changed draft
    for (const l of lines) expect(l).toMatch(FINDING_COMMAND);
    expect(lines[0]).toContain('file=content/new.md,line=3,col=14');
    expect(lines[0]).not.toContain('404-555-0187');

    const s = runCommand(sarifStep.run!, repo);
    expect(s.status).toBe(1);
    const log = JSON.parse(readFileSync(join(repo, upload.with!.sarif_file!), 'utf8'));
    expect(sarifErrors(log)).toBe('');
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('content/new.md');
  });

  slow('GitHub Actions matrix: the shards together lint every draft once', () => {
    const wf = yamlDocs.find(
      (d) => d.jobs && Object.values(d.jobs as Record<string, { strategy?: unknown }>)[0].strategy,
    )!;
    const job = Object.values(
      wf.jobs as Record<string, { strategy: { matrix: { shard: number[] } }; steps: Step[] }>,
    )[0]!;
    const step = job.steps.find((s) => s.run?.includes('--shard'))!;
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`content/post-${i}.md`] = PHI;
    const repo = scratchDir(files);
    const seen: string[] = [];
    for (const shard of job.strategy.matrix.shard) {
      const r = runCommand(step.run!.replace('${{ matrix.shard }}', String(shard)), repo);
      for (const l of r.stdout.trimEnd().split('\n').filter(Boolean)) {
        expect(l).toMatch(FINDING_COMMAND);
        seen.push(/file=([^,]+)/.exec(l)![1]!);
      }
    }
    expect(seen.sort()).toEqual(Object.keys(files).sort());
  });

  it('GitLab CI job: writes the JUnit report it declares, well-formed', () => {
    const doc = yamlDocs.find((d) => Object.values(d).some((j: Job) => j?.artifacts?.reports?.junit))!;
    const job = Object.values(doc).find((j: Job) => j?.artifacts?.reports?.junit) as {
      script: string[];
      artifacts: { when: string; reports: { junit: string } };
    };
    expect(job.artifacts.when).toBe('always');
    const lint = job.script.find((c) => c.includes('phi-lint'))!;
    const repo = contentRepo();
    const r = runCommand(lint, repo);
    expect(r.status).toBe(1);
    const xml = readFileSync(join(repo, job.artifacts.reports.junit), 'utf8');
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('<testcase classname="phi-lint" name="content/new.md"');
    expect(xml).toContain('<failure ');
  });

  it('pre-commit config: uses the hook this repository defines', () => {
    const doc = yamlDocs.find((d) => Array.isArray(d.repos))!;
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    expect(doc.repos[0].hooks.map((h: { id: string }) => h.id)).toEqual([hooks[0]!.id]);
    expect(doc.repos[0].rev).toBeTruthy();
    if (spawnSync('pre-commit', ['--version']).status !== 0) return; // validated where pre-commit is installed
    const dir = scratchDir();
    writeFileSync(
      join(dir, '.pre-commit-config.yaml'),
      blocks(integrations, 'yaml').find((b) => b.includes('repos:'))!,
    );
    const v = spawnSync('pre-commit', ['validate-config', '.pre-commit-config.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(v.stdout + v.stderr).toBe('');
    expect(v.status).toBe(0);
  });

  it('husky and lint-staged: the hook lints staged drafts; the glob picks the draft types', () => {
    const sh = blocks(integrations, 'sh').find((b) => b.includes('.husky/pre-commit'))!;
    const hookCommand = sh.split('\n').find((l) => l.startsWith('npx '))!;
    const repo = scratchRepo();
    writeFiles(repo, { 'content/a.md': PHI });
    git(repo, 'add', '-A');
    expect(runCommand(hookCommand, repo).status).toBe(1);
    writeFiles(repo, { 'content/a.md': CLEAN });
    git(repo, 'add', '-A');
    expect(runCommand(hookCommand, repo).status).toBe(0);

    const pkg = JSON.parse(blocks(integrations, 'json').find((b) => b.includes('lint-staged'))!);
    const [glob, command] = Object.entries(pkg['lint-staged'] as Record<string, string>)[0]!;
    const isMatch = picomatch(glob, { basename: true });
    expect(['a.md', 'b.markdown', 'c.txt'].every((f) => isMatch(f))).toBe(true);
    expect(['d.json', 'e.yaml'].some((f) => isMatch(f))).toBe(false);
    expect(command).toBe('phi-lint');
  });
});
