// Every shipped rule's `examples`: each `fire` sentence must produce a finding of that rule,
// each `silent` sentence must not. Runs with the example practice profile, keeping findings
// that the per-category dedupe would give to another rule. Examples are Markdown.
//
// Examples are the one home of a rule's short cases — whether it fires on a sentence or
// stays silent — and ship with the pack (`phi-lint explain`, `test-rules`, `rules --json`).
// Whole drafts with their exact findings are fixtures (tests/fixtures.test.ts), which must
// not repeat an example; docs/writing-rules.md.
import { describe, expect, it } from 'vitest';
import { exampleLinter } from './helpers.js';

const linter = exampleLinter();
const rules = linter.prepared.ruleSet.rules;

describe('rule examples', () => {
  it('loads rules', () => {
    expect(rules.length).toBeGreaterThan(3);
  });
  for (const rule of rules) {
    const kind = rule.examples.kind ?? (rule.appliesTo === 'both' ? 'post' : rule.appliesTo);
    describe(rule.id, () => {
      for (const text of rule.examples.fire) {
        it(`fires: ${text}`, async () => {
          const { findings } = await linter.lint(text, { kind, format: 'md', keepDuplicates: true });
          expect(
            findings.map((f) => f.ruleId),
            JSON.stringify(findings.map((f) => [f.ruleId, f.match])),
          ).toContain(rule.id);
        });
      }
      for (const text of rule.examples.silent) {
        it(`stays silent: ${text}`, async () => {
          const { findings } = await linter.lint(text, { kind, format: 'md', keepDuplicates: true });
          expect(findings.filter((f) => f.ruleId === rule.id).map((f) => f.match)).toEqual([]);
        });
      }
    });
  }
});
