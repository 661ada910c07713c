// No rule can hang a run, whatever pattern a rule pack holds. The load-time analysis
// (regex/safety.ts) refuses the shapes it knows; these patterns pass it and still
// backtrack for minutes on a line of a few thousand characters. Every regular expression of
// a pack that did not ship with phi-lint — patterns, terms, hotwords, exclude-, extend- and
// unless-inside lists — runs under a time budget per rule and draft (matchers/budget.ts):
// past it the draft gets a clear error naming the rule (exit 2) and the other drafts are
// still reported. The runs are child processes with a deadline, so that a hang fails the
// test instead of stalling the suite.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { PhiLintError } from '../src/errors.js';
import { linearTerms } from '../src/matchers/budget.js';
import { scanWindows } from '../src/regex/scan.js';
import { compileHotwords, compileTerms } from '../src/matchers/terms.js';
import { BIN, ROOT } from './helpers.js';
import { tempDir } from './support/temp-dirs.js';

/** A line of word characters without long runs of one character (those are shortened before matching). */
const words = (n: number): string => Array.from({ length: n }, (_, i) => 'abcdefghij'[(i * 7) % 10]).join('');
/** Runs of spaces between words: what a term list with stand-alone hyphens backtracks on. */
const spaced = (n: number): string => `zz ${`a${' '.repeat(24)}c `.repeat(Math.ceil(n / 27))}`;

const FINE = `  - id: custom/fine
    category: device
    severity: error
    message: A device number.
    why: w
    detect:
      - pattern: '\\bZQX-(?<id>\\d{6})\\b'
    examples: { fire: [ZQX-482913], silent: [x] }
`;

/** A pack with a harmless rule and `custom/evil`, whose detector (and extra keys) are given. */
function evilPack(detector: string, extra = ''): string {
  return `rules:\n${FINE}  - id: custom/evil\n    category: name\n    severity: error\n    message: m\n    why: w\n    detect:\n      - ${detector}\n${extra}    examples: { fire: [x], silent: [y] }\n`;
}

const project = (pack: string, drafts: Record<string, string>): string =>
  tempDir({ 'rules/custom.yaml': pack, ...drafts }, 'phi-lint-budget-');

interface Outcome {
  status: number | null;
  ms: number;
  stderr: string;
  results: { filePath: string; messages: { ruleId: string | null; fatal?: boolean; message: string }[] }[];
}

/** The CLI over a project, with a deadline (a hang is killed and fails the test). */
function lint(dir: string, args: string[], budgetMs?: number): Outcome {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), FORCE_COLOR: '0' };
  delete env.CI;
  if (budgetMs !== undefined) env.PHI_LINT_RULE_BUDGET_MS = String(budgetMs);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, '--rules', 'rules', '-f', 'json', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env,
    timeout: 45_000,
    killSignal: 'SIGKILL',
  });
  const ms = Date.now() - t0;
  let results: Outcome['results'] = [];
  try {
    results = JSON.parse(r.stdout) as Outcome['results'];
  } catch {
    // killed, or no report: the assertions below say so
  }
  return { status: r.status, ms, stderr: r.stderr, results };
}

const fatalOf = (o: Outcome, file: string): string | undefined =>
  o.results.find((r) => r.filePath.endsWith(file))?.messages.find((m) => m.fatal)?.message;

/** The line (1-based) of the evil rule's YAML that holds `key`. */
function lineOf(pack: string, key: string): number {
  const lines = pack.split('\n');
  const from = lines.findIndex((l) => l.includes('custom/evil'));
  return lines.findIndex((l, i) => i > from && l.includes(key)) + 1;
}

