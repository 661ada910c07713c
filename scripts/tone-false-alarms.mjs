#!/usr/bin/env node
// How often the tone pack (rules/tone/) warns on replies that a labelled corpus says are clean.
//
//   node scripts/tone-false-alarms.mjs CORPUS.jsonl [--show N]
//
// CORPUS is a JSON Lines file of labelled drafts ({kind, format, text, expected: [...]}, as in
// the project's evaluation corpora); it is read where it lies, never copied. Prints the number
// of clean replies (kind reply, no expected label), how many got a tone warning, the rate,
// and with --show the rule ids of the first N warned (never their text). Build first (npm run build).
import { readFileSync } from 'node:fs';
import { createLinter } from '../dist/api.js';

const args = process.argv.slice(2);
const corpus = args.find((a) => !a.startsWith('--'));
if (!corpus) {
  console.error('usage: node scripts/tone-false-alarms.mjs CORPUS.jsonl [--show N]');
  process.exit(2);
}
const show = Number(args[args.indexOf('--show') + 1] ?? 0) || 0;
const cases = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const linter = createLinter();
const clean = cases.filter((c) => c.kind === 'reply' && !(c.expected ?? []).length);
const warned = [];
const byRule = new Map();
for (const c of clean) {
  const { findings } = await linter.lint(c.text, { kind: 'reply', format: c.format === 'md' ? 'md' : 'txt' });
  const tone = findings.filter((f) => f.ruleId.startsWith('tone/'));
  if (!tone.length) continue;
  warned.push({ id: c.id, rules: [...new Set(tone.map((f) => f.ruleId))] });
  for (const f of tone) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
}
const replies = cases.filter((c) => c.kind === 'reply').length;
let unsafeWarned = 0;
for (const c of cases.filter((x) => x.kind === 'reply' && (x.expected ?? []).length)) {
  const { findings } = await linter.lint(c.text, { kind: 'reply', format: c.format === 'md' ? 'md' : 'txt' });
  if (findings.some((f) => f.ruleId.startsWith('tone/'))) unsafeWarned++;
}
const rate = clean.length ? (100 * warned.length) / clean.length : 0;
console.log(
  `${corpus}: ${replies} replies, ${clean.length} clean; ${warned.length} clean replies warned by the tone pack (${rate.toFixed(1)}%)`,
);
console.log(`  (unsafe replies with a tone warning: ${unsafeWarned} of ${replies - clean.length})`);
for (const [rule, n] of [...byRule].sort()) console.log(`  ${rule}: ${n}`);
for (const w of warned.slice(0, show)) console.log(`  ${w.id}: ${w.rules.join(', ')}`);
