import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Builds the output folder beside the old one, then swaps it in with two renames, so that a
 * failed build leaves the previous folder untouched. Should the process die between the two
 * renames, the next call finds the previous folder set aside and puts it back first.
 */
export async function publishAtomically(outDir: string, build: (dir: string) => Promise<void>): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  await mkdir(parent, { recursive: true });
  await restoreInterruptedSwap(outDir);
  const staging = join(parent, `.${name}.building-${process.pid}`);
  const previous = join(parent, `.${name}.previous-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    await build(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) await rename(outDir, previous);
  await rename(staging, outDir);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

async function restoreInterruptedSwap(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const leftovers = (await readdir(parent)).filter((entry) => entry.startsWith(`.${name}.`));
  for (const entry of leftovers) {
    const path = join(parent, entry);
    if (entry.startsWith(`.${name}.previous-`) && !existsSync(outDir)) await rename(path, outDir);
    else await rm(path, { recursive: true, force: true });
  }
}
