// `phi-lint handbook`: the practice's social-media handbook from the active configuration,
// in Markdown and as a self-contained printable HTML page (tests/handbook.browser.test.ts
// prints it in Chromium).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, loadRuleSet } from '../src/rules/load.js';
import { ROOT } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';

const EXAMPLES = join(ROOT, 'fixtures', 'examples');
const TODAY = { PHI_LINT_TODAY: '2026-03-02' };
const rules = loadRuleSet([BUILTIN_RULES_DIR]).rules;

describe('phi-lint handbook', () => {
  it("Markdown: the practice, date and rules version on the cover, the dos and don'ts, every active rule", async () => {
    const r = await cli(['handbook'], { cwd: EXAMPLES, env: TODAY });
    expect(r.exitCode).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^# Peachtree Family Dental: social media and review replies\n/);
    expect(md).toContain('- Date: 2026-03-02');
    expect(md).toMatch(/- Rules version: phi-lint \d+\.\d+\.\d+, rule packs [0-9a-f]{12}\n/);
    for (const heading of [
      'What counts as protected health information',
      'What puts a patient at risk',
      'What is fine to post',
      'Replying to a review',
      "When a patient's own comment reveals health information",
      "Recording a patient's written authorization",
      'The rules phi-lint checks',
    ])
      expect(md).toContain(`\n## ${heading}\n`);
    expect(md).toContain('- (A) Names');
    expect(md).toContain('- (R) Any other unique identifying number, characteristic, or code');
    expect(md).toContain('Never reply in the heat of the moment.');
    expect(md).toContain(
      '> Thank you for your feedback. Privacy rules keep us from discussing any visit online; please call us at (404) 555-0100.',
    );
    // every active rule (the example config sets phi/zip to warning; none is off) with why, example and rewrite
    const ruleBlocks = md.split('\n### ').slice(1);
    expect(ruleBlocks).toHaveLength(rules.length);
    for (const rule of rules) {
      const block = ruleBlocks.find((b) => b.includes(`\`${rule.id}\` · `));
      expect(block, rule.id).toBeDefined();
      expect(block).toContain(`**Why:** ${rule.why.replace(/\s+/g, ' ').trim()}`);
      expect(block).toContain(`**Flagged:** "${rule.examples.fire[0]}"`);
      expect(block).toContain('**Write instead:** ');
      expect(block).not.toContain('{practice.phone}');
    }
    expect(md).toContain('please call our practice manager at (404) 555-0100 so we can look into it.');
  });

  it("leaves out rules the configuration switches off, and uses the practice's own reply template", async () => {
    const dir = tmpProject({
      '.phi-lint.yaml':
        'practice:\n  name: Maple Street Pediatrics\n  phones: ["(312) 555-0142"]\nrules: { phi/fax: off }\npacks: { post: false }\nfix: { reply-template: "Thanks for writing. Please call {phone} so we can help." }\n',
    });
    const md = (await cli(['handbook'], { cwd: dir, env: TODAY })).stdout;
    expect(md).toMatch(/^# Maple Street Pediatrics/);
    expect(md).not.toContain('`phi/fax`');
    expect(md).not.toContain('`post/testimonial`');
    expect(md).toContain('`phi/phone`');
    expect(md).toContain('> Thanks for writing. Please call (312) 555-0142 so we can help.');
  });

  it('HTML: one self-contained page with the same content, escaped', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'practice:\n  name: "Smith & <Jones> Dental"\n  phones: ["(404) 555-0100"]\n',
    });
    const r = await cli(['handbook', '--format', 'html'], { cwd: dir, env: TODAY });
    expect(r.exitCode).toBe(0);
    const page = r.stdout;
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<h1>Smith &amp; &lt;Jones&gt; Dental</h1>');
    expect(page).not.toContain('<Jones>');
    expect(page).toContain('<dt>Date</dt><dd>2026-03-02</dd>');
    expect(page).toMatch(/<dt>Rules version<\/dt><dd>phi-lint [\d.]+, rule packs [0-9a-f]{12}<\/dd>/);
    expect(page.match(/<article class="rule"/g)).toHaveLength(rules.length);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script|\ssrc=|\shref=|@import|url\(/);
  });

  it('-o writes the file (creating its folder); a bad config is exit 2 naming the file', async () => {
    const dir = tmpProject({ '.phi-lint.yaml': 'practice:\n  name: Maple Dental\n' });
    const r = await cli(['handbook', '-f', 'html', '-o', 'out/handbook.html'], { cwd: dir, env: TODAY });
    expect(r).toMatchObject({ exitCode: 0, stdout: '' });
    expect(r.stderr).toContain('wrote the handbook');
    expect(readFileSync(join(dir, 'out', 'handbook.html'), 'utf8')).toContain('<h1>Maple Dental</h1>');
    const bad = tmpProject({ '.phi-lint.yaml': 'practise:\n  name: x\n' });
    const e = await cli(['handbook'], { cwd: bad });
    expect(e.exitCode).toBe(2);
    expect(e.stderr).toMatch(/^phi-lint: .*\.phi-lint\.yaml/);
    expect((await cli(['handbook', '-f', 'pdf'], { cwd: dir })).exitCode).toBe(2);
  });

  it('the rules version changes when a rule pack changes', async () => {
    const pack =
      'rules:\n  - id: clinic/x\n    category: mrn\n    severity: error\n    message: m\n    why: w\n    detect:\n      - pattern: "chart (?<id>\\\\d{6})"\n    examples: { fire: ["chart 123456"], silent: ["x"] }\n';
    const a = tmpProject({ '.phi-lint.yaml': 'rule-dirs: [compliance]\n', 'compliance/clinic.yaml': pack });
    const b = tmpProject({
      '.phi-lint.yaml': 'rule-dirs: [compliance]\n',
      'compliance/clinic.yaml': pack.replace('error', 'warning'),
    });
    const version = async (dir: string): Promise<string> =>
      /rule packs ([0-9a-f]{12})/.exec((await cli(['handbook'], { cwd: dir, env: TODAY })).stdout)![1]!;
    expect(await version(a)).not.toBe(await version(b));
    expect(await version(a)).toBe(await version(a));
  });
});
