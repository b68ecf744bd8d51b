import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Language } from '../config.ts';
import { crashPoint } from '../crash-point.ts';
import { checkOutFolder, folderState, writeSiteManifest, type Protected } from './out-folder.ts';
import { isAlive, withPublishLock } from './publish-lock.ts';

/** The file inside each of hearken's temporary folders that says it is one, and whose it is. */
const TEMP_MARKER = '.hearken-temp.json';

export interface PublishOptions {
  /** What `outDir` must stay clear of (contract section 2). */
  guard: Protected;
  language: Language;
  /** Written into the site's manifest. */
  runId: string;
  generatedAt: string;
  /** How long to wait for another run publishing into the same folder; default two minutes. */
  lockTimeoutMs?: number;
}

/** Names of hearken's temporary folders beside `--out`: a fixed prefix, then a random suffix. */
export const tempPrefix = (outDir: string, purpose: 'building' | 'previous') => `.${basename(outDir)}.hearken-${purpose}-`;

/** The owner written in a temporary folder's marker; null when the folder carries none (not ours). */
async function tempOwner(dir: string): Promise<{ pid: number; host: string } | null> {
  try {
    const owner = JSON.parse(await readFile(join(dir, TEMP_MARKER), 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : null;
  } catch {
    return null;
  }
}

/**
 * Clears what a publisher that died left beside `outDir`. Runs under the folder's lock, so no
 * other swap is under way: a set-aside previous site (a site by its manifest or shape, or the empty
 * folder it replaced) goes back into place when `outDir` is missing, else it is removed; a building
 * folder is removed when its marker names a dead process of this host. Anything else, whatever its
 * name, is left alone.
 */
async function recoverInterruptedPublish(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  for (const entry of await readdir(parent)) {
    const path = join(parent, entry);
    if (entry.startsWith(tempPrefix(outDir, 'previous'))) {
      const { state } = await folderState(path).catch(() => ({ state: 'unreadable' }));
      if (state !== 'site' && state !== 'previous-version-site' && state !== 'empty') continue;
      if (existsSync(outDir)) await rm(path, { recursive: true, force: true });
      else await rename(path, outDir);
    } else if (entry.startsWith(tempPrefix(outDir, 'building'))) {
      const owner = await tempOwner(path);
      if (owner !== null && owner.host === hostname() && !isAlive(owner.pid)) await rm(path, { recursive: true, force: true });
    }
  }
}

/**
 * Builds the output folder beside the old one, then swaps it in with two renames, so that a failed
 * build leaves the previous folder untouched (contract section 2). `outDir` is checked before and
 * again at the swap (checkOutFolder): only a missing or empty folder, or a site hearken published,
 * is ever replaced. The new site gets a manifest of its files, which marks it as hearken's. The
 * building folder is uniquely named and marked; the swap holds the folder's lock, so two runs
 * publishing at once take turns and the folder ends up one whole site. Should a process die between
 * the two renames, the next publisher finds the previous site set aside and puts it back first.
 *
 * @example await publishAtomically('/srv/site', { guard, language: 'en', runId, generatedAt }, async (dir) => writeFile(join(dir, 'index.html'), html))
 */
export async function publishAtomically(outDir: string, options: PublishOptions, build: (dir: string) => Promise<void>): Promise<void> {
  await checkOutFolder(outDir, options.guard, options.language);
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const lock = { language: options.language, timeoutMs: options.lockTimeoutMs ?? 120_000 };
  // a site left set aside by a dead publisher is back in place while this one builds
  await withPublishLock(outDir, lock, () => recoverInterruptedPublish(outDir));
  const staging = await mkdtemp(join(parent, tempPrefix(outDir, 'building')));
  try {
    await writeFile(join(staging, TEMP_MARKER), JSON.stringify({ pid: process.pid, host: hostname() }));
    const site = join(staging, 'site');
    await mkdir(site);
    await build(site);
    await writeSiteManifest(site, options);
    crashPoint('publish.built');
    await withPublishLock(outDir, lock, async () => {
      await recoverInterruptedPublish(outDir);
      const state = await checkOutFolder(outDir, options.guard, options.language);
      if (state === 'absent') {
        await rename(site, outDir);
        return;
      }
      // the previous site is set aside under a name that says it is hearken's, then removed
      const previous = join(parent, `${tempPrefix(outDir, 'previous')}${randomBytes(6).toString('hex')}`);
      await rename(outDir, previous);
      crashPoint('publish.set-aside');
      await rename(site, outDir);
      await rm(previous, { recursive: true, force: true });
    });
    crashPoint('publish.swapped');
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
