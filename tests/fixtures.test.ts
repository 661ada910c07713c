// Data-driven rule fixtures: fixtures/<pack>/<rule>/fire.<case>.(md|txt) and silent.<case>.*
// A fire fixture states every finding it expects inline — `<!-- expect: RULE "text" -->` in
// Markdown, `[expect: RULE "text"]` in text — and the test is strict: any missing or extra
// finding fails; a marker sits on the line where its finding starts. A silent fixture must produce no finding of its rule. `<!-- kind: reply -->`
// / `[kind: reply]` makes the draft a reply. Markers are blanked to spaces before linting,
// so positions stay put and no rule ever sees them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleLinter, ROOT } from './helpers.js';

const FIXTURES = join(ROOT, 'fixtures');
const MARKER = /<!--\s*(expect|kind):\s*([^>]*?)\s*-->|\[(expect|kind):\s*([^\]]*?)\s*\]/g;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export interface Parsed {
  text: string;
  kind: 'post' | 'reply';
  expected: { ruleId: string; text: string; line: number }[];
}

export function parseFixture(raw: string): Parsed {
  const expected: Parsed['expected'] = [];
  let kind: 'post' | 'reply' = 'post';
  const text = raw.replace(MARKER, (m, k1, v1, k2, v2, offset: number) => {
    const key = k1 ?? k2;
    const val: string = v1 ?? v2;
    if (key === 'kind') kind = val.trim() === 'reply' ? 'reply' : 'post';
    else {
      const mm = /^(\S+)\s+"(.*)"$/.exec(val.trim());
      if (!mm) throw new Error(`bad expect marker: ${m}`);
      expected.push({ ruleId: mm[1], text: mm[2], line: raw.slice(0, offset).split('\n').length });
    }
    return ' '.repeat(m.length);
  });
  return { text, kind, expected };
}

const files = walk(FIXTURES).filter((f) => /\/(fire|silent)\.[^/]+\.(md|txt)$/.test(f) && !f.includes(`${join(FIXTURES, 'examples')}/`));

describe('rule fixtures', () => {
  const linter = exampleLinter();
  const ruleIds = new Set(linter.prepared.ruleSet.rules.map((r) => r.id));
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it('cover every shipped rule with a fire and a silent fixture', () => {
    const missing = [...ruleIds].filter((id) => {
      const rel = files.map((f) => relative(FIXTURES, f));
      return !rel.some((r) => r.startsWith(`${id}/fire.`)) || !rel.some((r) => r.startsWith(`${id}/silent.`));
    });
    expect(missing).toEqual([]);
  });
  for (const file of files) {
    const rel = relative(FIXTURES, file);
    const [pack, rule] = rel.split('/');
    const ruleId = `${pack}/${rule}`;
    it(rel, async () => {
      expect(ruleIds, `fixture directory names an unknown rule ${ruleId}`).toContain(ruleId);
      const { text, kind, expected } = parseFixture(readFileSync(file, 'utf8'));
      const { findings, doc } = await linter.lint(text, { path: file, kind });
      const line = (o: number): number => doc.lines.position(o).line;
      if (/\/fire\./.test(file)) {
        expect(expected.some((e) => e.ruleId === ruleId), 'a fire fixture must expect its own rule').toBe(true);
        const got = findings.map((f) => `${f.ruleId} line ${line(f.start)} "${f.match}"`).sort();
        const want = expected.map((e) => `${e.ruleId} line ${e.line} "${e.text}"`).sort();
        expect(got).toEqual(want);
      } else {
        expect(findings.filter((f) => f.ruleId === ruleId).map((f) => f.match)).toEqual([]);
      }
    });
  }
});
