import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, it } from 'vitest';
import { queryRows, quoteLiteral } from '../../pipeline/db.ts';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import { expectGolden } from '../support/golden.ts';
import { sampleRun } from '../support/sample-run.ts';

/**
 * Everything the shipped sample's run publishes (site, reports, exports, warnings), digested one
 * line per file into a committed golden: a change of any published file, intended or not, shows as
 * the line of that file. The run is the one several test files share (test/support/sample-run.ts),
 * so the golden costs the suite only its reading. UPDATE_GOLDENS=1 re-records it after an intended change.
 */
const GOLDEN = join(import.meta.dirname, 'sample-digest.txt');

let out: string;
let summary: RunSummary;
beforeAll(async () => {
  const sample = await sampleRun();
  out = sample.workspace.out;
  ({ summary } = sample);
}, 600_000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

/** The values a run draws anew each time: its random id, and its generation time (fixed by the tests' "now", masked all the same). */
function masked(text: string): string {
  return text.replaceAll(summary.run_id, 'RUN_ID').replaceAll(summary.generated_at, 'GENERATED_AT');
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The folder of files that hold one table together: a partitioned export's, else the file alone. */
function tableOf(path: string): string {
  const parts = path.split('/');
  return parts[0] === 'data' && parts[1] === 'partitioned' ? parts.slice(0, 3).join('/') : path;
}

/**
 * Parquet files by their rows, not their bytes (the writer's bytes are not the data): each row as
 * JSON, the run's id and time masked, summed as a 64-bit MD5 apiece, so the order the writer's threads chose
 * does not count and any changed, added or lost row does. One query per table, its files together.
 */
async function parquetDigests(connection: DuckDBConnection, paths: readonly string[]): Promise<Map<string, string>> {
  const tables = new Map<string, string[]>();
  for (const path of paths) tables.set(tableOf(path), [...(tables.get(tableOf(path)) ?? []), path]);
  const digests = new Map<string, string>();
  for (const files of tables.values()) {
    const rows = await queryRows<{ filename: string; rows: number; digest: string }>(
      connection,
      `select filename, count(*)::integer as rows, sum(md5_number_upper(line)::hugeint)::varchar as digest
       from (
           select filename, replace(replace(to_json(struct_pack(*columns(* exclude (filename))))::varchar, $run_id, 'RUN_ID'), $generated_at, 'GENERATED_AT') as line
           from read_parquet([${files.map((file) => quoteLiteral(join(out, file))).join(', ')}], filename = true, hive_partitioning = false)
       )
       group by filename`,
      { run_id: summary.run_id, generated_at: summary.generated_at },
    );
    for (const row of rows) digests.set(row.filename, `${row.rows} ${hash(row.digest)}`);
  }
  // a file without rows has no group above
  return new Map(paths.map((path) => [path, digests.get(join(out, path)) ?? `0 ${hash('')}`]));
}

/** The rows of a table file; the number of warnings of a warnings file; nothing else has rows. */
async function rowCount(connection: DuckDBConnection, path: string, text: string): Promise<string> {
  if (path.endsWith('.csv')) {
    const [row] = await queryRows<{ n: number }>(connection, `select count(*)::integer as n from read_csv(${quoteLiteral(path)}, header = true, all_varchar = true)`);
    return String(row?.n);
  }
  if (path.endsWith('.json')) {
    const parsed = JSON.parse(text) as { warnings?: unknown };
    if (Array.isArray(parsed.warnings)) return String(parsed.warnings.length);
  }
  return '-';
}

describe('the shipped sample run', () => {
  it('publishes the same files as its golden digest (path, rows, hash a line)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const files = filesUnder(out);
      const parquet = await parquetDigests(connection, files.filter((path) => path.endsWith('.parquet')));
      const lines: string[] = [];
      for (const path of files) {
        const full = join(out, path);
        const digest = parquet.get(path);
        if (digest !== undefined) lines.push(`${path} ${digest}`);
        else {
          const text = readFileSync(full, 'utf8');
          lines.push(`${path} ${await rowCount(connection, full, text)} ${hash(masked(text))}`);
        }
      }
      expectGolden(GOLDEN, `${lines.join('\n')}\n`);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
