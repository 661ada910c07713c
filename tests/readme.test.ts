// The README documents every shipped rule: its rule table is generated from the packs and
// must be current.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
// @ts-expect-error — a plain .mjs script without types
import { rulesTable } from '../scripts/rules-table.mjs';

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  it('has a current rule table (run: node scripts/rules-table.mjs --write)', () => {
    const block = readme
      .slice(
        readme.indexOf('<!-- rules:start -->') + '<!-- rules:start -->'.length,
        readme.indexOf('<!-- rules:end -->'),
      )
      .trim();
    expect(block).toBe((rulesTable as () => string)());
  });
  it('shows the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npx phi-lint fixtures/examples');
    expect(readme).toContain('npm test');
  });
});
