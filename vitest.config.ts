import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // generous: with a file per core, two whole-pipeline tests share the machine's two cores, and a
    // test of several pipeline runs took 36-66 s in a fresh-clone CI run; a timeout is a hang guard,
    // never a performance check (those are `npm run bench`)
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // a test file per core: vitest's default keeps one core for its own process, which mostly
    // waits, so on two cores it ran one file at a time with the second core idle
    maxWorkers: availableParallelism(),
    // one scratch folder per test run, for what several test files read and is built once (test/support/built-once.ts)
    globalSetup: ['test/support/global-setup.ts'],
  },
});
