import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // removes the temporary folders each test file makes (and isolates the user cache folder)
    setupFiles: ['tests/support/temp-dirs.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
