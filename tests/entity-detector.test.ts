// The NLP detector (compromise), used through a custom rule pack: entities are found in the
// sentences a prefilter lets through, at the right offsets, and `near` keeps them only beside
// the categories a rule asks for.
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { tempDir } from './support/temp-dirs.js';

const pack = (yaml: string): string => tempDir({ 'nlp.yaml': yaml }, 'phi-lint-entity-');

describe('entity detector', () => {
  const dir = pack(`rules:
  - id: nlp/person
    category: name
    severity: warning
    message: 'Person "{match}"'
    why: test
    detect:
      - entity: person
    examples: { fire: ['Sarah Lee came by.'], silent: ['The weather is nice.'] }
  - id: nlp/place-near-health
    category: geo
    severity: error
    message: 'Place "{match}" next to a health detail'
    why: test
    detect:
      - entity: place
    near: { categories: [name], scope: sentence }
    examples: { fire: ['Sarah Lee flew in from Chicago.'], silent: ['Chicago is windy.'] }
`);
  const linter = createLinter({ rules: [dir], builtin: false });
  it('finds a person at the right offsets, in Markdown too', async () => {
    const text = '# Hello\n\nWe met **Sarah Lee** at the fair.';
    const { findings } = await linter.lint(text, { format: 'md' });
    const f = findings.find((x) => x.ruleId === 'nlp/person');
    expect(f).toBeDefined();
    expect(text.slice(f!.start, f!.end).replace(/\*/g, '').trim()).toBe('Sarah Lee');
    expect(f!.line).toBe(3);
  });
  it('keeps a place only next to a name when the rule says near', async () => {
    const near = await linter.lint('Sarah Lee flew in from Chicago.');
    expect(near.findings.map((f) => f.ruleId)).toContain('nlp/place-near-health');
    const alone = await linter.lint('Chicago is windy in March.');
    expect(alone.findings.map((f) => f.ruleId)).not.toContain('nlp/place-near-health');
  });
  it('finds nothing in a sentence without a capitalised word', async () => {
    const { findings } = await linter.lint('the weather is nice today.');
    expect(findings).toEqual([]);
  });
});
