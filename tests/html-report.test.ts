// The HTML report without a browser: the pieces (highlighting, masking, summary) and the
// page as a string (self-contained, escaped, masked by default). tests/html-report.browser
// .test.ts loads the same page in Chromium.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { html } from '../src/formatters/html.js';
import { highlightSource, type Piece } from '../src/formatters/html/highlight.js';
import { summarize } from '../src/formatters/html/summary.js';
import { loadFormatter } from '../src/formatters/index.js';
import type { FormatOptions } from '../src/formatters/types.js';
import type { FileResult, Finding, Severity } from '../src/types.js';
import { phiLint, ROOT } from './helpers.js';
import { slow } from './support/tiers.js';

const DRAFTS = join(ROOT, 'tests', 'fixtures', 'html-report', 'drafts');

function finding(text: string, start: number, end: number, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'demo/x',
    category: 'name',
    severity: 'error',
    start,
    end,
    match: text.slice(start, end),
    message: 'Found "{match}".',
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    ...over,
  };
}

const opts = (over: Partial<FormatOptions> = {}): FormatOptions => ({
  mask: true,
  color: false,
  cwd: '/drafts',
  rules: new Map(),
  version: '9.9.9',
  ...over,
});

/** A line's pieces in a compact form: text, [mark findings], or #pin. */
function shape(pieces: Piece[]): string[] {
  return pieces.map((p) =>
    p.kind === 'text'
      ? p.text
      : p.kind === 'mark'
        ? `[${p.text}|${p.findings.join(',')}|${p.severity}]`
        : `#${p.finding}`,
  );
}

describe('highlightSource', () => {
  it('marks a finding and puts its pin after it', () => {
    const text = 'Call 404-555-0187 now.';
    const lines = highlightSource(text, [finding(text, 5, 17)], false);
    expect(lines).toHaveLength(1);
    expect(shape(lines[0].pieces)).toEqual(['Call ', '[404-555-0187|0|error]', '#0', ' now.']);
  });
  it('splits overlapping findings into pieces that know every finding covering them', () => {
    const text = 'Dana Ruiz had a crown on March 3.';
    const outer = finding(text, 0, 32, { severity: 'warning', category: 'case-narrative' });
    const name = finding(text, 0, 9);
    const lines = highlightSource(text, [outer, name], false);
    expect(shape(lines[0].pieces)).toEqual([
      '[Dana Ruiz|0,1|error]',
      '#1',
      '[ had a crown on March 3|0|warning]',
      '#0',
      '.',
    ]);
  });
  it('cuts a finding that spans lines at the line break and pins it on its last line', () => {
    const text = 'Hi Dana\nRuiz, thanks!\n';
    const lines = highlightSource(text, [finding(text, 3, 12)], false);
    expect(lines.map((l) => l.number)).toEqual([1, 2]);
    expect(shape(lines[0].pieces)).toEqual(['Hi ', '[Dana|0|error]']);
    expect(shape(lines[1].pieces)).toEqual(['[Ruiz|0|error]', '#0', ', thanks!']);
  });
  it('handles CRLF and a lone CR as line breaks', () => {
    const text = 'a\r\nb\rc';
    expect(highlightSource(text, [], false).map((l) => shape(l.pieces).join(''))).toEqual(['a', 'b', 'c']);
  });
  it('keeps a zero-length finding as a pin, and clamps offsets outside the text', () => {
    const text = 'abc';
    const lines = highlightSource(text, [finding(text, 1, 1), finding(text, 2, 99)], false);
    expect(shape(lines[0].pieces)).toEqual(['a', '#0', 'b', '[c|1|error]', '#1']);
  });
  it('masks the highlighted text when masking is on, and every unsafe word around it', () => {
    const text = 'Call 404-555-0187 now, Quillfeather.';
    const lines = highlightSource(text, [finding(text, 5, 17)], true);
    // "Call" is also a name: shown only when written in lower case
    expect(shape(lines[0].pieces)).toEqual(['*** ', '[***|0|error]', '#0', ' now, ***.']);
  });
  it('masks astral letters, and overlapping findings never unmask each other', () => {
    const text = 'Dana Ruiz 404-555-0187 and 𝐃𝐚𝐧𝐚 𝐑𝐮𝐢𝐳';
    const lines = highlightSource(text, [finding(text, 0, 22), finding(text, 0, 9), finding(text, 10, 22)], true);
    expect(shape(lines[0].pieces)).toEqual([
      '[***|0,1|error]',
      '#1',
      '[***|0|error]',
      '[***|0,2|error]',
      '#0',
      '#2',
      ' and *** ***',
    ]);
  });
  it('masks suppressed values in plain text too', () => {
    const text = 'call 404-555-0187 or 404-555-0142 now.';
    const lines = highlightSource(text, [finding(text, 5, 17)], true, [{ start: 21, end: 33 }]);
    expect(shape(lines[0].pieces)).toEqual(['call ', '[***|0|error]', '#0', ' or *** now.']);
  });
});

