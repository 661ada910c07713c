// The two tiers of the suite: `npm test` runs every test; `npm run test:fast`
// (vitest.fast.config.ts, which sets PHI_LINT_TEST_TIER=fast) leaves out whole slow files and
// the tests written with `slow` here: many formats or processes, large inputs, the cache's
// many runs. Use `slow` like `it`.
import { it } from 'vitest';

export const FAST_TIER = process.env.PHI_LINT_TEST_TIER === 'fast';

/** A test of the slow tier: run by `npm test`, left out by `npm run test:fast`. */
export const slow = it.skipIf(FAST_TIER);
