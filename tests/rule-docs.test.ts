// Rule documentation: docs/rules/ pages generated from the packs (a test fails when one is
// stale), `phi-lint rules --json` with each rule's message, why, suggestion and examples,
// and SARIF rules with a title without empty "()", a full description and a helpUri.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS_DIR, ruleDocPages, ruleTitle } from '../src/handbook/rule-docs.js';
import { META_RULES } from '../src/meta-rules.js';
import { BUILTIN_RULES_DIR, loadRuleSet } from '../src/rules/load.js';
import { phiLint, ROOT } from './helpers.js';
import { sarifErrors } from './report-checks.js';
import { cli, tmpProject } from './tmp-project.js';

const ruleSet = loadRuleSet([BUILTIN_RULES_DIR]);

function mdFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? mdFiles(join(dir, e.name))
      : e.name.endsWith('.md')
        ? [relative(RULE_DOCS_DIR, join(dir, e.name)).split('\\').join('/')]
        : [],
  );
}

describe('docs/rules', () => {
  const pages = ruleDocPages(ruleSet);

  it('has one page per rule, escalation and phi-lint check, and an index', () => {
    expect(RULE_DOCS_DIR).toBe(join(ROOT, 'docs', 'rules/'));
    for (const r of ruleSet.rules) expect(pages.has(`${r.id}.md`), r.id).toBe(true);
    for (const m of META_RULES) expect(pages.has(`${m.id}.md`), m.id).toBe(true);
    expect(pages.has('phi/combined-identifiers.md')).toBe(true);
    const index = pages.get('README.md')!;
    for (const r of ruleSet.rules) expect(index).toContain(`[\`${r.id}\`](${r.id}.md)`);
  });

  it('a page says the category, identifier or Privacy Rule section, why, examples and the rewrite', () => {
    const phone = pages.get('phi/phone.md')!;
    expect(phone).toContain('Safe Harbor identifier (D), no. 4 of 18: Telephone numbers — 45 CFR 164.514(b)(2)(i)(D)');
    expect(phone).toContain('## Why\n\nA phone number that is not the practice');
    expect(phone).toContain('- ✖ `Call Dana at 404-555-0187 if anything changes.`');
    expect(phone).toContain("## How to rewrite\n\nRemove the number, or use the practice's main number.");
    const argues = pages.get('reply/argues-facts.md')!;
    expect(argues).toContain('Privacy Rule, 45 CFR 164.502(a)');
    expect(argues).toContain("<the practice's phone>");
    expect(argues).not.toContain('{practice.phone}');
  });

  it('every page on disk is what the packs generate (run `node scripts/gen-rule-docs.mjs --write` after changing a rule)', () => {
    const stale = [...pages]
      .filter(
        ([p, text]) => !existsSync(join(RULE_DOCS_DIR, p)) || readFileSync(join(RULE_DOCS_DIR, p), 'utf8') !== text,
      )
      .map(([p]) => p);
    expect(stale).toEqual([]);
    expect(mdFiles(RULE_DOCS_DIR).filter((p) => !pages.has(p))).toEqual([]);
  });

  it('a changed why makes a page stale (the check can fail)', () => {
    const changed = {
      ...ruleSet,
      rules: ruleSet.rules.map((r) => (r.id === 'phi/fax' ? { ...r, why: `${r.why} More.` } : r)),
    };
    const page = ruleDocPages(changed).get('phi/fax.md')!;
    expect(page).not.toBe(readFileSync(join(RULE_DOCS_DIR, 'phi/fax.md'), 'utf8'));
  });
});

describe('rule titles', () => {
  it('drop the matched value with its quotes and parentheses', () => {
    expect(ruleTitle('The reply addresses the reviewer by name ("{match}").')).toBe(
      'The reply addresses the reviewer by name.',
    );
    expect(ruleTitle('A person is named ("{match}\'s …").')).toBe('A person is named.');
    expect(ruleTitle('Age over 89 ("{match}"): ages of 90 and up are rare.')).toBe(
      'Age over 89: ages of 90 and up are rare.',
    );
    expect(ruleTitle('Phone number "{match}" — not the practice\'s own.')).toBe(
      "Phone number — not the practice's own.",
    );
    for (const r of ruleSet.rules) expect(ruleTitle(r.message), r.id).not.toMatch(/\(\s*\)|\{match\}|""|\s[.,:]/);
  });
});

