import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

/** Whether the process `pid` is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds `name` once per test run, whichever test file asks first, and hands every file the folder
 * it was built in with what `build` returned. Test files run in several processes at once: the
 * first to take the lock (an exclusive mkdir) builds, the others wait for its `done` file, and
 * fail with its error, or when its process is gone. The folder is shared: a test that changes
 * files copies them first.
 *
 * @example const { dir, value } = await builtOnce('sample-run', (dir) => runSample(dir));
 */
export async function builtOnce<T>(name: string, build: (dir: string) => Promise<T>): Promise<{ dir: string; value: T }> {
  const dir = join(inject('suiteScratch'), name);
  const done = join(dir, 'built-once.json');
  const failed = join(dir, 'built-once.failed');
  const builder = join(dir, 'built-once.pid');
  let owner = true;
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    owner = false;
  }
  if (owner) {
    try {
      await writeFile(builder, String(process.pid));
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
    // the pid is written just after the lock is taken: a moment without it is not a dead builder
    const pid = existsSync(builder) ? Number(await readFile(builder, 'utf8')) : null;
    if (pid !== null && pid > 0 && !alive(pid)) throw new Error(`builtOnce: the test process building ${name} (${pid}) ended without finishing it`);
    await sleep(500);
  }
}
