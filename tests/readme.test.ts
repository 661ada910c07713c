// The README is for users: under 400 lines, Install then First run right after the pitch, the
// two quick-start commands, a link to every reference page in docs/ (tests/docs.test.ts checks
// the pages and that every link resolves), and examples that parse.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docPages, headings, links, readDoc } from './support/docs.js';

const README = readDoc('README.md');
const DOCS = docPages();

describe('README', () => {
  it('is a user’s README: under 400 lines, Install then First run right after the pitch', () => {
    expect(README.split('\n').length).toBeLessThan(400);
    const sections = headings(README).filter((h) => h.level === 2);
    expect(sections.slice(0, 2).map((h) => h.title)).toEqual(['Install', 'First run']);
    expect(headings(README).filter((h) => h.level === 1)).toHaveLength(1);
    for (const title of ['Security and privacy', 'Design', 'Development', 'Licence'])
      expect(sections.map((h) => h.title)).toContain(title);
  });

  it('shows the two quick-start commands', () => {
    expect(README).toContain('npm ci && npx phi-lint fixtures/examples');
    expect(README).toContain('\nnpm test\n');
  });

  it('links every reference page, and the vocabularies’ provenance and licence', () => {
    const targets = links(README);
    for (const page of DOCS.filter((p) => !p.startsWith('docs/rules/') || p === 'docs/rules/README.md'))
      expect(
        targets.some((t) => t.split('#')[0] === page),
        page,
      ).toBe(true);
    expect(targets).toContain('docs/rule-packs.md#vocabularies-where-each-comes-from-and-its-licence');
  });

  it('its YAML and JSON examples parse', () => {
    const blocks = [...README.matchAll(/^```(yaml|json)\n([\s\S]*?)^```$/gm)];
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const [, lang, body] of blocks)
      if (lang === 'json') expect(() => JSON.parse(body!)).not.toThrow();
      else expect(() => parse(body!, { strict: true, uniqueKeys: true })).not.toThrow();
  });
});
