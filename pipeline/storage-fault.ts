import { tmpdir } from 'node:os';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Language } from './config.ts';
import { PipelineError } from './errors.ts';
import { t } from './i18n.ts';
import { tempPrefix } from './publish/atomic.ts';

/**
 * The storage faults a user can fix, told apart from bugs: a warehouse file that is damaged
 * (corrupt or truncated: its fix is a rebuild from the input files), a full disk (its fix is
 * space), and DuckDB out of memory under its limit (its fix is a higher limit or smaller files).
 * `path` is the file that could not be written, where the error names it.
 */
export type StorageFault = { kind: 'corrupt_warehouse' } | { kind: 'disk_full'; path: string | null } | { kind: 'out_of_memory' };

/** DuckDB's words for a warehouse it cannot trust: a foreign or zeroed header, a block whose checksum fails. */
const CORRUPT = /not a valid DuckDB database file|Corrupt database file|does not match stored checksum/i;
/** A file shorter than DuckDB's own record of it: a truncated warehouse when it names the warehouse. */
const SHORT_READ = /Could not read enough bytes from file "([^"]+)"/i;
/** Node's ENOSPC and DuckDB's IO errors on a full disk (also when quoted inside a later "database invalidated" error). */
const DISK_FULL = /No space left on device|ENOSPC/i;
/** DuckDB's error when an operator cannot get memory under memory_limit, even by spilling. */
const OUT_OF_MEMORY = /Out of Memory Error/i;
/** The file DuckDB was writing, as its IO errors quote it. */
const WRITTEN_FILE = /(?:write|writing|create|open) (?:to )?file "([^"]+)"/i;

/** An error's whole text: its message and its cause's, since DuckDB and Node put the reason in different places. */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause === undefined ? error.message : `${error.message}\n${errorText(error.cause)}`;
}

/** Whether an error is a write that failed for want of space (Node's ENOSPC, or DuckDB quoting it). */
export function isDiskFull(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOSPC' || DISK_FULL.test(errorText(error));
}

/**
 * Which storage fault an error of DuckDB or Node reports, or null for any other error.
 *
 * @example storageFaultOf(new Error('IO Error: Could not write file "/d/w.duckdb.wal": No space left on device'), '/d/w.duckdb')
 * // { kind: 'disk_full', path: '/d/w.duckdb.wal' }
 */
export function storageFaultOf(error: unknown, dbPath: string): StorageFault | null {
  const text = errorText(error);
  if (isDiskFull(error)) {
    const nodePath = (error as NodeJS.ErrnoException).path;
    return { kind: 'disk_full', path: typeof nodePath === 'string' ? nodePath : (WRITTEN_FILE.exec(text)?.[1] ?? null) };
  }
  if (CORRUPT.test(text)) return { kind: 'corrupt_warehouse' };
  if (OUT_OF_MEMORY.test(text)) return { kind: 'out_of_memory' };
  const short = SHORT_READ.exec(text)?.[1];
  if (short !== undefined && [dbPath, `${dbPath}.wal`].some((path) => resolve(path) === resolve(short))) return { kind: 'corrupt_warehouse' };
  return null;
}

/** Where a run writes: the warehouse, and the site folder when the run publishes one. */
export interface WrittenPlaces {
  language: Language;
  dbPath: string;
  outDir?: string;
  /** DuckDB's memory limit in MiB, where the command set one: an out-of-memory error is told with it. */
  memoryLimitMb?: number;
}

/**
 * The one-line error a user sees for a storage fault, in their language, or null when the error
 * is not one (it then stays what it was). A file inside hearken's building folder beside `--out`
 * is shown as `--out`: it is on the same disk, and the user never made it.
 */
export function storageFaultError(error: unknown, places: WrittenPlaces): PipelineError | null {
  const fault = storageFaultOf(error, places.dbPath);
  if (fault === null) return null;
  const { language, dbPath, outDir, memoryLimitMb } = places;
  if (fault.kind === 'corrupt_warehouse') return new PipelineError('warehouse', t(language, 'fault.corruptWarehouse', { db: dbPath }));
  const site = outDir === undefined ? '' : t(language, 'fault.siteUnchanged', { out: outDir });
  if (fault.kind === 'out_of_memory') {
    return memoryLimitMb === undefined ? null : new PipelineError('storage', t(language, 'fault.outOfMemory', { limit: memoryLimitMb.toLocaleString('en'), site }));
  }
  // with no site to write, the warehouse is the only file a failed write can be
  const path = fault.path ?? (outDir === undefined ? dbPath : null);
  if (path === null) return new PipelineError('storage', t(language, 'fault.diskFullSomewhere', { db: dbPath, out: outDir ?? '', tmp: tmpdir(), site }));
  const building = outDir !== undefined && (relative(dirname(outDir), path).split(sep)[0] ?? '').startsWith(tempPrefix(outDir, 'building'));
  return new PipelineError('storage', t(language, 'fault.diskFull', { path: building ? outDir : path, site }));
}
