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

/** JSON of table rows: 64-bit integers beyond doubles as their digits, dates as ISO text. */
function rowsJson(rows: unknown[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** A Parquet table by its rows in a total order (every column), not its bytes: the writer's bytes are not the data. */
async function parquetLine(connection: DuckDBConnection, path: string): Promise<[number, string]> {
  const rows = await queryRows(connection, `select * from read_parquet(${quoteLiteral(path)}) order by all`);
  return [rows.length, hash(masked(rowsJson(rows)))];
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
      const lines: string[] = [];
      for (const path of filesUnder(out)) {
        const full = join(out, path);
        if (path.endsWith('.parquet')) {
          const [rows, digest] = await parquetLine(connection, full);
          lines.push(`${path} ${rows} ${digest}`);
        } else {
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