// [what, detector, extra rule keys, the key the error points at, the hostile draft's text]
const CASES: [string, string, string, string, string][] = [
  ['four word quantifiers in a row', "pattern: '(?<id>\\w*\\w*\\w*\\w*!)'", '', 'pattern:', words(2000)],
  ['three word quantifiers, 20,000 characters', "pattern: '\\w*\\w*\\w*x'", '', 'pattern:', words(20_000)],
  ['overlapping classes', "pattern: '[a-z]*[a-z0-9]*[0-9a-z]*!'", '', 'pattern:', words(20_000)],
  [
    'an alternation whose branches overlap, behind a group',
    "pattern: '(?:(?:a|ab)b?)*c'",
    '',
    'pattern:',
    `zz ${'ab'.repeat(5000)}`,
  ],
  ['a lookahead', "pattern: '\\b(?=\\w*\\w*\\w*\\w*!)\\w+'", '', 'pattern:', words(2000)],
  ['a lookbehind', "pattern: '(?<=!\\w*\\w*\\w*\\w*)x'", '', 'pattern:', words(2000)],
  ['a counted group of counted words', "pattern: '(?:\\w{1,9}){1,9}!'", '', 'pattern:', words(2000)],
  ['digits with optional separators', "pattern: '(?:\\d+-?){2,5}x'", '', 'pattern:', `zz ${'1234567890'.repeat(500)}`],
  ['words with optional spaces', "pattern: '\\w+\\s*\\w+\\s*\\w+\\s*\\w+!'", '', 'pattern:', words(2000)],
  // (a `/regex/` hotword runs only where the text holds the literals it needs: here "!")
  [
    'a /regex/ hotword',
    "pattern: '\\bzz\\b'",
    "    context: { scope: sentence, require: ['/\\w*\\w*\\w*\\w*!/'] }\n",
    'require:',
    `zz ${words(1400)} !`,
  ],
  [
    'an exclude-pattern',
    "{ pattern: '[a-j]{20,}', exclude-pattern: '\\w*\\w*\\w*\\w*!' }",
    '',
    'exclude-pattern:',
    words(2000),
  ],
  [
    'a /regex/ in exclude-terms',
    "{ pattern: '[a-j]{20,}', exclude-terms: ['/\\w*\\w*\\w*\\w*x/'] }",
    '',
    'exclude-terms:',
    words(2000),
  ],
  [
    'an extend-pattern',
    "{ pattern: '\\bzz\\b', extend-pattern: '\\s\\w*\\w*\\w*\\w*!' }",
    '',
    'extend-pattern:',
    `zz ${words(2000)}`,
  ],
  ['a term with stand-alone hyphens', "terms: ['a - - - - - - - - b']", '', 'terms:', spaced(2000)],
  [
    'unless-inside with stand-alone hyphens',
    "{ pattern: '\\bzz\\b', unless-inside: ['a - - - - - - - - b'] }",
    '',
    'unless-inside:',
    spaced(2000),
  ],
];

