// `phi-lint explain RULE`: what a rule looks for, why (with the HIPAA reference), an example
// that fires and one that does not, and how to rewrite. Works for phi-lint's own findings
// (phi-lint/consent, phi-lint/directive-without-reason …) too.
import { relative, resolve } from 'node:path';
import { BUILTIN_RULES_DIR } from '../rules/load.js';
import { META_RULES, type MetaRule } from '../meta-rules.js';
import { detectorKind } from '../detectors/registry.js';
import type { CompiledDetector, CompiledRule } from '../rules/rule.js';
import { SAFE_HARBOR, type SeverityOrOff } from '../types.js';
import { nearest } from '../yaml-source.js';
import { fail, ok, repeatable, runSub, setupFor, subProgram, type SubCommand } from './common.js';
import { wrap } from './text.js';

export function safeHarborLabel(category: string): string {
  const sh = SAFE_HARBOR[category];
  if (category === 'tone') return 'tone of a reply (not PHI: an angry reply is the one that discloses)';
  if (sh) return `Safe Harbor identifier (${sh.letter}), no. ${sh.number} of 18: ${sh.title}`;
  return 'disclosure risk (not one of the 18 identifiers; Privacy Rule, 45 CFR 164.502(a) disclosures)';
}

function detects(rule: CompiledRule): string {
  // "5 patterns" rather than "a pattern; a pattern; …": one entry per distinct description
  const counts = new Map<string, { det: CompiledDetector; n: number }>();
  for (const d of rule.detectors) {
    const checks = [...d.validators.map((v) => v.name), ...(d.excludePattern ? ['an exclusion pattern'] : [])];
    const base = detectorKind(d.kind).describe(d);
    const described = checks.length ? `${base} checked by ${checks.join(', ')}` : base;
    const seen = counts.get(described);
    if (seen) seen.n++;
    else counts.set(described, { det: d, n: 1 });
  }
  const parts = [...counts].map(([d, { det, n }]) => {
    if (n === 1) return d;
    const kind = detectorKind(det.kind);
    return kind.plural ? d.replace(kind.describe(det), kind.plural(n)) : `${d} (${n} detectors)`;
  });
  const c = rule.context;
  const ctx: string[] = [];
  if (c) {
    const where =
      c.scope === 'words'
        ? `within ${c.window} words${c.direction === 'both' ? '' : ` ${c.direction}`}`
        : `in the same ${c.scope}`;
    if (c.require) ctx.push(`fires only with a context word ${where}`);
    if (c.forbid) ctx.push(`stays silent when certain words appear ${where}`);
    if (c.raise) ctx.push(`is raised to an error by words ${where}`);
    if (c.lower) ctx.push(`is lowered one level by words ${where}`);
  }
  if (rule.near)
    ctx.push(`fires only near a ${[...rule.near.categories].join(' or ')} finding in the same ${rule.near.scope}`);
  if (rule.unlessFrontMatter.length)
    ctx.push(`is silent when the front matter has ${rule.unlessFrontMatter.join(', ')}`);
  return `Detects ${parts.join('; ')}.${ctx.length ? ` It ${ctx.join('; ')}.` : ''} The practice's own public details are never findings.`;
}

/** Where a rule is defined: built-in packs by their place in the package, others relative to the working directory. */
function where(rule: CompiledRule, cwd: string): string {
  const abs = resolve(rule.file);
  const inBuiltin = relative(BUILTIN_RULES_DIR, abs);
  if (!inBuiltin.startsWith('..')) return `built-in rules/${inBuiltin.split('\\').join('/')}:${rule.line}`;
  return `${relative(cwd, abs) || abs}:${rule.line}`;
}

function explainRule(rule: CompiledRule, effective: SeverityOrOff, cwd: string, phone: string | undefined): string {
  const only = { reply: 'replies only', post: 'posts only', comment: 'comments only' } as const;
  const runsOn = rule.appliesTo === 'both' ? 'posts, replies and comments' : only[rule.appliesTo];
  const sev = effective === rule.severity ? rule.severity : `${effective} (configured; default ${rule.severity})`;
  const lines = [
    `${rule.id}`,
    `  category: ${rule.category} · ${safeHarborLabel(rule.category)}`,
    `  severity: ${sev} · runs on: ${runsOn} · pack: ${rule.pack} (${where(rule, cwd)})`,
    '',
    'What it looks for',
    wrap(rule.message.replace(/\{match\}/g, '…')),
    wrap(detects(rule)),
    '',
    'Why',
    wrap(rule.why),
    '',
    'Fires on',
    ...rule.examples.fire.map((e) => `  ✖ ${e}`),
    '',
    'Stays silent on',
    ...rule.examples.silent.map((e) => `  ✔ ${e}`),
    '',
    'How to rewrite',
    wrap(
      (rule.suggestion ?? 'Remove the identifying detail, or speak in general terms.').replace(
        /\{practice\.phone\}/g,
        phone ?? "<the practice's phone>",
      ),
    ),
    '',
    `Suppress one occurrence (with a reason): <!-- phi-lint-disable-next-line ${rule.id} -- why -->`,
    '',
  ];
  return lines.join('\n');
}

function explainMeta(m: MetaRule): string {
  const indent = (s: string): string =>
    s
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
  return [
    m.id,
    `  phi-lint's own check · severity: ${m.severity}`,
    '',
    'What it looks for',
    wrap(m.looksFor),
    '',
    'Why',
    wrap(m.why),
    '',
    'Fires on',
    `  ✖\n${indent(m.fires)}`,
    '',
    'Stays silent on',
    `  ✔\n${indent(m.silent)}`,
    '',
    'How to fix',
    wrap(m.suggestion),
    '',
  ].join('\n');
}

export const explain: SubCommand = (args, env) => {
  const program = subProgram('explain', 'Explain a rule: what it looks for, why, examples, and how to rewrite.')
    .argument('<rule>', 'rule id, e.g. phi/phone')
    .option('-c, --config <file>', 'use this config (for the rule set and severities)')
    .option('--rules <dir>', 'extra rule pack directory or file (repeatable)', repeatable, [] as string[]);
  return runSub(program, args, () => {
    const id = program.args[0];
    const o = program.opts();
    const meta = META_RULES.find((m) => m.id === id);
    if (meta) return ok(explainMeta(meta));
    const setup = setupFor(env, o);
    const rules = setup.prepared.ruleSet.rules;
    const rule = rules.find((r) => r.id === id);
    if (!rule) {
      const ids = [...rules.map((r) => r.id), ...META_RULES.map((m) => m.id)];
      const near = ids.find((r) => r.endsWith(`/${id}`)) ?? nearest(id, ids);
      return fail(`unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; \`phi-lint rules\` lists them all`);
    }
    const active = setup.prepared.ctx.rules.find((r) => r.id === id);
    return ok(explainRule(rule, active?.effective ?? 'off', env.cwd, setup.config.practice.phones[0]));
  });
};
