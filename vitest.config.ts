import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // one scratch folder per test run, for what several test files read and is built once (test/support/built-once.ts)
    globalSetup: ['test/support/global-setup.ts'],
  },
});
