// A finding on the first occurrence of `needle` in a one-line text, for tests that plan fixes
// or format reports without running the rules.
import type { Category, Finding } from '../../src/types.js';

export function findingAt(text: string, needle: string, category: Category, ruleId = `x/${category}`): Finding {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`no ${needle}`);
  return {
    ruleId,
    category,
    severity: 'error',
    start,
    end: start + needle.length,
    match: needle,
    message: 'm',
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: start + needle.length + 1,
  };
}
