import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Language } from '../config.ts';
import { PipelineError } from '../errors.ts';
import { t } from '../i18n.ts';

interface LockHolder {
  pid: number;
  host: string;
  token: string;
}

/** The lock file of an output folder: beside it, so that it survives the folder's swap. */
export const lockPathOf = (outDir: string) => join(dirname(outDir), `.${basename(outDir)}.hearken-lock`);

/** Whether a process of this machine is still running (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' && typeof holder.token === 'string' ? (holder as LockHolder) : null;
  } catch {
    return null;
  }
}

/**
 * Removes a lock left by a process that died, without taking away one another process has just
 * made in its place: the file is moved aside first and, if it is not the dead one's, put back.
 */
async function breakStaleLock(path: string, staleToken: string | null): Promise<void> {
  const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return; // gone already: someone else broke it
  }
  const moved = await readHolder(aside);
  if (moved !== null && moved.token !== staleToken) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

/** A lock file still without its holder some seconds after it was made: its process died making it. */
async function isUnwrittenLock(path: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > 5000;
  } catch {
    return false;
  }
}

export interface LockOptions {
  language: Language;
  /** How long to wait for another publisher before giving up. */
  timeoutMs: number;
}

/**
 * Runs `work` while holding the lock of `outDir`, so that two runs publishing into one folder take
 * turns and the folder always ends up one whole site. The lock is a file created exclusively beside
 * the folder, naming its process, host and a random token; a lock whose process of this host has
 * died is stale and broken. A lock held longer than the timeout stops the run with one line (exit 1).
 */
export async function withPublishLock<T>(outDir: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const path = lockPathOf(outDir);
  const mine: LockHolder = { pid: process.pid, host: hostname(), token: randomBytes(16).toString('hex') };
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      await writeFile(path, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder === null ? await isUnwrittenLock(path) : holder.host === mine.host && !isAlive(holder.pid)) {
      await breakStaleLock(path, holder?.token ?? null);
      continue;
    }
    if (Date.now() >= deadline) {
      const seconds = Math.round(options.timeoutMs / 1000);
      throw new PipelineError('publish', t(options.language, 'out.locked', { pid: holder?.pid ?? '?', host: holder?.host ?? '?', out: outDir, seconds }));
    }
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 150));
  }
  try {
    return await work();
  } finally {
    if ((await readHolder(path))?.token === mine.token) await rm(path, { force: true });
  }
}
