import { createLinter } from './dist/api.js';
const l = createLinter({ config: 'fixtures/examples/.phi-lint.yaml' });
const kind = process.env.KIND || 'reply';
for (const t of process.argv.slice(2)) {
  const { findings, doc } = await l.lint(t, { kind, format: process.env.FMT || 'txt', keepDuplicates: !!process.env.DUP });
  console.log(findings.map(f => `${f.ruleId}:${f.category}:"${f.match}"`));
}
