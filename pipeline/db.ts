import { readFileSync } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Config, Language } from './config.ts';
import { EXIT_USAGE, PipelineError, oneLine } from './errors.ts';
import { t } from './i18n.ts';
import type { Progress } from './progress.ts';
import { isWithin, realPathOf } from './publish/real-path.ts';
import { storageFaultError } from './storage-fault.ts';

const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'models');

export interface Warehouse {
  readonly path: string;
  readonly connection: DuckDBConnection;
  close(): void;
}

export interface OpenOptions {
  /** Seconds to wait for another run that holds the warehouse; 0 exits at once. */
  waitSeconds?: number;
  /** Called once when the warehouse is busy and we start waiting. */
  onWait?: (message: string) => void;
  /** The language of its messages (a busy, damaged or misplaced warehouse); default English, for callers with no reader (tests, notebooks). */
  language?: Language;
  /** MiB DuckDB may hold in memory (config.memoryLimitMb); default DuckDB's own, 80 % of RAM. */
  memoryLimitMb?: number;
}

/**
 * DuckDB's settings for a warehouse: its memory limit, and the folder beside the warehouse it
 * spills to past that limit (on the warehouse's disk, which has room for the warehouse's data).
 */
function instanceOptions(path: string, memoryLimitMb: number | undefined): Record<string, string> {
  return memoryLimitMb === undefined ? {} : { memory_limit: `${memoryLimitMb}MiB`, temp_directory: `${path}.tmp` };
}

/** A DuckDB database file begins with a checksum and its magic bytes "DUCK" at offset 8. */
const HEADER_BYTES = 12;

/**
 * Files DuckDB opens, by their name, as an in-memory database over them: an existing
 * `--db export.parquet` would run and keep nothing. (A new path with such a name is a real database.)
 */
const DATA_FILE = /\.(csv|tsv|parquet|json|jsonl|ndjson)(\.gz|\.zst)?$/i;

/**
 * Whether an existing file is plainly not a warehouse: a data file by its name, or too short to
 * hold a header (an empty file). Any other file that is not a sound DuckDB file is left to DuckDB,
 * which is reported as a damaged warehouse to move out of the way (a header overwritten looks
 * like any other file).
 */
async function isPlainlyNotWarehouse(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return DATA_FILE.test(path) || bytesRead < HEADER_BYTES;
  } finally {
    await file.close();
  }
}

/**
 * Refuses (exit 2) a warehouse inside the input folder: every file there is read as input, and a
 * careless `--db` there is most likely a path typed for another option.
 *
 * @example await checkWarehousePath('/srv/exports/w.duckdb', '/srv/exports', 'en') // throws
 */
export async function checkWarehousePath(path: string, inputDir: string, language: Language): Promise<void> {
  if (isWithin(await realPathOf(path), await realPathOf(inputDir))) {
    throw new PipelineError('warehouse', t(language, 'db.insideInput', { db: path, input: inputDir }), EXIT_USAGE);
  }
}

/**
 * The warehouse's folder, made when missing; a file in the way, or a warehouse path that names a
 * folder or a device, is the user's to fix.
 */
async function makeWarehouseFolder(path: string, language: Language): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing !== null && !existing.isFile()) {
    throw new PipelineError('warehouse', t(language, 'db.notAFile', { db: path }), EXIT_USAGE);
  }
  if (existing !== null && (await isPlainlyNotWarehouse(path))) throw new PipelineError('warehouse', t(language, 'db.notWarehouse', { db: path }), EXIT_USAGE);
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new PipelineError('warehouse', t(language, 'db.folderBlocked', { db: path }), EXIT_USAGE);
    throw new PipelineError('warehouse', t(language, 'db.folderFailed', { db: path, reason: oneLine(error) }));
  }
}

/** How a command opens the warehouse under its config: waiting as long as it allows, saying so on `progress`. */
export function warehouseOptions(config: Pick<Config, 'waitSeconds' | 'language' | 'memoryLimitMb'>, progress: Pick<Progress, 'info'>): OpenOptions {
  return { waitSeconds: config.waitSeconds, onWait: (message) => progress.info(message), language: config.language, memoryLimitMb: config.memoryLimitMb };
}

/**
 * Opens (or creates, with its folder) the DuckDB warehouse. DuckDB holds an OS file lock for as long as a process
 * has the file open, so the lock disappears with the process, even after kill -9: that lock is
 * the run lock, and a second run either waits for it or stops with a clear message.
 */
export async function openWarehouse(path: string, options: OpenOptions = {}): Promise<Warehouse> {
  const language = options.language ?? 'en';
  await makeWarehouseFolder(path, language);
  const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
  let announced = false;
  for (;;) {
    try {
      const instance = await DuckDBInstance.create(path, instanceOptions(path, options.memoryLimitMb));
      const connection = await instance.connect();
      return {
        path,
        connection,
        close() {
          connection.closeSync();
          instance.closeSync();
        },
      };
    } catch (error) {
      const fault = storageFaultError(error, { language, dbPath: path });
      if (fault !== null) throw fault;
      const message = oneLine(error);
      if (!/Could not set lock|Conflicting lock/i.test(message)) {
        throw new PipelineError('warehouse', t(language, 'db.cannotOpen', { db: path, reason: message }));
      }
      const holder = /PID (\d+)/.exec(message)?.[1];
      const busy = holder ? t(language, 'db.busyProcess', { db: path, pid: holder }) : t(language, 'db.busy', { db: path });
      if (Date.now() >= deadline) {
        throw new PipelineError('warehouse', t(language, 'db.busyStop', { busy }));
      }
      if (!announced) options.onWait?.(t(language, 'db.busyWaiting', { busy }));
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** An identifier that cannot be bound as a parameter (a column or table name), quoted for SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal for the few places DuckDB does not take a parameter (e.g. COPY targets). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const modelCache = new Map<string, string>();

/** The SQL text of a model file, e.g. `staging/stg_feedback` for models/staging/stg_feedback.sql. */
export function modelSql(name: string): string {
  let sql = modelCache.get(name);
  if (sql === undefined) {
    sql = readFileSync(join(MODELS_DIR, `${name}.sql`), 'utf8');
    modelCache.set(name, sql);
  }
  return sql;
}

/** Runs one model file (it may hold several statements). Models read run settings with getvariable(). */
export async function runModel(connection: DuckDBConnection, name: string): Promise<void> {
  await connection.run(modelSql(name));
}

/** Sets DuckDB variables that models read with getvariable('name'). */
export async function setVariables(connection: DuckDBConnection, values: Record<string, DuckDBValue>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    await connection.run(`set variable ${quoteIdentifier(name)} = $value`, { value });
  }
}

/** Rows of a query as plain JS objects (bigint counts become numbers where they are safe). */
export async function queryRows<T = Record<string, unknown>>(
  connection: DuckDBConnection,
  sql: string,
  values?: Record<string, DuckDBValue>,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJS().map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      out[key] = typeof value === 'bigint' && Number.isSafeInteger(Number(value)) ? Number(value) : value;
    }
    return out as T;
  });
}

/** Runs work inside one transaction: all of it lands, or (on error or a killed process) none of it. */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('begin transaction');
  try {
    const result = await work();
    await connection.run('commit');
    return result;
  } catch (error) {
    // a failed commit, or a fatal error such as a full disk, has ended the transaction already:
    // the first error is the cause, not the rollback's "no transaction is active"
    await connection.run('rollback').catch(() => undefined);
    throw error;
  }
}
