import { readFileSync } from 'node:fs';
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { normalizeConfig, type CliOptions, type Config } from '../../pipeline/config.ts';
import { openWarehouse, queryRows } from '../../pipeline/db.ts';
import type { FileReport } from '../../pipeline/ingest/ingest.ts';
import { executePlan } from '../../pipeline/plan.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { run } from '../../pipeline/run.ts';
import { ingestInput, warehouseSteps } from '../../pipeline/warehouse-ingest.ts';

/** A scratch folder with an input folder, a warehouse path and an output folder. */
export interface Workspace {
  root: string;
  input: string;
  db: string;
  out: string;
  write(relativePath: string, content: string | Uint8Array): Promise<string>;
  config(options?: CliOptions): Config;
  run(options?: CliOptions, now?: Date): ReturnType<typeof run>;
  /**
   * Only the warehouse and ingest stages of a run, for tests of what ingest lands: the landing
   * tables filled, no text stage, marts or site. Its file reports carry paths as read, where the
   * run summary redacts them.
   */
  ingest(options?: CliOptions, now?: Date): Promise<FileReport[]>;
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** The rows of OUT/data/<name>.csv as text, by column name (exports hold no quoted comma). */
  exported(name: string): Record<string, string>[];
  /**
   * A new workspace holding a copy of everything in this one (input, warehouse, out folder), so a
   * test goes on from a run made once for several tests and leaves it as the others read it.
   */
  copy(): Promise<Workspace>;
  dispose(): Promise<void>;
}

/** The fixed "now" of the tests, so that "in the future" means the same on every day. */
export const TEST_NOW = new Date('2025-06-30T04:00:00Z');

export async function createWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'hearken-test-'));
  const input = join(root, 'input');
  await mkdir(input);
  return workspaceAt(root);
}

/** The workspace laid out under `root` (input/, warehouse.duckdb, out/), as createWorkspace makes it. */
export function workspaceAt(root: string): Workspace {
  const input = join(root, 'input');
  const db = join(root, 'warehouse.duckdb');
  const out = join(root, 'out');
  const config = (options: CliOptions = {}) =>
    normalizeConfig({ input, db, out, timezone: 'Asia/Shanghai', lang: 'en', ...options });
  return {
    root,
    input,
    db,
    out,
    async write(relativePath, content) {
      const path = join(input, relativePath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    config,
    run: (options, now = TEST_NOW) => run(config(options), silentProgress, now),
    async ingest(options, now = TEST_NOW) {
      const settings = config(options);
      const { connection, close } = await openWarehouse(settings.dbPath);
      try {
        let files: FileReport[] = [];
        await executePlan(connection, ['warehouse', 'ingest'], {
          ...warehouseSteps(connection, settings),
          ingestFiles: async (models) => {
            ({ files } = await ingestInput(connection, settings, silentProgress, now, models));
          },
        });
        return files;
      } finally {
        close();
      }
    },
    async query<T>(sql: string) {
      const instance = await DuckDBInstance.create(db);
      const connection = await instance.connect();
      try {
        return await queryRows<T>(connection, sql);
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    },
    exported(name) {
      const [header, ...lines] = readFileSync(join(out, 'data', `${name}.csv`), 'utf8').trim().split('\n');
      const names = (header ?? '').split(',');
      return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i]!, value])));
    },
    async copy() {
      const copy = await mkdtemp(join(tmpdir(), 'hearken-test-'));
      // the same layout under another root: paths relative to the input folder stay the same
      await cp(root, copy, { recursive: true });
      return workspaceAt(copy);
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
