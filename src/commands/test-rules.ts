// `phi-lint test-rules [DIR]`: run every rule's `examples` in a pack directory — each `fire`
// sentence must produce a finding of that rule, each `silent` one must not — and print what
// failed (exit 1). Rules run at their default severity with every other pack loaded (lists
// and co-occurrence may need them), against the example practice profile — what the
// shipped examples are written for — or the practice profile of --config. (Not the nearest
// .phi-lint.yaml: a pack's examples must pass the same way on every machine.)
import { resolve } from 'node:path';
import { loadConfig } from '../config/cascade.js';
import { emptyConfig, type Config } from '../config/config.js';
import { today } from '../consent/dates.js';
import { PracticeFilter } from '../engine/practice.js';
import { BUILTIN_RULES_DIR, loadRuleSet, packFiles } from '../rules/load.js';
import type { CompiledRule } from '../rules/rule.js';
import { lintDraft } from '../run/draft.js';
import { setupFromRules, type FileSetup } from '../run/session.js';
import { ok, runSub, subProgram, type SubCommand } from './common.js';
import { EXAMPLE_PRACTICE } from './example-practice.js';

export interface ExampleFailure {
  rule: string;
  expected: 'fire' | 'silent';
  text: string;
  /** For a silent example that fired: what matched. */
  matched?: string[];
}

export async function checkExamples(
  rules: CompiledRule[],
  setup: FileSetup,
  cwd: string,
): Promise<{ failures: ExampleFailure[]; examples: number }> {
  const opts = { setup, cwd, today: today({}), keepDuplicates: true, stage: 'rules' as const };
  const failures: ExampleFailure[] = [];
  let examples = 0;
  for (const rule of rules) {
    const kind = rule.examples.kind ?? (rule.appliesTo === 'both' ? 'post' : rule.appliesTo);
    for (const expected of ['fire', 'silent'] as const) {
      for (const text of rule.examples[expected]) {
        examples++;
        // as the project's own rule tests do: Markdown, and every rule's findings kept (no dedupe across rules)
        const draft = { path: 'example.md', text, format: 'md' as const, defaultKind: kind };
        const findings = (await lintDraft(draft, opts)).findings.filter((f) => f.ruleId === rule.id);
        if (expected === 'fire' && !findings.length) failures.push({ rule: rule.id, expected, text });
        if (expected === 'silent' && findings.length)
          failures.push({ rule: rule.id, expected, text, matched: findings.map((f) => f.match) });
      }
    }
  }
  return { failures, examples };
}

export const testRules: SubCommand = (args, env) => {
  const program = subProgram('test-rules', "Run every rule's examples (fire / silent) in a rule pack directory.")
    .argument('[dir]', 'rule pack directory or file (default: the built-in packs)')
    .option(
      '-c, --config <file>',
      'take the practice profile from this config (default: the example practice, Peachtree Family Dental)',
    );
  return runSub(program, args, async () => {
    const o = program.opts();
    const target = program.args[0] ? resolve(env.cwd, program.args[0]) : BUILTIN_RULES_DIR;
    const mine = new Set(packFiles(target).map((f) => resolve(f)));
    const files = [...new Set([...packFiles(BUILTIN_RULES_DIR).map((f) => resolve(f)), ...mine])];
    const ruleSet = loadRuleSet(files);
    const configFile = o.config ? resolve(env.cwd, o.config) : undefined;
    const config: Config = configFile
      ? loadConfig(configFile, env.cwd)
      : { ...emptyConfig(env.cwd), practice: EXAMPLE_PRACTICE };
    const setup = setupFromRules(
      config,
      {
        ruleSet,
        ctx: {
          rules: ruleSet.rules.map((r) => ({ ...r, effective: r.severity })),
          escalations: ruleSet.escalations,
          practice: new PracticeFilter(config.practice),
        },
      },
      { ledger: false },
    );
    const tested = ruleSet.rules.filter((r) => mine.has(resolve(r.file)));
    const { failures, examples } = await checkExamples(tested, setup, env.cwd);
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
