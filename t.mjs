import { createLinter } from './dist/api.js';
const l = createLinter({ config: 'fixtures/examples/.phi-lint.yaml' });
for (const t of process.argv.slice(2)) {
  const { findings, doc } = await l.lint(t, { kind: 'reply' });
  console.log(JSON.stringify(doc.prose), findings.map(f => `${f.ruleId}:${f.category}:"${f.match}"`));
}