describe('summarize', () => {
  const r = (filePath: string, sevs: Severity[], extra: Partial<FileResult> = {}): FileResult => ({
    filePath,
    findings: sevs.map((severity, i) =>
      finding('x'.repeat(10), i, i + 1, { severity, category: i % 2 ? 'handle' : 'phone', ruleId: `p/${i % 2}` }),
    ),
    source: 'x'.repeat(10),
    ...extra,
  });
  it('counts drafts as blocked, needing review, clean or skipped', () => {
    const s = summarize([
      r('a', ['error', 'warning']),
      r('b', ['warning', 'info']),
      r('c', []),
      r('d', [], { fatal: 'cannot read file (EACCES)' }),
      r('e', [], { skipped: 'binary file' }),
    ]);
    expect(s).toMatchObject({
      checked: 5,
      blocked: 2,
      review: 1,
      clean: 1,
      skipped: 1,
      findings: { error: 1, warning: 2, info: 1 },
    });
  });
  it('groups by category, rule and Safe Harbor identifier (handles count as names)', () => {
    const s = summarize([r('a', ['error', 'warning', 'info'])]);
    expect(s.byCategory.map((c) => [c.category, c.total])).toEqual([
      ['phone', 2],
      ['handle', 1],
    ]);
    expect(s.byRule).toEqual([
      { ruleId: 'p/0', count: 2 },
      { ruleId: 'p/1', count: 1 },
    ]);
    expect(s.bySafeHarbor).toHaveLength(18);
    expect(s.bySafeHarbor.map((x) => x.letter).join('')).toBe('ABCDEFGHIJKLMNOPQR');
    expect(s.bySafeHarbor.find((x) => x.letter === 'A')).toMatchObject({ title: 'Names', count: 1 });
    expect(s.bySafeHarbor.find((x) => x.letter === 'D')).toMatchObject({ count: 2 });
  });
});

describe('the html formatter', () => {
  const text = 'Call Dana Ruiz at 404-555-0187. <script>alert(1)</script> </style>\n';
  const results: FileResult[] = [
    {
      filePath: '/drafts/posts/a "quoted" <name>.md',
      source: text,
      findings: [
        finding(text, 5, 14, { message: 'Name "{match}".', suggestion: 'Leave <it> out.' }),
        finding(text, 18, 30, { category: 'phone', ruleId: 'phi/phone' }),
      ],
    },
    { filePath: '/drafts/clean.txt', source: 'Walk-ins welcome.\n', findings: [] },
  ];

  it('is registered as --format html', async () => {
    expect(await loadFormatter('html')).toBe(html);
  });
  it('masks every matched value by default: messages, highlighted text and attributes', () => {
    const page = html(results, opts());
    for (const raw of ['Dana', 'Ruiz', '404-555-0187', '555', '0187']) expect(page).not.toContain(raw);
    expect(page).toContain('Name &quot;***&quot;.');
    expect(page).not.toMatch(/\p{L}\*|\*{4,}/u); // no initial, no length
    expect(page).toContain('matched values masked');
  });
  it('shows values, with a warning, only when masking is off', () => {
    const page = html(results, opts({ mask: false }));
    expect(page).toContain('Dana Ruiz');
    expect(page).toContain('404-555-0187');
    expect(page).toContain('Values are shown unmasked.');
  });
  it('escapes the draft, the messages and the file names', () => {
    const page = html(results, opts());
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(***)&lt;/script&gt;');
    expect(html(results, opts({ mask: false }))).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page).toContain('posts/a &quot;quoted&quot; &lt;name&gt;.md');
    expect(page).toContain('Leave &lt;it&gt; out.');
  });
  it('is self-contained: no external URL, and a policy that allows only its own style and script', () => {
    const page = html(results, opts());
    // the one kind of link out: a finding's rule page (docs/rules/ in the installed package), never loaded
    const pages = [...page.matchAll(/<a class="rule-page" href="([^"]*)"/g)].map((m) => m[1]);
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) expect(p).toMatch(/^file:\/\/\/.*\/docs\/rules\/[\w/.-]+\.md$/);
    const refs = [
      ...page.replace(/<a class="rule-page" href="[^"]*"/g, '').matchAll(/\s(?:src|href|action|xlink:href)="([^"]*)"/g),
    ].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^(#|data:)/);
    expect(page).not.toMatch(/@import|url\(|@font-face/);
    const style = page.match(/<style>([\s\S]*?)<\/style>/)![1];
    const script = page.match(/<script>([\s\S]*?)<\/script>/)![1];
    const hash = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const csp = page.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(page).not.toMatch(/\sstyle="/);
  });
  it('is accessible by construction: language, landmarks, labelled controls', () => {
    const page = html(results, opts());
    expect(page).toMatch(/<html lang="en"/);
    for (const tag of ['<header', '<main', '<footer', 'role="search"', 'role="status"']) expect(page).toContain(tag);
    expect(page).toMatch(/<label class="field">Category<select name="category">/);
    expect(page).toMatch(/<label class="field grow">Search<input type="search" name="q"/);
    expect(page).toMatch(
      /<button type="button" class="pin sev-error" id="d1-p1" aria-expanded="false" aria-controls="d1-t1"/,
    );
    expect(page).toMatch(
      /<svg class="chart" role="img"[^>]*aria-labelledby="chart-title" aria-describedby="chart-desc"/,
    );
  });
  it('summarises, and renders a draft that could not be read', () => {
    const page = html(
      [...results, { filePath: '/drafts/gone.md', findings: [], fatal: 'cannot read file (ENOENT)' }],
      opts(),
    );
    expect(page).toContain('data-count="checked">3<');
    expect(page).toContain('data-count="blocked">2<');
    expect(page).toContain('data-count="clean">1<');
    expect(page).toContain('Could not be checked: cannot read file (ENOENT).');
    expect(page).toContain('<title>phi-lint report: 2 of 3 drafts blocked</title>');
  });
  it('renders an empty run', () => {
    const page = html([], opts());
    expect(page).toContain('No drafts were checked.');
    expect(page).toContain('data-count="checked">0<');
  });
  it('is deterministic (a pure function of the results)', () => {
    expect(html(results, opts())).toBe(html(results, opts()));
  });
});

describe('phi-lint --format html', () => {
  it('writes the report to --output-file, masked when output is not a terminal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-lint-html-'));
    const out = join(dir, 'report.html');
    const r = phiLint([DRAFTS, '--format', 'html', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    for (const raw of ['404-555-0187', 'Dana Ruiz', 'priya.n@mailbox.example', 'last Tuesday'])
      expect(page).not.toContain(raw);
    expect(page).toContain('data-count="checked">6<');
  });
  it('prints to standard output, and --show-values reveals the values', () => {
    const r = phiLint([join(DRAFTS, 'posts', 'patient-story.md'), '-f', 'html', '--show-values']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('404-555-0187');
    expect(r.stdout).toContain('Values are shown unmasked.');
  });
  it('reports an unreadable path and a binary file in the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-lint-html-'));
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'a.txt'), 'Call 404-555-0187.\n');
    // not a draft by name, matched by a glob: skipped (a draft-named file is linted or an error: gate-files.test.ts)
    writeFileSync(join(dir, 'd', 'blob'), Buffer.from([0x50, 0x4b, 3, 4, 0x14, 0, 8, 0, 8, 0]));
    const r = phiLint(['d', 'd/*b', 'missing.md', '-f', 'html', '-o', 'r.html'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'r.html'))).toBe(true);
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(page).toContain('Could not be checked:');
    expect(page).toContain('Skipped: binary file');
    expect(page).toContain('data-count="skipped">1<');
  });
});

