// `npm run test:fast`: the inner loop (under a minute on a 2-core machine). It leaves out the
// files that spawn many processes, install pre-commit, drive a browser, run property and
// adversarial tests or time large inputs; and, in the files it runs, the tests written with
// `slow` (tests/support/tiers.ts). `npm test` (vitest.config.ts) runs everything; CI runs that.
import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/** Whole files of the slow tier. */
export const SLOW_FILES = [
  'tests/cli.e2e.test.ts',
  'tests/formats.e2e.test.ts',
  'tests/git.e2e.test.ts',
  'tests/masking.e2e.test.ts',
  'tests/pre-commit.e2e.test.ts',
  'tests/html-report.browser.test.ts',
  'tests/fix-interrupted.test.ts',
  'tests/threads.test.ts',
  'tests/no-network.test.ts',
  'tests/properties.test.ts',
  'tests/output-perf.test.ts',
  'tests/regex-budget.test.ts',
  'tests/hardening-rules.test.ts',
  'tests/front-matter-size.test.ts',
  'tests/package.e2e.test.ts',
  'tests/cache.test.ts',
  'tests/output-control.test.ts',
  'tests/readme-recipes.test.ts',
  'tests/baseline.test.ts',
  'tests/install.e2e.test.ts',
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...SLOW_FILES, 'node_modules/**'],
      env: { PHI_LINT_TEST_TIER: 'fast' },
      // one module graph per worker: most of a small test file's time is loading src/
      isolate: false,
      // both cores (vitest's default leaves one free)
      maxWorkers: Math.max(2, availableParallelism()),
    },
  }),
);
