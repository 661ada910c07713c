// Issue 15.10: `--fix` never writes text that phi-lint/placeholder then blocks. A fix whose
// replacement is publishable (the approved reply template) is applied; one that would leave a
// placeholder ("[LOCATION]", "[PHOTO]", "[DATE]") is a suggestion: ESLint's
// `suggestions: [{ desc, fix: { range, text } }]` in JSON, a "suggestion:" line in stylish,
// never applied by --fix. `phi-lint redact` still writes placeholders (a copy for sharing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/documents/load.js';
import { applyEdits } from '../src/fix/edits.js';
import { planFixes } from '../src/fix/plan.js';
import { findingAt } from './support/findings.js';
import { cli, tmpProject } from './tmp-project.js';

const POST =
  '# Open house\n\nWe loved seeing Sarah Whitfield from Decatur at her visit on March 3, 2025!\n\n' +
  '![Sarah in the chair](sarah-chair.jpg)\n\nCall us at 404-555-0187.\n';

const PRACTICE =
  'practice:\n  name: Peachtree Smiles\n  phones: ["(404) 555-0100"]\nkinds: { reply: ["replies/**"] }\n';

interface Message {
  ruleId: string;
  category: string;
  fixable?: boolean;
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}

describe('--fix: placeholders are suggestions, not edits', () => {
  it('a post whose fixes would leave [LOCATION], [PHOTO], [DATE] is left byte-identical; the summary counts the suggestions', async () => {
    const dir = tmpProject({ 'a.md': POST });
    const r = await cli(['--fix', 'a.md'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(POST);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^phi-lint: 0 fixed, 6 suggestions not applied \(each would leave a placeholder/m);
    expect(r.stdout).not.toContain('phi-lint/placeholder');
    expect(r.stdout).toContain('suggestion:');
  });

  it('JSON carries ESLint suggestions (desc, fix.range, fix.text) on the message, and no fixable flag', async () => {
    const dir = tmpProject({ 'a.md': POST });
    const [file] = JSON.parse((await cli(['-f', 'json', 'a.md'], { cwd: dir })).stdout) as {
      messages: Message[];
      fixableErrorCount: number;
    }[];
    expect(file.fixableErrorCount).toBe(0);
    expect(file.messages.filter((m) => m.fixable)).toEqual([]);
    const byCategory = (c: string): Message => file.messages.find((m) => m.category === c)!;
    for (const [category, value, text] of [
      ['geo', 'Decatur', '[LOCATION]'],
      ['date', 'March 3, 2025', '[DATE]'],
      ['photo', '![Sarah in the chair](sarah-chair.jpg)', '[PHOTO]'],
      ['phone', '404-555-0187', '[PHONE]'],
    ] as const) {
      const s = byCategory(category).suggestions;
      expect(s, category).toHaveLength(1);
      expect(s![0].fix.text).toBe(text);
      expect(POST.slice(...s![0].fix.range)).toBe(value);
      expect(s![0].desc).toContain(text);
      expect(s![0].desc).not.toContain(value);
    }
    // a disclosure has no mechanical replacement at all: neither a fix nor a suggestion
    expect(byCategory('unconsented-media').suggestions).toBeUndefined();
  });

  it('stylish shows each suggestion under its finding', async () => {
    const dir = tmpProject({ 'a.txt': 'Our office is open Saturday. Call 773-555-0182.\n' });
    const r = await cli(['a.txt'], { cwd: dir });
    expect(r.stdout).toMatch(/\n {10}suggestion: replace it with \[PHONE\]/);
    expect(r.stdout).not.toContain('can be fixed with --fix');
  });

  it('--fix-dry-run shows no diff for suggestions and says how many --fix would leave', async () => {
    const dir = tmpProject({ 'a.txt': 'Our office is open Saturday. Call 773-555-0182.\n' });
    const r = await cli(['--fix-dry-run', 'a.txt'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^phi-lint: 1 suggestion that --fix would not apply/m);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Our office is open Saturday. Call 773-555-0182.\n');
  });

  it('publishable fixes still apply: a risky reply gets the template; the summary counts both', async () => {
    const reply = 'Hi, our records show you arrived late for your crown on March 3.\n';
    const dir = tmpProject({
      '.phi-lint.yaml': PRACTICE,
      'replies/r1.txt': reply,
      'posts/p.txt': 'Our office is open Saturday. Call 404-555-0187.\n',
    });
    const r = await cli(['--fix', '.'], { cwd: dir });
    expect(readFileSync(join(dir, 'replies/r1.txt'), 'utf8')).toBe(
      'Thank you for your feedback. Privacy rules keep us from discussing any visit online; please call us at (404) 555-0100.\n',
    );
    expect(readFileSync(join(dir, 'posts/p.txt'), 'utf8')).toBe('Our office is open Saturday. Call 404-555-0187.\n');
    expect(r.stderr).toMatch(/^phi-lint: \d+ fixed, 1 suggestion not applied/m);
    // without suggestions the summary is the one it always was
    const only = tmpProject({ '.phi-lint.yaml': PRACTICE, 'replies/r1.txt': reply });
    const o = await cli(['--fix', '.'], { cwd: only });
    expect(o.stderr).toMatch(/^phi-lint: fixed \d+ findings? in 1 file\.$/m);
    expect(o.exitCode).toBe(0);
  });

  it('a reply template of your own that holds a placeholder is a suggestion, not an edit', () => {
    const text = 'Hi, our records show you arrived late.\n';
    const doc = parseDocument('r.txt', text, 'reply');
    const f: Finding = {
      ruleId: 'x/records',
      category: 'defensive-disclosure',
      severity: 'error',
      start: 4,
      end: 20,
      match: text.slice(4, 20),
      message: 'm',
      line: 1,
      column: 5,
      endLine: 1,
      endColumn: 21,
    };
    const opts = { phone: '(404) 555-0100', replyRules: new Set<string>() };
    const own = planFixes(doc, [f], { ...opts, replyTemplate: 'Thanks, [NAME]! Call {phone}.' });
    expect(own.edits).toEqual([]);
    expect(own.fixed).toEqual([]);
    expect(own.suggestions.map((s) => s.edit.text)).toEqual(['Thanks, [NAME]! Call (404) 555-0100.\n']);
    const approved = planFixes(doc, [f], { ...opts, replyTemplate: true });
    expect(approved.edits).toHaveLength(1);
    expect(approved.suggestions).toEqual([]);
  });

  it('phi-lint redact still writes placeholders: its copy is for sharing, and the placeholder finding blocks it', async () => {
    const dir = tmpProject({ 'a.txt': 'Our office is open Saturday. Call 773-555-0182.\n' });
    const r = await cli(['redact', 'a.txt'], { cwd: dir });
    expect(r.stdout).toBe('Our office is open Saturday. Call [PHONE].\n');
  });

  it('a name right after a greeting and before punctuation is left out ("Hi Sarah," → "Hi,"): publishable, so applied', () => {
    const name = (
      text: string,
      needle: string,
      format: 'md' | 'txt' = 'txt',
    ): ReturnType<typeof planFixes> & { out: string } => {
      const doc = parseDocument(`a.${format}`, text, 'post', format);
      const f = findingAt(text, needle, 'name', 'names/greeting');
      const plan = planFixes(doc, [f], { replyTemplate: false, replyRules: new Set() });
      return { ...plan, out: applyEdits(text, plan.edits) };
    };
    expect(name('Hi Sarah, thanks for the kind words!\n', 'Sarah').out).toBe('Hi, thanks for the kind words!\n');
    expect(name('Thank you, Sarah Whitfield! We loved the card.', 'Sarah Whitfield').out).toBe(
      'Thank you! We loved the card.',
    );
    expect(name('Hello Dana\n\nSee you soon.', 'Dana').out).toBe('Hello\n\nSee you soon.');
    // anything else stays a suggestion: the sentence goes on, or Markdown is in the way, or no greeting
    for (const [text, needle, format] of [
      ['Thanks Sarah for coming in.', 'Sarah', 'txt'],
      ['Hi **Sarah**, welcome!', 'Sarah', 'md'],
      ['Hi Dr. Sarah, welcome!', 'Sarah', 'txt'],
      ['Our patient Sarah, age 8.', 'Sarah', 'txt'],
      ['Highlight Sarah!', 'Sarah', 'txt'],
    ] as const) {
      const plan = name(text, needle, format);
      expect(plan.edits, text).toEqual([]);
      expect(plan.suggestions, text).toHaveLength(1);
    }
  });

  it('--fix leaves a greeted name out of a reply without a practice phone, and the copy lints clean', async () => {
    const dir = tmpProject({ 'r.txt': 'Hi Sarah, thanks for the kind words!\n' });
    const r = await cli(['--fix', '--kind', 'reply', 'r.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe('Hi, thanks for the kind words!\n');
    expect(r.stderr).toBe('phi-lint: fixed 1 finding in 1 file.\n');
    expect(r.exitCode).toBe(0);
  });
});