describe('rules --json', () => {
  it("includes each rule's message, title, why, suggestion (with the practice's phone), examples and docs page", async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'practice:\n  name: Maple Dental\n  phones: ["(404) 555-0100"]\n' });
    const r = await cli(['rules', '--json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(ruleSet.rules.length);
    const argues = list.find((x) => x.id === 'reply/argues-facts')!;
    expect(argues).toMatchObject({
      message: 'The draft argues with facts of the person\'s visit ("{match}").',
      title: "The draft argues with facts of the person's visit.",
      defaultSeverity: 'error',
      examples: {
        fire: expect.arrayContaining(['Our records show you arrived 20 minutes late.']),
        silent: expect.any(Array),
        kind: 'reply',
      },
    });
    expect(argues.why).toMatch(/^Answering a complaint .* 164\.508 \(authorizations\)\.$/);
    expect(argues.suggestion).toContain('(404) 555-0100');
    expect(argues.helpUri).toBe(`file://${join(ROOT, 'docs', 'rules', 'reply', 'argues-facts.md')}`);
    for (const x of list) {
      expect(typeof x.why, String(x.id)).toBe('string');
      expect((x.examples as { fire: string[] }).fire.length, String(x.id)).toBeGreaterThan(0);
    }
  });
});

describe('sarif rules', () => {
  const dir = tmpProject({ 'a.md': 'Hi Desmond, call 404-555-0187.\n' });
  const custom = join(ROOT, 'tests', 'fixtures', 'all-categories', 'rules');
  const r = phiLint(['-f', 'sarif', '--rules', custom, '--kind', 'reply', 'a.md'], { cwd: dir });
  const log = JSON.parse(r.stdout) as {
    runs: {
      tool: {
        driver: {
          rules: {
            id: string;
            helpUri?: string;
            shortDescription: { text: string };
            fullDescription?: { text: string };
          }[];
        };
      };
    }[];
  };
  const rules = log.runs[0]!.tool.driver.rules;

  it('validate against the SARIF 2.1.0 schema', () => {
    expect(sarifErrors(log)).toBe('');
    expect(rules.length).toBeGreaterThan(70);
  });

  it('have no empty () in their title, a full description and a helpUri to the rule page', () => {
    for (const rule of rules) {
      expect(rule.shortDescription.text, rule.id).not.toMatch(/\(\s*\)|\{match\}/);
      expect(rule.fullDescription?.text.length, rule.id).toBeGreaterThan(0);
      expect(rule.helpUri, rule.id).toMatch(/^file:\/\/\//);
    }
    const greets = rules.find((x) => x.id === 'reply/greets-reviewer')!;
    expect(greets.shortDescription.text).toBe('The reply addresses the reviewer by name.');
    expect(greets.helpUri).toBe(`file://${join(ROOT, 'docs', 'rules', 'reply', 'greets-reviewer.md')}`);
    expect(existsSync(fileURLToPath(greets.helpUri!))).toBe(true);
    // a rule from the user's own pack points at its pack file
    const own = rules.find((x) => x.id.startsWith('all-categories/'))!;
    expect(own.helpUri).toMatch(/^file:\/\/.*\/tests\/fixtures\/all-categories\/rules\/.*\.ya?ml$/);
  });
});

describe('the HTML report', () => {
  it("links each finding to its rule's page", () => {
    const dir = tmpProject({ 'a.md': 'Call Dana at 404-555-0187.\n' });
    const page = phiLint(['-f', 'html', 'a.md'], { cwd: dir }).stdout;
    const phone = `file://${join(ROOT, 'docs', 'rules', 'phi', 'phone.md')}`;
    expect(page).toContain(`<a class="rule-page" href="${phone}" title="The rule's page"><code>phi/phone</code></a>`);
  });
});