describe('the demonstration rules used by the report tests', () => {
  // Alone: the shipped packs may claim the same words (one finding per category per place).
  const linter = createLinter({ config: join(DRAFTS, '.phi-lint.yaml'), builtin: false });
  const demo = linter.prepared.ruleSet.rules.filter((r) => r.pack === 'report-demo');
  it('load', () => expect(demo.length).toBe(6));
  for (const rule of demo) {
    it(`${rule.id} fires on its examples and stays silent on the others`, async () => {
      const kind = rule.examples.kind ?? 'post';
      for (const t of rule.examples.fire)
        expect((await linter.lint(t, { kind, format: 'md' })).findings.map((f) => f.ruleId)).toContain(rule.id);
      for (const t of rule.examples.silent)
        expect((await linter.lint(t, { kind, format: 'md' })).findings.map((f) => f.ruleId)).not.toContain(rule.id);
    });
  }
});

describe('masking defaults for a report file', () => {
  slow('masks a report written with --output-file even when run from a terminal', async () => {
    const { run } = await import('../src/cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'phi-lint-html-'));
    writeFileSync(join(dir, 'a.txt'), 'Call 404-555-0187.\n');
    const env = { cwd: dir, env: {}, stdoutIsTTY: true, stdinIsTTY: true, readStdin: async () => Buffer.alloc(0) };
    expect((await run(['a.txt', '-f', 'html', '-o', 'r.html'], env)).exitCode).toBe(1);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).not.toContain('404-555-0187');
    expect((await run(['a.txt', '-f', 'html', '-o', 'r.html', '--show-values'], env)).exitCode).toBe(1);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('404-555-0187');
    // Standard output to a terminal keeps showing values, as before.
    expect((await run(['a.txt'], env)).stdout).toContain('404-555-0187');
  });
});

describe('the stylesheet and the script are real files', () => {
  it('src/formatters/html/report.css and report.js are inlined as they are, in src/ and in the build', async () => {
    const page = html([{ filePath: '/drafts/a.md', findings: [], source: 'Thanks!\n' }], opts());
    for (const name of ['report.css', 'report.js']) {
      const text = readFileSync(join(ROOT, 'src', 'formatters', 'html', name), 'utf8');
      expect(text.length).toBeGreaterThan(1000);
      expect(page).toContain(text);
      expect(readFileSync(join(ROOT, 'dist', 'formatters', 'html', name), 'utf8')).toBe(text);
    }
    // the page's content security policy allows exactly what is inlined
    const css = readFileSync(join(ROOT, 'src', 'formatters', 'html', 'report.css'), 'utf8');
    const hash = createHash('sha256').update(`\n${css}`).digest('base64');
    expect(page).toContain(`'sha256-${hash}'`);
  });
});
