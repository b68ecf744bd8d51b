import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { CRASH_AT_VARIABLE, CRASH_POINTS, parseCrashAt } from '../../pipeline/crash-point.ts';
import { queryRows } from '../../pipeline/db.ts';
import { capture } from '../support/captured-io.ts';
import { copyRun, feedbackCsv, finishedRun } from '../support/finished-run.ts';
import { wholeSite } from '../support/published.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const BIN = resolve(import.meta.dirname, '../../bin/hearken.js');

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

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

describe('run lock', () => {
  it('a second run on a warehouse in use exits 1 with one clear line', async () => {
    await ws.write('a.csv', feedbackCsv('A', 3));
    const holder = await holdWarehouse(ws.db, 4000);
    const { err, io } = capture();
    const code = await main(['run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--lang', 'en'], io);
    holder.kill();
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/^hearken: the warehouse .* is in use by another hearken run \(process \d+\); wait for it to finish, pass --wait SECONDS, or use another --db\n$/);
  });

  it('with --wait, the second run waits for the first and then completes', async () => {
    await ws.write('a.csv', feedbackCsv('A', 3));
    await holdWarehouse(ws.db, 1500);
    const { io } = capture();
    const code = await main(['run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--wait', '30'], io);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(join(ws.out, 'run-summary.json'), 'utf8')).totals.loaded).toBe(3);
  });
});

/** The feedback rows of a copy of the warehouse (and of its log, when one is left). */
async function feedbackRowsInCopy(ws: Workspace): Promise<number | undefined> {
  const copy = await mkdtemp(join(tmpdir(), 'hearken-inspect-'));
  try {
    const db = join(copy, 'warehouse.duckdb');
    await cp(ws.db, db);
    if (existsSync(`${ws.db}.wal`)) await cp(`${ws.db}.wal`, `${db}.wal`);
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    const [row] = await queryRows<{ n: number }>(connection, 'select count(*)::integer as n from feedback_records');
    connection.closeSync();
    instance.closeSync();
    return row?.n;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

const runArgs = (ws: Workspace) => ['run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--lang', 'en'];

/** `hearken run` in a child process, with HEARKEN_CRASH_AT set when `crashAt` is given. */
function runChild(ws: Workspace, crashAt?: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const env = { ...process.env };
  delete env[CRASH_AT_VARIABLE];
  if (crashAt !== undefined) env[CRASH_AT_VARIABLE] = crashAt;
  const child = spawn(process.execPath, [BIN, ...runArgs(ws)], { stdio: 'ignore', env });
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

describe('a run killed at a crash point', () => {
  // HEARKEN_CRASH_ROWS=200000 makes the same kills at scale, a million rows in five files: the long
  // run of `npm run test:crash-at-scale`, too slow for `npm test`
  const rowsPerFile = Number(process.env.HEARKEN_CRASH_ROWS ?? 20);
  const atScale = rowsPerFile > 1000;
  const timeoutMs = atScale ? 3_600_000 : 120_000;
  // two files the earlier run published
  const earlierFiles = 2;
  /**
   * The files the killed run brings: three at an ingest point, so that it dies in the second with
   * the first committed and the third not yet read; one at a later point, where every file is
   * stored before the kill (each file costs a run its own ingest statements); three everywhere at
   * scale, so that every kill has a million rows in the warehouse.
   */
  const newFiles = (point: string) => (point.startsWith('ingest.') || atScale ? 3 : 1);

  // the earlier run is made once per test run and copied into each test's own workspace
  let earlier: Workspace;
  let earlierRunId: string;
  beforeAll(async () => {
    earlier = await finishedRun(earlierFiles, rowsPerFile);
    earlierRunId = (await wholeSite(earlier.out)).runId;
  }, timeoutMs);

  /** Feedback rows committed by the time of the kill, of `allRows` in the run's files: a file's rows land with its transaction's commit. */
  const committedRows = (point: string, occurrence: number, allRows: number) => {
    if (point === 'ingest.file-transaction') return (earlierFiles + occurrence - 1) * rowsPerFile;
    if (point === 'ingest.file-committed') return (earlierFiles + occurrence) * rowsPerFile;
    return allRows;
  };
  /** What is at --out right after the kill: the earlier site until the swap's first rename, nothing between the renames, then the new site. */
  const outAfterKill = (point: string) => (point === 'publish.set-aside' ? 'absent' : point === 'publish.swapped' ? 'new site' : 'earlier site');

  // the ingest points on the second new file: one file of the killed run is committed before the kill
  const cases = CRASH_POINTS.map((point) => (point.startsWith('ingest.') ? `${point}:2` : point));
  it.each(cases)('killed at %s, the warehouse and the site stay whole, and the next run loads every row once', async (crashAt) => {
    const parsed = parseCrashAt(crashAt);
    if (parsed === null) throw new Error(`not a crash point: ${crashAt}`);
    await copyRun(earlier, ws);
    const files = earlierFiles + newFiles(parsed.name);
    const allRows = files * rowsPerFile;
    for (let f = earlierFiles; f < files; f++) await ws.write(`part-${f}.csv`, feedbackCsv(`P${f}-`, rowsPerFile));

    // the point was reached: the child died by the signal, not by finishing or failing
    expect(await runChild(ws, crashAt)).toEqual({ code: null, signal: 'SIGKILL' });

    // the warehouse as the kill left it, read from a copy so that the next run replays its log itself
    expect(await feedbackRowsInCopy(ws)).toBe(committedRows(parsed.name, parsed.occurrence, allRows));

    const expected = outAfterKill(parsed.name);
    if (expected === 'absent') {
      expect(existsSync(ws.out)).toBe(false);
      // the earlier site is whole, set aside for the next publisher to put back
      const aside = (await readdir(ws.root)).filter((entry) => entry.startsWith('.out.hearken-previous-'));
      expect(aside).toHaveLength(1);
      expect((await wholeSite(join(ws.root, aside[0]!))).runId).toBe(earlierRunId);
    } else {
      const { runId, summary } = await wholeSite(ws.out);
      if (expected === 'earlier site') expect(runId).toBe(earlierRunId);
      else {
        expect(runId).not.toBe(earlierRunId);
        expect(summary.records_in_warehouse.feedback).toBe(allRows);
      }
    }

    // the next run, in this process: the same command without the hook
    const { io } = capture();
    expect(await main(runArgs(ws), io)).toBe(0);
    const { runId, summary } = await wholeSite(ws.out);
    expect(runId).not.toBe(earlierRunId);
    expect(summary.files.every((f) => f.status === 'loaded' || f.status === 'skipped_identical')).toBe(true);
    expect(summary.records_in_warehouse.feedback).toBe(allRows);
    const [keys] = await ws.query<{ n: number; distinct_keys: number; files: number }>(
      "select count(*)::integer as n, count(distinct (source, id))::integer as distinct_keys, (select count(distinct path) from ingested_files where status = 'loaded')::integer as files from feedback_records",
    );
    expect(keys).toEqual({ n: allRows, distinct_keys: allRows, files });
    // nothing set aside, half built or locked is left beside the site
    expect((await readdir(ws.root)).filter((entry) => entry !== `${basename(ws.db)}.wal`).sort()).toEqual(['input', 'out', 'warehouse.duckdb']);
  }, timeoutMs);
});
