// Whole drafts with their exact findings: fixtures/<pack>/<rule>/fire.<case>.(md|txt) and
// silent.<case>.* (fixtures/examples/ holds the README's demo drafts, not rule fixtures).
//
// Each case lives in one place (docs/writing-rules.md). A rule's YAML `examples` say
// WHETHER it fires on a sentence (tests/rule-examples.test.ts); they ship with the pack and
// feed `phi-lint explain`, `test-rules` and `rules --json`. A fixture says EXACTLY what a
// draft gives: a fire fixture states every finding it expects inline — `<!-- expect: RULE
// "text" -->` in Markdown, `[expect: RULE "text"]` in text — and the test is strict: any
// missing or extra finding fails, and a marker sits on the line where its finding starts. A
// silent fixture is a whole draft (several lines, Markdown structure, or the kind of draft
// the rule's examples are not written in) that must produce no finding of its rule; a
// one-sentence silent case is an example. `<!-- kind: reply -->` / `[kind: reply]` makes the
// draft a reply (`kind: comment`, a comment). Markers are blanked to spaces before linting, so positions stay put and no
// rule ever sees them. The meta-tests below keep the cases in their place.
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
  kind: 'post' | 'reply' | 'comment';
  expected: { ruleId: string; text: string; line: number }[];
}

export function parseFixture(raw: string): Parsed {
  const expected: Parsed['expected'] = [];
  let kind: Parsed['kind'] = 'post';
  const text = raw.replace(MARKER, (m, k1, v1, k2, v2, offset: number) => {
    const key = k1 ?? k2;
    const val: string = v1 ?? v2;
    if (key === 'kind')
      kind = val.trim() === 'reply' || val.trim() === 'comment' ? (val.trim() as Parsed['kind']) : 'post';
    else {
      const mm = /^(\S+)\s+"(.*)"$/.exec(val.trim());
      if (!mm) throw new Error(`bad expect marker: ${m}`);
      expected.push({ ruleId: mm[1], text: mm[2], line: raw.slice(0, offset).split('\n').length });
    }
    return ' '.repeat(m.length);
  });
  return { text, kind, expected };
}

const files = walk(FIXTURES).filter(
  (f) => /\/(fire|silent)\.[^/]+\.(md|txt)$/.test(f) && !f.includes(`${join(FIXTURES, 'examples')}/`),
);

/** A fixture's text as linted (markers blanked), in one line with single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('rule fixtures', () => {
  const linter = exampleLinter();
  const rules = new Map(linter.prepared.ruleSet.rules.map((r) => [r.id, r]));
  const ruleIds = new Set(rules.keys());
  const cases = files.map((file) => {
    const rel = relative(FIXTURES, file);
    const [pack, rule] = rel.split('/');
    const parsed = parseFixture(readFileSync(file, 'utf8'));
    // front matter may set the kind too (replies that carry the review they answer)
    const kind = /^---\r?\n(?:.*\r?\n)*?kind:\s*reply\s*\r?\n(?:.*\r?\n)*?---/.test(parsed.text)
      ? 'reply'
      : parsed.kind;
    return { file, rel, ruleId: `${pack}/${rule}`, fire: /\/fire\./.test(file), ...parsed, kind };
  });
  /** The kind of draft a rule's examples are linted as. */
  const exampleKind = (id: string): string => {
    const r = rules.get(id)!;
    return r.examples.kind ?? (r.appliesTo === 'both' ? 'post' : r.appliesTo);
  };
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it('cover every shipped rule with a firing and a silent case, in its YAML examples or in fixtures', () => {
    const missing = [...rules.values()].filter((r) => {
      const own = cases.filter((c) => c.ruleId === r.id);
      return (
        !(r.examples.fire.length || own.some((c) => c.fire)) || !(r.examples.silent.length || own.some((c) => !c.fire))
      );
    });
    expect(missing.map((r) => r.id)).toEqual([]);
  });
  it("do not repeat one of their rule's examples (each case lives in one place)", () => {
    const repeats = cases.filter((c) => {
      const r = rules.get(c.ruleId);
      if (!r || c.kind !== exampleKind(c.ruleId)) return false;
      // a draft where several rules find the same words says more than the example
      if (c.expected.some((e) => e.ruleId !== c.ruleId)) return false;
      return [...r.examples.fire, ...r.examples.silent].some((e) => flat(e) === flat(c.text));
    });
    expect(repeats.map((c) => c.rel)).toEqual([]);
  });
  it("are drafts when silent: a one-sentence silent case in the kind of its rule's examples is an example", () => {
    const sentences = cases.filter(
      (c) => !c.fire && ruleIds.has(c.ruleId) && c.kind === exampleKind(c.ruleId) && !c.text.trim().includes('\n'),
    );
    expect(sentences.map((c) => c.rel)).toEqual([]);
  });
  it('are drafts of a kind their rule runs on', () => {
    const idle = cases.filter(
      (c) => ruleIds.has(c.ruleId) && !['both', c.kind].includes(rules.get(c.ruleId)!.appliesTo),
    );
    expect(idle.map((c) => `${c.rel} (${c.kind})`)).toEqual([]);
  });
  for (const file of files) {
    const rel = relative(FIXTURES, file);
    const [pack, rule] = rel.split('/');
    const ruleId = `${pack}/${rule}`;
    it(rel, async () => {
      expect(ruleIds, `fixture directory names an unknown rule ${ruleId}`).toContain(ruleId);
      const { text, kind, expected } = parseFixture(readFileSync(file, 'utf8'));
      const { findings, doc } = await linter.lint(text, { path: file, defaultKind: kind });
      const line = (o: number): number => doc.lines.position(o).line;
      if (/\/fire\./.test(file)) {
        expect(
          expected.some((e) => e.ruleId === ruleId),
          'a fire fixture must expect its own rule',
        ).toBe(true);
        const got = findings.map((f) => `${f.ruleId} line ${line(f.start)} "${f.match}"`).sort();
        const want = expected.map((e) => `${e.ruleId} line ${e.line} "${e.text}"`).sort();
        expect(got).toEqual(want);
      } else {
        expect(findings.filter((f) => f.ruleId === ruleId).map((f) => f.match)).toEqual([]);
      }
    });
  }
});
