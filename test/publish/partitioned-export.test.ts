import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../pipeline/db.ts';
import { hospitalKey as hospitalKeyOf } from '../../pipeline/publish/hospital-key.ts';
import { exportPartitioned } from '../../pipeline/publish/partitioned-export.ts';
import { packSlug } from '../../pipeline/publish/publish.ts';

let connection: DuckDBConnection;
let dir: string;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  dir = await mkdtemp(join(tmpdir(), 'hearken-partitioned-'));
  await connection.run("set variable run_id = 'run-1'");
  await connection.run(`create table mart_complaint_kpis as select * from (values
    ('南院', 'ALL', '2025-01', 3), ('南院', 'ALL', '2025-02', 5), ('Bệnh viện Đa khoa', 'ALL', '2025-02', 7)) v(hospital, department, month, received)`);
  await connection.run(`create table export_feedback as select * from (values
    ('南院', 'a1', timestamp '2025-01-31 23:00:00'), ('南院', 'a2', timestamp '2025-02-01 08:00:00')) v(hospital, id, received_at)`);
});

afterAll(async () => {
  connection.closeSync();
  await rm(dir, { recursive: true, force: true });
});

const hospitalKey = (hospital: string) => `h${createHash('sha256').update(hospital).digest('hex').slice(0, 8)}`;

describe('hive-partitioned exports', () => {
  it('names each folder by an ASCII hospital key and the month, and keeps the true hospital in the files', async () => {
    await exportPartitioned(connection, 'complaint_kpis', dir);
    const keys = (await readdir(join(dir, 'complaint_kpis'))).sort();
    expect(keys).toEqual([`hospital_key=${hospitalKey('Bệnh viện Đa khoa')}`, `hospital_key=${hospitalKey('南院')}`].sort());
    expect(keys.every((key) => /^[\x20-\x7e]+$/.test(key))).toBe(true);
    expect(await readdir(join(dir, 'complaint_kpis', `hospital_key=${hospitalKey('南院')}`))).toEqual(expect.arrayContaining(['month=2025-01', 'month=2025-02']));
    const rows = await queryRows<{ hospital: string; month: string; received: number; run_id: string }>(connection,
      `select hospital, month, received, run_id from read_parquet('${join(dir, 'complaint_kpis')}/**/*.parquet', hive_partitioning = true) order by hospital, month`);
    expect(rows).toEqual([
      { hospital: 'Bệnh viện Đa khoa', month: '2025-02', received: 7, run_id: 'run-1' },
      { hospital: '南院', month: '2025-01', received: 3, run_id: 'run-1' },
      { hospital: '南院', month: '2025-02', received: 5, run_id: 'run-1' },
    ]);
  });

  it('partitions feedback by the month of received_at and uses the digest of the packs', async () => {
    await exportPartitioned(connection, 'feedback', dir);
    // printf '南院' | sha256sum → 4bd041ce…
    expect(hospitalKeyOf('南院')).toBe('h4bd041ce');
    expect(packSlug('南院', 'x')).toBe('h4bd041ce-x');
    const rows = await queryRows<{ id: string; month: string }>(connection,
      `select id, month from read_parquet('${join(dir, 'feedback')}/**/*.parquet', hive_partitioning = true) order by id`);
    expect(rows).toEqual([{ id: 'a1', month: '2025-01' }, { id: 'a2', month: '2025-02' }]);
  });
});
