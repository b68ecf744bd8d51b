import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A scratch folder of this test run, where builds shared by test files are made once (test/support/built-once.ts). */
    suiteScratch: string;
  }
}

/** Gives the test run one scratch folder, removed when it ends. Nothing is built here: a file that runs alone builds only what it reads. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = await mkdtemp(join(tmpdir(), 'hearken-suite-'));
  project.provide('suiteScratch', scratch);
  return () => rm(scratch, { recursive: true, force: true });
}
