import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../pipeline/db.ts';
import { generateSample } from '../../data/generator/generate.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Two runs on the same input and the same warehouse, on the same "now", publish the same bytes,
 * the run id aside: every ordering of every published table, page and report has a total
 * tie-break, whatever order DuckDB's threads or a Map hand rows over in.
 */
const NOW = new Date('2025-12-01T02:00:00Z');

let ws: Workspace;
const outs = ['out-a', 'out-b'];
const runIds: string[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

beforeAll(async () => {
  ws = await createWorkspace();
  // three hospitals in Chinese, Vietnamese and English over a year and a half, with planted problems:
  // enough records for terms, departments and months to tie
  await generateSample({ out: ws.input, from: '2024-09-01', to: '2025-11-30', scale: 0.2 });
  // the warehouse and ingest stages alone load the input; each copy of that warehouse then sees the
  // same history, and each run does every stage after ingest in full (text, marts, detection, publishing)
  await ws.ingest(undefined, NOW);
  for (const out of outs) {
    const db = join(ws.root, `${out}.duckdb`);
    copyFileSync(ws.db, db);
    const { summary } = await ws.run({ db, out: join(ws.root, out) }, NOW);
    runIds.push(summary.run_id);
  }
}, 600_000);
afterAll(async () => {
  await ws.dispose();
});

describe('two runs of the same warehouse publish the same files', () => {
  it('the same list of files', () => {
    const [a, b] = outs.map((out) => filesUnder(join(ws.root, out)));
    expect(a!.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
  });

  it('every text file byte for byte, once the run id is masked', () => {
    const root = join(ws.root, outs[0]!);
    const differing: string[] = [];
    for (const path of filesUnder(root).filter((file) => !file.endsWith('.parquet'))) {
      const [a, b] = outs.map((out, i) => readFileSync(join(ws.root, out, path), 'latin1').replaceAll(runIds[i]!, 'RUN'));
      if (a !== b) differing.push(relative(root, join(root, path)));
    }
    expect(differing).toEqual([]);
  });

  it('every Parquet table row for row', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const root = join(ws.root, outs[0]!);
      for (const path of filesUnder(root).filter((file) => file.endsWith('.parquet'))) {
        const [a, b] = await Promise.all(
          outs.map(async (out, i) =>
            JSON.stringify(await queryRows(connection, `select * from read_parquet('${join(ws.root, out, path)}')`)).replaceAll(runIds[i]!, 'RUN'),
          ),
        );
        expect(b, path).toBe(a);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

/**
 * Each exported table's key (unique) and the order its file is written in: the order, ending in
 * the key, is total, so no tie is left to a thread or a hash table.
 */
const EXPORT_ORDERS: Record<string, { key: string; order: string }> = {
  feedback: { key: 'hospital, source, id', order: 'received_at, hospital, source, id' },
  satisfaction_index: { key: 'hospital, department, patient_type, month, dimension', order: "hospital, month, department = 'ALL' desc, department, patient_type, dimension" },
  complaint_kpis: { key: 'hospital, department, month', order: "hospital, month, department = 'ALL' desc, department" },
  repeat_complaints: { key: 'hospital, department, month', order: "hospital, month, department = 'ALL' desc, department" },
  complaint_backlog: { key: 'hospital, department', order: "hospital, department = 'ALL' desc, department" },
  satisfaction_measures: { key: 'hospital, department, month', order: "hospital, month, department = 'ALL' desc, department" },
  satisfaction_spc: { key: 'hospital, department, month', order: 'hospital, department, month' },
  satisfaction_funnel: { key: 'hospital, department, month', order: 'hospital, month, department' },
  satisfaction_hospital_funnel: { key: 'hospital, month', order: 'hospital, month' },
  high_frequency_issues: { key: 'hospital, month, lang, rank', order: 'hospital, month, lang, rank' },
  term_keyness: { key: 'hospital, lang, scope, term', order: 'hospital, scope, g2 desc, lang, term' },
  department_keywords: { key: 'hospital, department, lang, rank', order: 'hospital, lang, department, rank' },
  fix_reviews: { key: 'hospital, source_file, source_row, reviewed_on', order: 'hospital, fixed_on, source_file, source_row, reviewed_on' },
  praise: { key: 'hospital, department, month', order: "hospital, month, department = 'ALL' desc, department" },
};

describe('every exported table is written in a total order', () => {
  it.each(Object.entries(EXPORT_ORDERS))('%s: its key is unique and its rows follow the order', async (name, { key, order }) => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const file = `read_csv('${join(ws.root, outs[0]!, 'data', `${name}.csv`)}', header = true)`;
      const [counts] = await queryRows<{ rows: number; keys: number }>(connection, `select count(*)::integer as rows, count(distinct (${key}))::integer as keys from ${file}`);
      expect(counts!.keys).toBe(counts!.rows);
      const misplaced = await queryRows(
        connection,
        `select * exclude (written, sorted) from (select *, row_number() over () as written, row_number() over (order by ${order}) as sorted from ${file}) where written <> sorted limit 3`,
      );
      expect(misplaced).toEqual([]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
