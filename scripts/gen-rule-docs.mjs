// Writes docs/rules/ (one page per rule, and README.md as the index) from the shipped rule
// packs, or, without --write, lists the pages that are stale. tests/rule-docs.test.ts fails
// when a page is out of date. Run `npm run build` first (it reads dist/).
//   node scripts/gen-rule-docs.mjs [--write]
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { BUILTIN_RULES_DIR, loadRuleSet } from '../dist/rules/load.js';
import { RULE_DOCS_DIR, ruleDocPages } from '../dist/handbook/rule-docs.js';

const pages = ruleDocPages(loadRuleSet([BUILTIN_RULES_DIR]));
const onDisk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? onDisk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
let existing = [];
try {
  existing = onDisk(RULE_DOCS_DIR).map((f) => relative(RULE_DOCS_DIR, f).split('\\').join('/'));
} catch {}
const stale = [...pages].filter(([p, text]) => {
  try {
    return readFileSync(join(RULE_DOCS_DIR, p), 'utf8') !== text;
  } catch {
    return true;
  }
});
const extra = existing.filter((p) => !pages.has(p));
if (process.argv.includes('--write')) {
  for (const [p, text] of stale) {
    mkdirSync(dirname(join(RULE_DOCS_DIR, p)), { recursive: true });
    writeFileSync(join(RULE_DOCS_DIR, p), text);
  }
  for (const p of extra) rmSync(join(RULE_DOCS_DIR, p));
  console.log(`docs/rules: ${stale.length} written, ${extra.length} removed, ${pages.size} pages`);
} else {
  for (const [p] of stale) console.log(`stale: docs/rules/${p}`);
  for (const p of extra) console.log(`not generated: docs/rules/${p}`);
  if (stale.length || extra.length) process.exitCode = 1;
}