describe('no custom rule can hang a run', () => {
  it.each(CASES)(
    '%s: the draft gets an error naming the rule, the others are reported',
    (_, detector, extra, key, text) => {
      const pack = evilPack(detector, extra);
      const dir = project(pack, {
        'good.md': 'Our new gadget ZQX-482913 shipped.\n',
        'evil.md': `Intro.\n\n${text}\n`,
      });
      const o = lint(dir, ['good.md', 'evil.md'], 500);
      expect(o.ms, 'the run finished in time').toBeLessThan(20_000);
      expect(o.status).toBe(2);
      const fatal = fatalOf(o, 'evil.md');
      expect(fatal).toMatch(new RegExp(`rules/custom\\.yaml:${lineOf(pack, key)}:\\d+: rule "custom/evil"`));
      expect(fatal).toMatch(/ran out of time/);
      expect(o.stderr).toContain('custom/evil');
      // the other draft is linted and reported as usual
      expect(o.results.find((r) => r.filePath.endsWith('good.md'))?.messages.map((m) => m.ruleId)).toEqual([
        'custom/fine',
      ]);
    },
  );

  it('with the default budget, the headline pattern on a 2,000-character line stops within seconds', () => {
    const pack = evilPack("pattern: '(?<id>\\w*\\w*\\w*\\w*!)'");
    const dir = project(pack, { 'evil.md': `${words(2000)}\n` });
    const o = lint(dir, ['evil.md']);
    expect(o.ms).toBeLessThan(15_000);
    expect(o.status).toBe(2);
    expect(fatalOf(o, 'evil.md')).toMatch(
      new RegExp(
        `rules/custom\\.yaml:${lineOf(pack, 'pattern:')}:\\d+: rule "custom/evil": its pattern ran out of time`,
      ),
    );
  });

  // (Not `…!`: with plans, the literal prefilter would try it only next to a "!".)
  it('a rule that ran out of time on three drafts is not run again: many hostile drafts cost three budgets per thread', () => {
    const pack = evilPack("pattern: '(?<id>\\w*\\w*\\w*\\w*x)'");
    const drafts: Record<string, string> = { 'good.md': 'Our new gadget ZQX-482913 shipped.\n' };
    for (let i = 0; i < 10; i++) drafts[`evil-${i}.md`] = `${words(2000 + i)}\n`;
    const dir = project(pack, drafts);
    const o = lint(dir, ['--threads', '2', '.'], 1500);
    expect(o.status).toBe(2);
    // every draft needs the rule (no literal rules it out), good.md too
    const fatals = o.results.map((r) => fatalOf(o, r.filePath)).filter((f): f is string => !!f);
    expect(fatals).toHaveLength(11);
    // at most three per thread spend the budget; the others are told at once
    expect(fatals.filter((f) => /ran out of time on this draft/.test(f)).length).toBeLessThanOrEqual(6);
    expect(fatals.filter((f) => /was stopped earlier in this run/.test(f)).length).toBeGreaterThanOrEqual(5);
    expect(fatals.every((f) => f.includes('rules/custom.yaml') && f.includes('custom/evil'))).toBe(true);
  });

  it('a pattern that is slow only on hostile text gives its findings on ordinary text', () => {
    const pack = evilPack("pattern: '\\b(?<id>\\w*\\w*\\w*x)\\b'");
    const dir = project(pack, { 'ok.md': 'Bring a box of tea.\n' });
    const o = lint(dir, ['ok.md'], 500);
    expect(o.status).toBe(1);
    expect(o.results[0].messages.map((m) => [m.ruleId, m.fatal ?? false])).toEqual([['custom/evil', false]]);
  });

  it('a /regex/ hotword is not run where the text lacks a literal it needs: hostile text, correct result', () => {
    const pack = evilPack("pattern: '\\bzz\\b'", "    context: { scope: sentence, forbid: ['/\\w*\\w*\\w*\\w*!/'] }\n");
    const dir = project(pack, { 'long.md': `zz ${words(1400)}\n` });
    const o = lint(dir, ['long.md'], 500);
    expect(o.status).toBe(1);
    expect(o.results[0].messages.map((m) => [m.ruleId, m.fatal ?? false])).toEqual([['custom/evil', false]]);
  });

  it('budgeted hotword lists, exclusions and extensions give the same findings as before', async () => {
    const pack = evilPack(
      "{ pattern: '\\bzz\\d\\b', exclude-pattern: 'zz9', exclude-terms: ['/zz8/'], extend-pattern: '-[a-z]+', unless-inside: [big zz7] }",
      "    context: { scope: sentence, require: ['/\\bpatients?\\b/', client, '/\\p{Lu}{3}/u'], forbid: [sample] }\n",
    );
    const dir = project(pack, {});
    const linter = createLinter({ rules: [join(dir, 'rules')], builtin: false });
    const found = async (text: string): Promise<string[]> =>
      (await linter.lint(text)).findings.filter((f) => f.ruleId === 'custom/evil').map((f) => f.match);
    expect(await found('Our patient zz1 called.')).toEqual(['zz1']);
    expect(await found('The client zz2-abc called.')).toEqual(['zz2-abc']);
    expect(await found('The ABC list: zz3.')).toEqual(['zz3']);
    expect(await found('Our friend zz1 called.')).toEqual([]);
    expect(await found('Our sample patient zz1 called.')).toEqual([]);
    expect(await found('Our patient zz9 and zz8 called.')).toEqual([]);
    expect(await found('Our patient saw the big zz7 today.')).toEqual([]);
  });

  it('the programmatic API throws the same error (no bin flags needed), naming the rule', () => {
    const pack = evilPack("pattern: '(?<id>\\w*\\w*\\w*\\w*!)'");
    const dir = project(pack, {});
    const script = `
      import { createLinter } from ${JSON.stringify(join(ROOT, 'dist', 'api.js'))};
      const linter = createLinter({ rules: ['rules'] });
      const words = ${JSON.stringify(words(2000))};
      try { await linter.lint(words); console.log('no error'); } catch (e) { console.log(e.constructor.name, String(e)); }
      console.log(JSON.stringify((await linter.lint('Our new gadget ZQX-482913 shipped.')).findings.map((f) => f.ruleId)));
    `;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 45_000,
      killSignal: 'SIGKILL',
      env: { ...process.env, PHI_LINT_RULE_BUDGET_MS: '500' },
    });
    expect(Date.now() - t0).toBeLessThan(20_000);
    const [first, second] = r.stdout.trim().split('\n');
    expect(first).toMatch(
      new RegExp(
        `^PhiLintError rules/custom\\.yaml:${lineOf(pack, 'pattern:')}:\\d+: rule "custom/evil": its pattern ran out of time`,
      ),
    );
    expect(JSON.parse(second)).toEqual(['custom/fine']);
  });

  it('only packs that did not ship with phi-lint are budgeted (the built-in packs keep their speed)', () => {
    const pack = evilPack(
      "{ pattern: 'x+', exclude-pattern: 'y', extend-pattern: 'z' }",
      '    context: { require: [you] }\n',
    );
    const dir = project(pack, {});
    const linter = createLinter({ rules: [join(dir, 'rules')] });
    const rules = linter.prepared.ruleSet.rules;
    const builtin = rules.filter((r) => !r.id.startsWith('custom/'));
    expect(builtin.length).toBeGreaterThan(10);
    expect(builtin.every((r) => r.detectors.every((d) => d.budget === undefined))).toBe(true);
    const evil = rules.find((r) => r.id === 'custom/evil')!;
    expect(evil.detectors[0].budget).toBeDefined();
    expect(evil.detectors[0].extend?.constructor.name).toBe('BudgetedRegExp');
    expect(evil.detectors[0].excludePattern?.constructor.name).toBe('BudgetedRegExp');
    expect(readFileSync(join(dir, 'rules', 'custom.yaml'), 'utf8')).toContain('custom/evil');
  });
});

