// `phi-lint rules`: every rule with its category, Safe Harbor identifier, severity (as the
// configuration sets it) and pack. `--coverage`: which of the 18 Safe Harbor identifiers the
// active configuration covers, and which it does not.
import { ruleHelpUri, ruleTitle } from '../handbook/rule-docs.js';
import type { CompiledRule } from '../rules/rule.js';
import { coverageOf } from '../rules/coverage.js';
import { SAFE_HARBOR } from '../types.js';
import { fail, ok, repeatable, runSub, setupFor, subProgram, type SubCommand } from './common.js';
import { table, wrap } from './text.js';

const RUNS_ON = { both: 'posts, replies, comments', reply: 'replies', post: 'posts', comment: 'comments' } as const;

const PHONE = "<the practice's phone>";

/** `rules --json`: the listing plus what other tools build on (message, why, suggestion, examples, page). */
function rulesJson(all: CompiledRule[], list: object[], phone: string | undefined): Record<string, unknown>[] {
  return all.map((r, i) => ({
    ...list[i],
    defaultSeverity: r.severity,
    message: r.message,
    title: ruleTitle(r.message),
    why: r.why.replace(/\s+/g, ' ').trim(),
    ...(r.suggestion ? { suggestion: r.suggestion.replace(/\{practice\.phone\}/g, phone ?? PHONE) } : {}),
    examples: r.examples,
    helpUri: ruleHelpUri(r),
  }));
}

export const rules: SubCommand = (args, env) => {
  const program = subProgram(
    'rules',
    'List every rule, or show which Safe Harbor identifiers the configuration covers.',
  )
    .option('--coverage', 'which of the 18 Safe Harbor identifiers the active configuration covers')
    .option('--fail-under <n>', 'with --coverage: exit 1 when fewer than n of the 18 identifiers are covered')
    .option('--json', 'print JSON')
    .option('-c, --config <file>', 'use this config')
    .option('--rules <dir>', 'extra rule pack directory or file (repeatable)', repeatable, [] as string[]);
  return runSub(program, args, () => {
    const o = program.opts();
    const failUnder = o.failUnder === undefined ? undefined : Number(o.failUnder);
    if (failUnder !== undefined && !(Number.isInteger(failUnder) && failUnder >= 0 && failUnder <= 18)) {
      return fail(`--fail-under takes a whole number from 0 to 18, got "${o.failUnder}"`);
    }
    if (failUnder !== undefined && !o.coverage) return fail('--fail-under goes with --coverage');
    const setup = setupFor(env, o);
    const effective = new Map(setup.prepared.ctx.rules.map((r) => [r.id, r.effective]));
    const all = setup.prepared.ruleSet.rules;
    if (o.coverage) {
      const ids = coverageOf(all, new Set(effective.keys()));
      const covered = ids.filter((i) => i.rules.length);
      const under = failUnder !== undefined && covered.length < failUnder;
      const code = under ? 1 : 0;
      if (o.json) {
        const json = { covered: covered.length, total: ids.length, identifiers: ids };
        return ok(`${JSON.stringify(json, null, 2)}\n`, code);
      }
      const listed = (r: string[]): string =>
        r.length > 3 ? `${r.slice(0, 3).join(', ')} +${r.length - 3} more` : r.join(', ');
      const rows = ids.map((i) => [
        `(${i.letter})`,
        String(i.number),
        i.title,
        i.rules.length ? listed(i.rules) : 'NOT COVERED',
      ]);
      const missing = ids.filter((i) => !i.rules.length);
      return ok(
        [
          `Safe Harbor identifiers (45 CFR 164.514(b)(2)(i)) covered by the active configuration: ${covered.length} of ${ids.length}`,
          '',
          table([['id', 'no.', 'identifier', 'rules'], ...rows]),
          '',
          missing.length
            ? wrap(`Not covered: ${missing.map((i) => `(${i.letter}) ${i.title}`).join('; ')}.`, '')
            : 'Every identifier is covered.',
          ...(under ? [`✖ ${covered.length} of ${ids.length} covered, under --fail-under ${failUnder}.`] : []),
          '',
        ].join('\n'),
        code,
      );
    }
    const list = all.map((r) => {
      const sh = SAFE_HARBOR[r.category];
      return {
        id: r.id,
        category: r.category,
        safeHarbor: sh ? `${sh.letter} (${sh.number})` : '-',
        severity: effective.get(r.id) ?? 'off',
        pack: r.pack,
        appliesTo: r.appliesTo,
      };
    });
    if (o.json) return ok(`${JSON.stringify(rulesJson(all, list, setup.config.practice.phones[0]), null, 2)}\n`);
    const rows = list.map((r) => [r.id, r.category, r.safeHarbor, r.severity, r.pack, RUNS_ON[r.appliesTo]]);
    return ok(
      `${table([['rule', 'category', 'safe harbor', 'severity', 'pack', 'runs on'], ...rows])}\n\n${list.length} rules; \`phi-lint explain RULE\` for one, \`phi-lint rules --coverage\` for the 18 identifiers.\n`,
    );
  });
};
