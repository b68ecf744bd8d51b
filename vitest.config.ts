import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // a test file per core: vitest's default keeps one core for its own process, which mostly
    // waits, so on two cores it ran one file at a time with the second core idle
    maxWorkers: availableParallelism(),
    // one scratch folder per test run, for what several test files read and is built once (test/support/built-once.ts)
    globalSetup: ['test/support/global-setup.ts'],
  },
});