describe('the budget itself', () => {
  it('stops a regex that backtracks, with the rule and where its pattern is', async () => {
    const { RuleBudget, guard, startDraft, STRIKES } = await import('../src/matchers/budget.js');
    const site = {
      budget: new RuleBudget('custom/evil', 50),
      what: 'pattern',
      file: 'rules/custom.yaml',
      line: 12,
      column: 18,
    };
    const evil = (): boolean => /\w*\w*\w*\w*!/.test(words(2000));
    startDraft();
    const t0 = Date.now();
    let err: unknown;
    try {
      guard(site, evil);
    } catch (e) {
      err = e;
    }
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(err).toBeInstanceOf(PhiLintError);
    expect(String(err)).toMatch(
      /^rules\/custom\.yaml:12:18: rule "custom\/evil": its pattern ran out of time on this draft \(50 ms\)/,
    );
    // results of work within the budget come back unchanged, errors thrown inside too
    const ok = { ...site, budget: new RuleBudget('custom/ok', 1000) };
    expect(guard(ok, () => /b/.exec('abc')?.index)).toBe(1);
    expect(() => guard(ok, () => JSON.parse('{'))).toThrow(SyntaxError);
    // the rest of this draft is refused at once; the next draft gets a new budget
    expect(() => guard(site, () => 1)).toThrow(/ran out of time on this draft/);
    startDraft();
    expect(guard(site, () => 1)).toBe(1);
    // until the rule has run out of time on STRIKES drafts: then it is stopped for good
    for (let i = 1; i < STRIKES; i++) {
      startDraft();
      expect(() => guard(site, evil)).toThrow(/ran out of time on this draft/);
    }
    startDraft();
    expect(() => guard(site, () => 1)).toThrow(/^rule "custom\/evil" was stopped earlier in this run/);
  });

  it('time spent is added up over a draft, and starts again on the next', async () => {
    const { RuleBudget, guard, startDraft } = await import('../src/matchers/budget.js');
    const budget = new RuleBudget('custom/slowish', 1000);
    const site = { budget, what: 'pattern', file: 'r.yaml', line: 1, column: 1 };
    const spin = (ms: number): void => {
      const until = Date.now() + ms;
      while (Date.now() < until);
    };
    startDraft();
    guard(site, () => spin(300));
    guard(site, () => spin(300));
    expect(() => guard(site, () => spin(600))).toThrow(/ran out of time/);
    const fresh = { ...site, budget: new RuleBudget('custom/other', 1000) };
    startDraft();
    guard(fresh, () => spin(600));
    startDraft();
    guard(fresh, () => spin(600)); // a new draft: a new budget
  });
});

describe('term lists that need no budget', () => {
  // linearTerms lets a user's term list run unguarded: the regex terms.ts builds from such a
  // list finishes on hostile text whatever the terms (and the lists it refuses really do not).
  const term = fc
    .array(fc.constantFrom('a', 'b', 'ab', 'ba', 'a', 'b', '-', '--', ' ', '   ', '\\', '.', "'s"), {
      minLength: 1,
      maxLength: 10,
    })
    .map((p) => p.join(''));
  const texts = [
    ' '.repeat(3000),
    'a '.repeat(1500),
    'a - '.repeat(800),
    'a-'.repeat(1500),
    `a${' '.repeat(40)}`.repeat(70),
    'a - b '.repeat(500),
  ];
  it('a term list linearTerms accepts finishes on hostile text, as a detector and as hotwords', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 2 }), (terms) => {
        if (!terms.some((t) => t.trim()) || !linearTerms(terms)) return;
        accepted++;
        const re = compileTerms(terms, { inflect: true })!;
        const hot = compileHotwords(terms)!;
        for (const text of texts) {
          const t0 = Date.now();
          scanWindows(re, text);
          hot.test(text);
          expect(Date.now() - t0, JSON.stringify(terms)).toBeLessThan(1000);
        }
      }),
      { numRuns: 400, seed: 12 },
    );
    expect(accepted).toBeGreaterThan(40);
  }, 120_000);
  it('refuses hyphens at the edge of a word, two in a row, and backslashes', () => {
    expect(linearTerms(['root canal', 'x-ray', 'follow-up visit', "Sarah's", 'U.S.'])).toBe(true);
    for (const t of ['a - b', 'a- b', 'a -b', 'a--b', 'a\\-b', '-']) expect(linearTerms([t]), t).toBe(false);
  });
});
