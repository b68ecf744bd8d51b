import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, runModel } from '../../pipeline/db.ts';
import { carryPartitions, recordPartitions } from '../../pipeline/publish/carried-partitions.ts';
import { exportPartitioned, partitionFingerprints, partitionFolder } from '../../pipeline/publish/partitioned-export.ts';

let connection: DuckDBConnection;
let root: string;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  root = await mkdtemp(join(tmpdir(), 'hearken-carried-'));
  await runModel(connection, 'landing/published_partitions');
  await connection.run(`create table mart_complaint_kpis as select * from (values
    ('南院', 'ALL', '2025-01', 3), ('南院', 'ALL', '2025-02', 5), ('Bệnh viện Đa khoa', 'ALL', '2025-02', 7)) v(hospital, department, month, received)`);
});

afterAll(async () => {
  connection.closeSync();
  await rm(root, { recursive: true, force: true });
});

/** One publish of complaint_kpis into `site` (its data/partitioned/) by run `runId`, carrying what it can from `previous`; the folders carried. */
async function publishInto(site: string, previous: string, runId: string): Promise<Set<string>> {
  await connection.run(`set variable run_id = '${runId}'`);
  const partitions = await partitionFingerprints(connection, 'complaint_kpis');
  const carried = await carryPartitions(connection, previous, site, partitions);
  await exportPartitioned(connection, 'complaint_kpis', site, carried);
  await recordPartitions(connection, site, partitions);
  return carried;
}

const rowsOf = (site: string) =>
  queryRows<{ hospital: string; month: string; received: number; run_id: string }>(
    connection,
    `select hospital, month, received, run_id from read_parquet('${site}/complaint_kpis/*/*/*.parquet', hive_partitioning = true) order by hospital, month`,
  );

const inode = async (site: string, folder: string) => (await stat(join(site, folder, 'data_0.parquet'))).ino;

describe('partitions carried over from the previous site', () => {
  const south1 = partitionFolder('complaint_kpis', '南院', '2025-01');
  const south2 = partitionFolder('complaint_kpis', '南院', '2025-02');
  const north2 = partitionFolder('complaint_kpis', 'Bệnh viện Đa khoa', '2025-02');

  it('links the partitions whose rows did not change, writes the others, and each keeps the run that wrote its rows', async () => {
    const first = join(root, 'first');
    const second = join(root, 'second');
    expect(await publishInto(first, join(root, 'none'), 'run-1')).toEqual(new Set());
    await connection.run("update mart_complaint_kpis set received = 6 where hospital = '南院' and month = '2025-02'");
    expect(await publishInto(second, first, 'run-2')).toEqual(new Set([south1, north2]));
    expect(await rowsOf(second)).toEqual([
      { hospital: 'Bệnh viện Đa khoa', month: '2025-02', received: 7, run_id: 'run-1' },
      { hospital: '南院', month: '2025-01', received: 3, run_id: 'run-1' },
      { hospital: '南院', month: '2025-02', received: 6, run_id: 'run-2' },
    ]);
    // the very file of the first site, not a copy
    expect(await inode(second, south1)).toBe(await inode(first, south1));
    expect(await inode(second, south2)).not.toBe(await inode(first, south2));
  });

  it('writes again a partition whose file was changed or removed since, or whose site is not the one recorded', async () => {
    const second = join(root, 'second');
    const third = join(root, 'third');
    await writeFile(join(second, south1, 'data_0.parquet'), 'edited by hand');
    await rm(join(second, north2), { recursive: true });
    expect(await publishInto(third, second, 'run-3')).toEqual(new Set([south2]));
    expect((await rowsOf(third)).map((row) => row.run_id)).toEqual(['run-3', 'run-3', 'run-2']);
    // another site built since from the same rows (another --out) is the one recorded now: its files are not the third site's
    await publishInto(join(root, 'other'), join(root, 'none'), 'run-4');
    expect(await publishInto(join(root, 'fifth'), third, 'run-5')).toEqual(new Set());
    expect(await readdir(join(root, 'fifth', 'complaint_kpis'))).toHaveLength(2);
  });
});
