// Loading the built-in packs again in one process (each config of a cascade, each lintText,
// each in-process run of the tests) reuses the rules compiled the first time, while the files
// are the same; packs that did not ship with phi-lint are compiled afresh each time (their
// rules carry time budgets that count strikes across drafts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, loadRuleSet } from '../src/rules/load.js';
import { tempDir } from './support/temp-dirs.js';

const PACK = `pack: demo
rules:
  - id: demo/pet
    category: name
    severity: warning
    message: 'Pet "{match}".'
    why: Test rule.
    detect:
      - terms: [Rex]
    examples:
      fire: [Rex is here.]
      silent: [Nobody is here.]
`;

describe('the built-in rule set is compiled once per process', () => {
  it('a second load of the built-in packs returns the rules compiled by the first', () => {
    const first = loadRuleSet([BUILTIN_RULES_DIR]);
    const second = loadRuleSet([BUILTIN_RULES_DIR]);
    expect(second).toBe(first);
    expect(second.rules.length).toBeGreaterThan(50);
  });

  it('a pack that did not ship with phi-lint is compiled afresh, and sees its edits', () => {
    const dir = tempDir({ 'demo.yaml': PACK });
    const a = loadRuleSet([dir]);
    const b = loadRuleSet([dir]);
    expect(b).not.toBe(a);
    expect(b.rules.find((r) => r.id === 'demo/pet')?.severity).toBe('warning');
    writeFileSync(join(dir, 'demo.yaml'), PACK.replace('severity: warning', 'severity: error'));
    expect(loadRuleSet([dir]).rules.find((r) => r.id === 'demo/pet')?.severity).toBe('error');
  });

  it('the build (checkAll) and a run are not mixed up', () => {
    const run = loadRuleSet([BUILTIN_RULES_DIR]);
    expect(loadRuleSet([BUILTIN_RULES_DIR], { checkAll: true })).not.toBe(run);
  });
});
