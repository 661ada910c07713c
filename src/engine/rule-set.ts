// The rules a run uses: built-in packs plus --rules and config rule-dirs, minus disabled
// packs, with the config's severity overrides applied. Built once per run.
import { PhiLintError } from '../errors.js';
import type { Config } from '../config/config.js';
import { BUILTIN_RULES_DIR, loadRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/rule.js';
import type { LintContext, ActiveRule } from './lint.js';
import { PracticeFilter } from './practice.js';

export interface Prepared {
  ruleSet: RuleSet;
  ctx: LintContext;
}

export function prepareRules(config: Config, extraDirs: string[], opts: { builtin?: boolean } = {}): Prepared {
  const dirs = [...(opts.builtin === false ? [] : [BUILTIN_RULES_DIR]), ...config.ruleDirs, ...extraDirs];
  const ruleSet = loadRuleSet(dirs);
  const known = new Set(ruleSet.rules.map((r) => r.id));
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) {
      const near = [...known].find((k) => k.endsWith(`/${id.split('/').pop()}`));
      throw new PhiLintError(
        `config names unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}`,
        config.file,
      );
    }
  }
  const packs = new Set(ruleSet.packs.map((p) => p.name));
  for (const p of Object.keys(config.packs)) {
    if (!packs.has(p))
      throw new PhiLintError(`config names unknown pack "${p}" (packs: ${[...packs].join(', ')})`, config.file);
  }
  const active: ActiveRule[] = [];
  for (const r of ruleSet.rules) {
    if (config.packs[r.pack] === false) continue;
    const override = config.rules[r.id] ?? config.categories[r.category];
    if (override === 'off') continue;
    active.push({ ...r, effective: override ?? r.severity });
  }
  return {
    ruleSet,
    ctx: {
      rules: active,
      escalations: ruleSet.escalations.filter((e) => config.packs[e.pack] !== false),
      practice: new PracticeFilter(config.practice),
      contactPhone: config.contactPhone,
    },
  };
}
