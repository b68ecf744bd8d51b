import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAME, type Language } from '../config.ts';
import { EXIT_USAGE, PipelineError, oneLine } from '../errors.ts';
import { t, type MessageKey } from '../i18n.ts';
import type { FileRejection } from './file-rejection.ts';

export type InputFormat = 'csv' | 'tsv' | 'jsonl' | 'parquet' | 'xlsx';

const FORMAT_BY_EXTENSION: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
  '.xlsx': 'xlsx',
};

/** Table formats people often export that hearken cannot read, with what to do instead. */
const UNSUPPORTED_TABLES: Record<string, FileRejection['reason']> = {
  '.xls': 'rejection.xls',
  '.xlsm': 'rejection.xlsm',
  '.ods': 'rejection.ods',
};

/** Files an operating system or an editor leaves beside documents: never data, whatever their extension. */
const JUNK_NAMES = new Set(['.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', 'icon\r']);
/** Office's owner files (~$book.xlsx), macOS resource forks (._x.csv), LibreOffice locks, editor swap and backup files. */
const JUNK_PATTERN = /^(~\$|\._|\.~lock\.)|(\.swp|~)$/i;

/** Folders of version control, trash and indexing: their files are the system's, not exports. */
const SYSTEM_FOLDERS = new Set([
  '.git', '.svn', '.hg', '__MACOSX', '$RECYCLE.BIN', 'System Volume Information',
  '.Trashes', '.Trash', '.Spotlight-V100', '.fseventsd', '.TemporaryItems', '.DocumentRevisions-V100',
]);

/** The name (without extension) of the file in which a hospital records what it fixed. */
export const FIXES_FILE_STEM = 'fixes';

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the input folder, with forward slashes: the name the run summary uses. */
  relativePath: string;
  /** The file's name without its extension: the default `source` of its records. */
  stem: string;
  format: InputFormat | null;
  /** Why the file cannot be read, for table formats hearken does not support. */
  unsupported?: FileRejection['reason'];
}

/** Why an entry of the input folder was not read (worded for people by i18n `notRead.<reason>`). */
export type NotReadReason =
  | 'not_a_table'
  | 'config'
  | 'junk'
  | 'system_folder'
  | 'special_file'
  | 'unreadable'
  | 'link_inside'
  | 'link_outside'
  | 'link_broken'
  | 'link_loop';

export interface NotRead {
  /** Path relative to the input folder, with forward slashes. */
  path: string;
  reason: NotReadReason;
  /** For `link_inside`: the entry the link resolves to, which is read (or listed) under its own path. */
  target?: string;
}

/** Why an entry of the input folder was not read, for people. */
export function notReadText(language: Language, entry: NotRead): string {
  return t(language, `notRead.${entry.reason}`, { target: entry.target ?? '' });
}

export interface Discovery {
  files: InputFile[];
  /** The hospital's record of what it fixed (fixes.csv, fixes.xlsx, ... anywhere in the folder): reviewed, not ingested (pipeline/fixes). */
  fixes: InputFile[];
  /** Every other entry of the input folder, with the reason it was not read. */
  notRead: NotRead[];
}

/** Stops a run whose input folder is missing, is a file or cannot be listed: checked before anything else is opened. */
export async function checkInputFolder(inputDir: string, language: Language = 'en'): Promise<void> {
  const refuse = (key: MessageKey, reason = '') => new PipelineError('ingest', t(language, key, { input: inputDir, reason }), EXIT_USAGE);
  const info = await stat(inputDir).catch(() => null);
  if (info === null) throw refuse('input.missing');
  if (!info.isDirectory()) throw refuse('input.notFolder');
  await readdir(inputDir).catch((error: NodeJS.ErrnoException) => {
    throw refuse('input.unreadable', error.code ?? oneLine(error));
  });
}

/** Code-unit order: the same on every machine and locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lists the input folder recursively and accounts for every entry: the table files to read, and
 * everything else with the reason it is not read. Symbolic links are resolved, never walked: a
 * link whose real target lies inside the input folder is listed as pointing there, where the
 * target itself is read once under its own path (so no file is read twice and no link can loop);
 * a link that leads outside, nowhere, or in a circle is listed and not read. FIFOs, sockets and
 * devices are never opened (a FIFO blocks its reader). Results are sorted so runs are repeatable.
 */
export async function discoverInputFiles(inputDir: string, language: Language = 'en'): Promise<Discovery> {
  await checkInputFolder(inputDir, language);
  const root = await realpath(inputDir);
  const found: Discovery = { files: [], fixes: [], notRead: [] };
  await walk(root, root, '', found, language);
  found.files.sort((a, b) => compare(a.relativePath, b.relativePath));
  found.fixes.sort((a, b) => compare(a.relativePath, b.relativePath));
  found.notRead.sort((a, b) => compare(a.path, b.path));
  return found;
}

async function walk(root: string, dir: string, relativeDir: string, found: Discovery, language: Language): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (relativeDir === '') throw new PipelineError('ingest', t(language, 'input.unreadable', { input: dir, reason: error.code ?? oneLine(error) }), EXIT_USAGE);
    found.notRead.push({ path: relativeDir, reason: 'unreadable' });
    return [];
  });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const relativePath = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
    if (entry.isSymbolicLink()) found.notRead.push(await resolveLink(root, path, relativePath));
    else if (entry.isDirectory()) {
      if (SYSTEM_FOLDERS.has(entry.name)) found.notRead.push({ path: relativePath, reason: 'system_folder' });
      else await walk(root, path, relativePath, found, language);
    } else if (entry.isFile()) {
      const file = await classifyFile(path, relativePath);
      if ('reason' in file) found.notRead.push(file);
      else if (file.stem.toLowerCase() === FIXES_FILE_STEM) found.fixes.push(file);
      else found.files.push(file);
    } else found.notRead.push({ path: relativePath, reason: 'special_file' });
  }
}

/** Where a link leads, as a reason it is not read itself. */
async function resolveLink(root: string, path: string, relativePath: string): Promise<NotRead> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { path: relativePath, reason: code === 'ELOOP' ? 'link_loop' : code === 'ENOENT' || code === 'ENOTDIR' ? 'link_broken' : 'unreadable' };
  }
  if (real !== root && !real.startsWith(root + sep)) return { path: relativePath, reason: 'link_outside' };
  const target = relative(root, real).split(sep).join('/');
  // a link to a folder that holds it (the input folder itself, or a parent) leads back into itself
  if (target === '' || relativePath.startsWith(`${target}/`)) return { path: relativePath, reason: 'link_loop', target };
  return { path: relativePath, reason: 'link_inside', target };
}

/** A regular file: a table to read (hidden or not), or the reason it is not read. */
async function classifyFile(path: string, relativePath: string): Promise<InputFile | NotRead> {
  const name = basename(path);
  const notRead = (reason: NotReadReason): NotRead => ({ path: relativePath, reason });
  if (relativePath === CONFIG_FILE_NAME) return notRead('config');
  if (JUNK_NAMES.has(name.toLowerCase()) || JUNK_PATTERN.test(name)) return notRead('junk');
  const extension = extname(name).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension] ?? null;
  const unsupported = UNSUPPORTED_TABLES[extension];
  if (format === null && unsupported === undefined) return notRead('not_a_table');
  const readable = await access(path, constants.R_OK).then(() => true, () => false);
  if (!readable) return notRead('unreadable');
  return { path, relativePath, stem: basename(name, extname(name)), format, unsupported };
}
