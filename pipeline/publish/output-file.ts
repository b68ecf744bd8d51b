import { randomBytes } from 'node:crypto';
import { lstat, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Language } from '../config.ts';
import { EXIT_USAGE, PipelineError } from '../errors.ts';
import { t, type MessageKey } from '../i18n.ts';
import { SITE_MANIFEST } from './out-folder.ts';
import { fileAbove, isWithin, realPathOf } from './real-path.ts';

/** What an output file must not be: the file read, the folder read, the warehouse, someone else's file. */
export interface OutputGuard {
  inputFile?: string;
  inputDir?: string;
  warehouse?: string | null;
  /** How a file this command wrote begins: an existing file that begins otherwise is not replaced. */
  writtenStart?: string;
  /** Another file the same command writes (backtest's --out beside --evaluate): one may not overwrite the other. */
  otherOutput?: string;
}

/** The first `length` characters of a file, as UTF-8. */
async function startOf(path: string, length: number): Promise<string> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(length * 4);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return head.toString('utf8', 0, bytesRead).slice(0, length);
  } finally {
    await file.close();
  }
}

/** The nearest folder at or above `path`'s folder that holds a site hearken published, or null. */
async function siteAbove(realPath: string): Promise<string | null> {
  for (let dir = dirname(realPath); ; dir = dirname(dir)) {
    if ((await lstat(join(dir, SITE_MANIFEST)).catch(() => null)) !== null) return dir;
    if (dir === dirname(dir)) return null;
  }
}

/**
 * Refuses (exit 2) an output file that cannot be written without harm: an existing folder, device,
 * pipe or socket (or a symlink to one), a path under a file, the input file or the warehouse
 * (also by another name: a symlink or hard link), the command's other output file, a path inside
 * the input folder or inside a site hearken published, or an existing file that does not begin as
 * this command's output does.
 *
 * @example await checkOutputFile('/tmp/alarms.csv', '--out', { inputFile: '/tmp/counts.csv' }, 'en')
 */
export async function checkOutputFile(path: string, option: string, guard: OutputGuard, language: Language): Promise<void> {
  const refuse = (key: MessageKey, values: Record<string, string> = {}) => new PipelineError('publish', t(language, key, { option, path, ...values }), EXIT_USAGE);
  const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (existing === null) {
    const file = (await lstat(path).catch(() => null)) === null ? await fileAbove(path) : null;
    if (file !== null) throw refuse('file.underFile', { file });
  } else if (!existing.isFile()) {
    throw refuse('file.notFile');
  }
  const real = await realPathOf(path);
  const isSameFile = async (other: string) => {
    const info = await stat(other).catch(() => null);
    const sameInode = existing !== null && info !== null && existing.dev === info.dev && existing.ino === info.ino;
    return sameInode || real === (await realPathOf(other));
  };
  if (guard.inputFile !== undefined && (await isSameFile(guard.inputFile))) throw refuse('file.sameAsInput');
  if (guard.warehouse && (await isSameFile(guard.warehouse))) throw refuse('file.isWarehouse');
  if (guard.otherOutput !== undefined && (await isSameFile(guard.otherOutput))) throw refuse('file.sameAsOut');
  if (guard.inputDir !== undefined && isWithin(real, await realPathOf(guard.inputDir))) throw refuse('file.insideInput', { input: guard.inputDir });
  // a file written into a site is either lost at the next run's swap or, listed nowhere, stops it
  const site = await siteAbove(real);
  if (site !== null) throw refuse('file.insideSite', { site });
  if (existing !== null && existing.size > 0 && guard.writtenStart !== undefined && (await startOf(path, guard.writtenStart.length)) !== guard.writtenStart) {
    throw refuse('file.notOurs');
  }
}

/**
 * Writes a file whole or not at all: into a uniquely named temporary file beside it, then renamed
 * into place, so a failed or killed run never leaves half a file and two writers never share one.
 * Text or bytes; text may come in pieces (an iterable), for outputs too large to hold.
 *
 * @example await writeFileAtomically('warnings.json', JSON.stringify(file))
 */
export async function writeFileAtomically(path: string, text: string | Uint8Array | Iterable<string> | AsyncIterable<string>): Promise<void> {
  const partial = join(dirname(path), `.${basename(path)}.hearken-${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeFile(partial, text, { flag: 'wx' });
    await rename(partial, path);
  } finally {
    await rm(partial, { force: true });
  }
}
