import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

/**
 * Builds `name` once per test run, whichever test file asks first, and hands every file the folder
 * it was built in with what `build` returned. Test files run in several processes at once: the
 * first to take the lock (an exclusive mkdir) builds, the others wait for its `done` file, or
 * fail with its error. The folder is shared: a test that changes files copies them first.
 *
 * @example const { dir, value } = await builtOnce('sample-run', (dir) => runSample(dir));
 */
export async function builtOnce<T>(name: string, build: (dir: string) => Promise<T>): Promise<{ dir: string; value: T }> {
  const dir = join(inject('suiteScratch'), name);
  const done = join(dir, 'built-once.json');
  const failed = join(dir, 'built-once.failed');
  let owner = true;
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    owner = false;
  }
  if (owner) {
    try {
      const value = await build(dir);
      await writeFile(done, JSON.stringify(value ?? null));
      return { dir, value };
    } catch (error) {
      await writeFile(failed, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
  for (;;) {
    if (existsSync(done)) return { dir, value: JSON.parse(await readFile(done, 'utf8')) as T };
    if (existsSync(failed)) throw new Error(`builtOnce: building ${name} failed in another test file: ${await readFile(failed, 'utf8')}`);
    await sleep(500);
  }
}
