import { randomBytes } from 'node:crypto';
import { lstat, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Language } from '../config.ts';
import { EXIT_USAGE, PipelineError, oneLine } from '../errors.ts';
import { t, type MessageKey } from '../i18n.ts';
import { fileAbove, isWithin, realPathOf } from './real-path.ts';

/** The marker of a site hearken published: a manifest of its files, in the site's root. */
export const SITE_MANIFEST = '.hearken-site.json';
const MANIFEST_FORMAT = 1;

export interface SiteManifest {
  format: number;
  generator: 'hearken';
  run_id: string;
  generated_at: string;
  /** Every file of the site but the manifest, relative to the site's root with `/`, sorted. */
  files: string[];
}

/** What `--out` holds now; each of these may be replaced, anything else is refused. */
export type OutState = 'absent' | 'empty' | 'site' | 'previous-version-site';

/** What the output must stay clear of: the input folder, and the warehouse file (with its WAL beside it). */
export interface Protected {
  inputDir: string;
  dbPath: string | null;
}

/** Every file under `dir` (not folders), relative with `/`, sorted; symlinks are listed, not followed. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Writes the manifest that marks `dir` as a site hearken published, listing what is in it now. */
export async function writeSiteManifest(dir: string, run: { runId: string; generatedAt: string }): Promise<void> {
  const manifest: SiteManifest = {
    format: MANIFEST_FORMAT,
    generator: 'hearken',
    run_id: run.runId,
    generated_at: run.generatedAt,
    files: (await filesUnder(dir)).filter((file) => file !== SITE_MANIFEST),
  };
  await writeFile(join(dir, SITE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest of a folder that lists one; null when it is not one of hearken's (a missing file is thrown: the folder changed). */
async function readManifest(dir: string): Promise<SiteManifest | null> {
  let text;
  try {
    text = await readFile(join(dir, SITE_MANIFEST), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<SiteManifest>;
    return parsed.generator === 'hearken' && typeof parsed.format === 'number' && Array.isArray(parsed.files) ? (parsed as SiteManifest) : null;
  } catch {
    return null;
  }
}

/**
 * The files of a site as hearken published it before sites carried a manifest: the three files
 * every such run wrote, and otherwise only what such a run could write (pages, department packs,
 * exports, reports), so that a folder of someone's files is never taken for one.
 */
const PREVIOUS_VERSION_REQUIRED = ['index.html', 'run-summary.json', 'warnings.json'];
const PREVIOUS_VERSION_TOP = new Set(['index.html', 'issues.html', 'leadership.html', 'run-summary.json', 'warnings.json', 'departments', 'data', 'reports']);
const PREVIOUS_VERSION_FILE = /^(index|issues|leadership)\.html$|^(run-summary|warnings)\.json$|^departments\/[^/]+\.(html|json)$|^data\/[a-z0-9_]+\.(csv|parquet)$|^reports\/(daily|weekly|monthly)\/[^/]+\.(html|md)$/;

/**
 * What a folder holds, as far as replacing it goes: nothing; a site hearken published (its manifest,
 * and no file the manifest does not list); a site of a hearken from before manifests; or, as
 * `foreign`, anything else, with the files that make it so.
 */
export async function folderState(dir: string): Promise<{ state: OutState } | { state: 'foreign'; unknown: string[]; marked: boolean }> {
  const top = await readdir(dir);
  if (top.length === 0) return { state: 'empty' };
  const manifest = top.includes(SITE_MANIFEST) ? await readManifest(dir) : null;
  // a folder such as / or a home folder is told foreign by its first level, without walking it
  const strangers = manifest === null ? top.filter((entry) => !PREVIOUS_VERSION_TOP.has(entry)) : [];
  if (strangers.length > 0) return { state: 'foreign', unknown: strangers, marked: false };
  const files = await filesUnder(dir);
  if (manifest !== null) {
    const listed = new Set([...manifest.files, SITE_MANIFEST]);
    const unknown = files.filter((file) => !listed.has(file));
    return unknown.length === 0 ? { state: 'site' } : { state: 'foreign', unknown, marked: true };
  }
  const unknown = files.filter((file) => !PREVIOUS_VERSION_FILE.test(file));
  if (unknown.length === 0 && PREVIOUS_VERSION_REQUIRED.every((file) => files.includes(file))) return { state: 'previous-version-site' };
  return { state: 'foreign', unknown, marked: false };
}

const refuse = (language: Language, key: MessageKey, values: Record<string, string | number>) =>
  new PipelineError('publish', t(language, key, values), EXIT_USAGE);

/**
 * Contract section 2: `--out` may be replaced only when it does not exist, is an empty folder, or
 * holds a site hearken published there. Refuses (exit 2, untouched) an `--out` that is, holds or
 * lies inside the input folder; that holds the warehouse; that is a file, a device, a pipe or a
 * symlink; or a folder with anything else in it. Paths are compared as real paths. Called before
 * a run does any work, and again just before the swap.
 *
 * @example await checkOutFolder('/srv/site', { inputDir: '/srv/exports', dbPath: '/srv/hearken.duckdb' }, 'en') // 'site'
 */
export async function checkOutFolder(outDir: string, guard: Protected, language: Language): Promise<OutState> {
  const state = await outFolderState(outDir, guard, language);
  await checkWritable(outDir, language);
  return state;
}

/** The nearest folder at or above `path` that exists. */
async function existingFolder(path: string): Promise<string> {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((await stat(dir).catch(() => null))?.isDirectory() || dir === dirname(dir)) return dir;
  }
}

/**
 * Refuses (exit 2) an `--out` beside which nothing can be made: the lock, the new site and the old
 * one are folders beside it. Tried by making a file there, since permission bits do not tell (a
 * read-only mount, /proc, /sys; root passes every access() check).
 */
async function checkWritable(outDir: string, language: Language): Promise<void> {
  const folder = await existingFolder(dirname(resolve(outDir)));
  const probe = join(folder, `.hearken-probe-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(probe, '', { flag: 'wx' });
  } catch (error) {
    throw refuse(language, 'out.notWritable', { out: outDir, folder, reason: (error as NodeJS.ErrnoException).code ?? oneLine(error) });
  }
  await rm(probe, { force: true });
}

async function outFolderState(outDir: string, guard: Protected, language: Language): Promise<OutState> {
  const out = await realPathOf(outDir);
  const input = await realPathOf(guard.inputDir);
  if (isWithin(out, input) || isWithin(input, out)) throw refuse(language, 'out.overlapsInput', { out: outDir, input: guard.inputDir });
  if (guard.dbPath !== null && isWithin(await realPathOf(guard.dbPath), out)) throw refuse(language, 'out.holdsWarehouse', { out: outDir, db: guard.dbPath });
  let info;
  try {
    info = await lstat(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    const file = await fileAbove(outDir);
    if (file !== null) throw refuse(language, 'out.underFile', { out: outDir, file });
    return 'absent';
  }
  if (info.isSymbolicLink()) throw refuse(language, 'out.symlink', { out: outDir });
  if (!info.isDirectory()) throw refuse(language, 'out.notFolder', { out: outDir });
  let found;
  try {
    found = await folderState(outDir);
  } catch (error) {
    // another run swapped its site in while this one looked: look again at what is there now
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return outFolderState(outDir, guard, language);
    throw error;
  }
  if (found.state !== 'foreign') return found.state;
  if (found.unknown.length === 0 || !found.marked) throw refuse(language, 'out.foreign', { out: outDir });
  throw refuse(language, 'out.foreignFiles', { out: outDir, count: found.unknown.length, example: JSON.stringify(found.unknown[0]) });
}
