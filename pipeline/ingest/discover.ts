import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAME } from '../config.ts';
import { EXIT_USAGE, PipelineError } from '../errors.ts';

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
const UNSUPPORTED_TABLES: Record<string, string> = {
  '.xls': 'old Excel .xls files are not supported; save the sheet as .xlsx',
  '.xlsm': 'macro-enabled .xlsm files are not supported; save the sheet as .xlsx',
  '.ods': 'OpenDocument .ods files are not supported; save the sheet as .xlsx or .csv',
};

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the input folder, with forward slashes: the name the run summary uses. */
  relativePath: string;
  /** The file's name without its extension: the default `source` of its records. */
  stem: string;
  format: InputFormat | null;
  /** Why the file cannot be read, for table formats hearken does not support. */
  unsupported?: string;
}

export interface Discovery {
  files: InputFile[];
  /** Files that are not tables (READMEs, notes): listed in the run summary, never read. */
  ignored: string[];
}

/** Lists the input folder recursively, in a fixed (sorted) order so runs are repeatable. */
export async function discoverInputFiles(inputDir: string): Promise<Discovery> {
  const info = await stat(inputDir).catch(() => null);
  if (!info?.isDirectory()) throw new PipelineError('ingest', `input folder ${inputDir} does not exist`, EXIT_USAGE);
  const entries = await readdir(inputDir, { recursive: true, withFileTypes: true });
  const files: InputFile[] = [];
  const ignored: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relativePath = relative(inputDir, path).split(sep).join('/');
    if (relativePath.split('/').some((part) => part.startsWith('.')) || entry.name === CONFIG_FILE_NAME) continue;
    const extension = extname(entry.name).toLowerCase();
    const format = FORMAT_BY_EXTENSION[extension] ?? null;
    const unsupported = UNSUPPORTED_TABLES[extension];
    if (format === null && unsupported === undefined) {
      ignored.push(relativePath);
      continue;
    }
    files.push({ path, relativePath, stem: basename(entry.name, extname(entry.name)), format, unsupported });
  }
  files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { files, ignored: ignored.sort() };
}

/** SHA-256 of a file's bytes, streamed: the identity of a file version for skip-if-seen. */
export async function fileChecksum(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
