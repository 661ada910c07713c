// `phi-lint test-rules [DIR]`: run every rule's `examples` in a pack directory — each `fire`
// sentence must produce a finding of that rule, each `silent` one must not — and print what
// failed (exit 1). Rules run at their default severity with every other pack loaded (lists
// and co-occurrence may need them), against the example practice profile — what the
// shipped examples are written for — or the practice profile of --config. (Not the nearest
// .phi-lint.yaml: a pack's examples must pass the same way on every machine.)
import { resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { parseDocument } from '../documents/load.js';
import { lintDocument, type LintContext } from '../engine/lint.js';
import { PracticeFilter } from '../engine/practice.js';
import { BUILTIN_RULES_DIR, loadRuleSet, packFiles } from '../rules/load.js';
import type { CompiledRule } from '../rules/rule.js';
import { ok, runSub, subProgram, type SubCommand } from './common.js';
import { EXAMPLE_PRACTICE } from './example-practice.js';

export interface ExampleFailure {
  rule: string;
  expected: 'fire' | 'silent';
  text: string;
  /** For a silent example that fired: what matched. */
  matched?: string[];
}

export async function checkExamples(rules: CompiledRule[], ctx: LintContext): Promise<{ failures: ExampleFailure[]; examples: number }> {
  const failures: ExampleFailure[] = [];
  let examples = 0;
  for (const rule of rules) {
    const kind = rule.examples.kind ?? (rule.appliesTo === 'both' ? 'post' : rule.appliesTo);
    for (const expected of ['fire', 'silent'] as const) {
      for (const text of rule.examples[expected]) {
        examples++;
        // as the project's own rule tests do: Markdown, and every rule's findings kept (no dedupe across rules)
        const findings = (await lintDocument(parseDocument('example.md', text, kind, 'md'), ctx, { keepDuplicates: true })).filter((f) => f.ruleId === rule.id);
        if (expected === 'fire' && !findings.length) failures.push({ rule: rule.id, expected, text });
        if (expected === 'silent' && findings.length) failures.push({ rule: rule.id, expected, text, matched: findings.map((f) => f.match) });
      }
    }
  }
  return { failures, examples };
}

export const testRules: SubCommand = (args, env) => {
  const program = subProgram('test-rules', "Run every rule's examples (fire / silent) in a rule pack directory.")
    .argument('[dir]', 'rule pack directory or file (default: the built-in packs)')
    .option('-c, --config <file>', 'take the practice profile from this config (default: the example practice, Peachtree Family Dental)');
  return runSub(program, args, async () => {
    const o = program.opts<{ config?: string }>();
    const target = program.args[0] ? resolve(env.cwd, program.args[0]) : BUILTIN_RULES_DIR;
    const mine = new Set(packFiles(target).map((f) => resolve(f)));
    const files = [...new Set([...packFiles(BUILTIN_RULES_DIR).map((f) => resolve(f)), ...mine])];
    const ruleSet = loadRuleSet(files);
    const configFile = o.config ? resolve(env.cwd, o.config) : undefined;
    const practice = configFile ? loadConfig(configFile, env.cwd).practice : EXAMPLE_PRACTICE;
    const ctx: LintContext = {
      rules: ruleSet.rules.map((r) => ({ ...r, effective: r.severity })),
      escalations: ruleSet.escalations,
      practice: new PracticeFilter(practice),
    };
    const tested = ruleSet.rules.filter((r) => mine.has(resolve(r.file)));
    const { failures, examples } = await checkExamples(tested, ctx);
    const lines = failures.map((f) =>
      f.expected === 'fire'
        ? `✖ ${f.rule}: should fire, found nothing in: ${f.text}`
        : `✖ ${f.rule}: should stay silent, matched ${f.matched!.map((m) => `"${m}"`).join(', ')} in: ${f.text}`,
    );
    const profile = o.config ? `practice profile from ${o.config}` : 'the example practice profile';
    const summary = failures.length
      ? `${failures.length} of ${examples} examples failed in ${new Set(failures.map((f) => f.rule)).size} of ${tested.length} rules (${profile}).`
      : `✔ ${tested.length} rules, ${examples} examples: all pass (${profile}).`;
    return ok(`${[...lines, ...(lines.length ? [''] : []), summary].join('\n')}\n`, failures.length ? 1 : 0);
  });
};
