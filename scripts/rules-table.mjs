// Prints the rule table of docs/rule-packs.md from the shipped packs, or rewrites it in place
// with --write. tests/docs.test.ts fails when the page's copy is out of date.
//   node scripts/rules-table.mjs [--write]
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES_DIR, loadRuleSet } from '../dist/rules/load.js';
import { SAFE_HARBOR } from '../dist/types.js';
import { writeBlock } from './doc-blocks.mjs';

export const RULE_PACKS_DOC = fileURLToPath(new URL('../docs/rule-packs.md', import.meta.url));

export function rulesTable() {
  const { rules, packs } = loadRuleSet([BUILTIN_RULES_DIR]);
  const lines = [];
  // a pack directory (rules/phi/) is listed with the family files that hold its rules
  for (const name of new Set(packs.map((p) => p.name))) {
    const own = rules.filter((r) => r.pack === name);
    if (!own.length) continue;
    const files = [...new Set(own.map((r) => r.file.replace(/\\/g, '/').replace(/^.*?rules\//, 'rules/')))];
    const description = packs.find((p) => p.name === name && p.description)?.description ?? '';
    const dir = files[0].slice(0, files[0].lastIndexOf('/') + 1);
    const where =
      files.length > 1 && files.every((f) => f.startsWith(dir))
        ? `\`${dir}\`: ${files.map((f) => f.slice(dir.length).replace(/\.ya?ml$/, '')).join(', ')}`
        : files.map((f) => `\`${f}\``).join(', ');
    lines.push(`**${name}** (${where}): ${description.trim().replace(/\s+/g, ' ')}`, '');
    lines.push('| rule | category | Safe Harbor | severity | applies to |', '| --- | --- | --- | --- | --- |');
    for (const r of own) {
      const sh = SAFE_HARBOR[r.category];
      lines.push(
        `| \`${r.id}\` | ${r.category} | ${sh ? `(${sh.letter}) ${sh.number}` : r.category === 'tone' ? 'tone (not PHI)' : 'disclosure'} | ${r.severity} | ${r.appliesTo} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n').trim();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const table = rulesTable();
  if (process.argv.includes('--write')) writeBlock(RULE_PACKS_DOC, 'rules', table);
  else console.log(table);
}
