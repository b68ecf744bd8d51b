import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const BIN = resolve(import.meta.dirname, '../../bin/hearken.js');

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), progress: () => silentProgress } };
}

/** Another process that opens the warehouse and keeps it for `holdMs`. */
async function holdWarehouse(db: string, holdMs: number): Promise<ChildProcess> {
  const script = `
    import { DuckDBInstance } from '@duckdb/node-api';
    const instance = await DuckDBInstance.create(${JSON.stringify(db)});
    process.stdout.write('ready\\n');
    setTimeout(() => { instance.closeSync(); process.exit(0); }, ${holdMs});`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: resolve(import.meta.dirname, '../..') });
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && done());
    child.on('exit', (code) => fail(new Error(`holder exited ${code}`)));
  });
  return child;
}

const csvRows = (prefix: string, count: number) =>
  ['id,received_at,department,text', ...Array.from({ length: count }, (_, i) => `${prefix}${i},2025-02-${String((i % 28) + 1).padStart(2, '0')} 10:00,急诊科,候诊时间太长 ${prefix} ${i}`)].join('\n');

describe('run lock', () => {
  it('a second run on a warehouse in use exits 1 with one clear line', async () => {
    await ws.write('a.csv', csvRows('A', 3));
    const holder = await holdWarehouse(ws.db, 4000);
    const { err, io } = capture();
    const code = await main(['run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--lang', 'en'], io);
    holder.kill();
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/^hearken: the warehouse .* is in use by another hearken run \(process \d+\); wait for it to finish, pass --wait SECONDS, or use another --db\n$/);
  });

  it('with --wait, the second run waits for the first and then completes', async () => {
    await ws.write('a.csv', csvRows('A', 3));
    await holdWarehouse(ws.db, 1500);
    const { io } = capture();
    const code = await main(['run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--wait', '30'], io);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(join(ws.out, 'run-summary.json'), 'utf8')).totals.loaded).toBe(3);
  });
});

describe('a run killed at any moment', () => {
  it('leaves a warehouse the next run completes, losing nothing loaded before', async () => {
    const files = 8;
    const rowsPerFile = 20_000;
    for (let f = 0; f < files; f++) await ws.write(`part-${f}.csv`, csvRows(`P${f}-`, rowsPerFile));
    const runChild = (db: string) => {
      const child = spawn(process.execPath, [BIN, 'run', '--input', ws.input, '--db', db, '--out', ws.out], { stdio: 'ignore' });
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      return { child, exited };
    };
    // how long a whole run takes here, so that the kills below land inside one
    const started = Date.now();
    await runChild(join(ws.root, 'timing.duckdb')).exited;
    const wholeRunMs = Date.now() - started;
    for (const fraction of [0.35, 0.55, 0.75, 0.9]) {
      const { child, exited } = runChild(ws.db);
      await new Promise((r) => setTimeout(r, wholeRunMs * fraction));
      child.kill('SIGKILL');
      await exited;
      // the output folder is either absent or a complete earlier one
      if (existsSync(ws.out)) expect(JSON.parse(readFileSync(join(ws.out, 'run-summary.json'), 'utf8')).files).toBeDefined();
    }
    const { summary } = await ws.run();
    expect(summary.files.every((f) => f.status === 'loaded' || f.status === 'skipped_identical')).toBe(true);
    expect(summary.records_in_warehouse.feedback).toBe(files * rowsPerFile);
    const [keys] = await ws.query<{ n: number; distinct_keys: number; files: number }>(
      "select count(*)::integer as n, count(distinct (source, id))::integer as distinct_keys, (select count(distinct path) from ingested_files where status = 'loaded')::integer as files from feedback_records",
    );
    expect(keys).toEqual({ n: files * rowsPerFile, distinct_keys: files * rowsPerFile, files });
  }, 600_000);
});
