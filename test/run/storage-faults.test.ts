import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmdirSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { copyFile, readdir, rename, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import type { Language } from '../../pipeline/config.ts';
import { CRASH_AT_VARIABLE, DISK_FULL_AT_VARIABLE } from '../../pipeline/crash-point.ts';
import { queryRows } from '../../pipeline/db.ts';
import { t } from '../../pipeline/i18n.ts';
import { silentProgress, type Progress } from '../../pipeline/progress.ts';
import { capture } from '../support/captured-io.ts';
import { copyRun, feedbackCsv, finishedRun } from '../support/finished-run.ts';
import { wholeSite } from '../support/published.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const BIN = resolve(import.meta.dirname, '../../bin/hearken.js');

const runArgs = (ws: Workspace, language: Language, db = ws.db, out = ws.out) => ['run', '--input', ws.input, '--db', db, '--out', out, '--lang', language];

/** `hearken run` in this process: its exit code and what it wrote to stderr. */
async function runHere(args: string[]): Promise<{ code: number; err: string }> {
  const { err, io } = capture();
  const code = await main(args, io);
  return { code, err: err.join('') };
}

/** `hearken run` in a child process with `HEARKEN_DISK_FULL_AT` set: its exit code and its stderr's lines (progress, then the error). */
function runChildWithFullDisk(args: string[], point: string): Promise<{ code: number | null; lines: string[] }> {
  const env: NodeJS.ProcessEnv = { ...process.env, [DISK_FULL_AT_VARIABLE]: point };
  delete env[CRASH_AT_VARIABLE];
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, lines: err.trimEnd().split('\n') })));
}

/**
 * The same in this process, `HEARKEN_DISK_FULL_AT` set while it runs: its exit code and what it
 * wrote to stderr (its progress is silent). The point is armed in no other test of this file, so
 * its count of times reached starts here.
 */
async function runHereWithFullDisk(args: string[], point: string): Promise<{ code: number | null; lines: string[] }> {
  process.env[DISK_FULL_AT_VARIABLE] = point;
  try {
    const { code, err } = await runHere(args);
    return { code, lines: err.trimEnd().split('\n') };
  } finally {
    delete process.env[DISK_FULL_AT_VARIABLE];
  }
}

/** Entries beside the site and the warehouse: nothing half built, set aside or locked may be left. */
async function leftovers(ws: Workspace): Promise<string[]> {
  return (await readdir(ws.root)).filter((entry) => !['input', 'out', 'warehouse.duckdb', 'warehouse.duckdb.wal'].includes(entry));
}

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

// the finished run each test damages, or fills the disk under a run on: the crash test's, made once per test run
const EARLIER_FILES = 2;
const EARLIER_ROWS = 20;
const earlierRecords = EARLIER_FILES * EARLIER_ROWS;
let earlier: Workspace;
beforeAll(async () => {
  earlier = await finishedRun(EARLIER_FILES, EARLIER_ROWS);
}, 300_000);

/** DuckDB's on-disk layout (1.x): a 12 KiB header, then blocks of 256 KiB. */
const HEADER_BYTES = 12_288;
const BLOCK_BYTES = 262_144;

/** Ways a warehouse file gets damaged: a copy cut short, a header overwritten, bits flipped on disk. */
const damages: { name: string; language: Language; damage: (db: string) => Promise<void> }[] = [
  { name: 'cut to half its size', language: 'en', damage: async (db) => truncate(db, Math.floor((await stat(db)).size / 2)) },
  // a cut that only takes blocks the file no longer uses is harmless, so cut into the used ones
  { name: 'cut short by its last quarter', language: 'zh', damage: async (db) => truncate(db, Math.floor(((await stat(db)).size * 3) / 4)) },
  { name: 'its header zeroed', language: 'vi', damage: async (db) => overwrite(db, [0], 64) },
  {
    name: 'a few bytes changed in every block (checksums fail)',
    language: 'en',
    damage: async (db) => {
      const { size } = await stat(db);
      overwrite(db, Array.from({ length: Math.ceil((size - HEADER_BYTES) / BLOCK_BYTES) }, (_, i) => HEADER_BYTES + i * BLOCK_BYTES + 100), 16);
    },
  },
];

function overwrite(path: string, offsets: number[], bytes: number): void {
  const fd = openSync(path, 'r+');
  try {
    for (const offset of offsets) writeSync(fd, Buffer.alloc(bytes, 0x41), 0, bytes, offset);
  } finally {
    closeSync(fd);
  }
}

describe('a damaged warehouse', () => {
  it('gives one line in the user’s language that names the file and the rebuild, for every kind of damage; the rebuild from the input files restores every record', async () => {
    await copyRun(earlier, ws);
    const before = await wholeSite(ws.out);

    for (const { name, language, damage } of damages) {
      // the warehouse as a finished run leaves it (checkpointed), copied before each damage
      await copyFile(earlier.db, ws.db);
      await damage(ws.db);
      const { code, err } = await runHere(runArgs(ws, language));
      expect({ name, code, err }).toEqual({ name, code: 1, err: `hearken: ${t(language, 'fault.corruptWarehouse', { db: ws.db })}\n` });
      expect((await wholeSite(ws.out)).runId).toBe(before.runId);
    }

    // the documented rebuild: move the damaged file away and run again on the same input
    await rename(ws.db, join(ws.root, 'damaged.duckdb'));
    await rm(`${ws.db}.wal`, { force: true });
    expect(await runHere(runArgs(ws, 'en'))).toEqual({ code: 0, err: '' });
    const rebuilt = await wholeSite(ws.out);
    expect(rebuilt.runId).not.toBe(before.runId);
    expect(rebuilt.summary.records_in_warehouse).toEqual({ feedback: earlierRecords, survey: 0, total: earlierRecords });
    expect(rebuilt.summary.records_in_warehouse).toEqual(before.summary.records_in_warehouse);
  }, 300_000);
});

describe('a full disk (injected: HEARKEN_DISK_FULL_AT)', () => {
  // what a process prints on its way out is checked once, in a child; the other point runs in this
  // process, where the same main() answers, without a child's start (loading the CLI, the text
  // stage and the publisher again: about 3 CPU-s)
  it.each([
    ['ingest.file-transaction', 'vi', 'a child process', runChildWithFullDisk],
    ['publish.built', 'zh', 'this process', runHereWithFullDisk],
  ] as const)('at %s (%s, in %s): one line, exit 1, the previous site whole and unchanged, nothing left half built', async (point, language, _where, runWithFullDisk) => {
    await copyRun(earlier, ws);
    const before = await wholeSite(ws.out);
    await ws.write('b.csv', feedbackCsv('B', 40));

    const { code, lines } = await runWithFullDisk(runArgs(ws, language), point);
    const site = t(language, 'fault.siteUnchanged', { out: ws.out });
    expect(code).toBe(1);
    // the progress lines (a child's), then the error: one line, no stack
    expect(lines.at(-1)).toBe(`hearken: ${t(language, 'fault.diskFullSomewhere', { db: ws.db, out: ws.out, tmp: tmpdir(), site })}`);
    expect(lines.filter((line) => /hearken:|Error|^\s+at /.test(line))).toHaveLength(1);
    expect((await wholeSite(ws.out)).runId).toBe(before.runId);
    expect(await leftovers(ws)).toEqual([]);
    // a write that failed inside the file's transaction took the file's rows with it
    const [stored] = await ws.query<{ n: number }>('select count(*)::integer as n from feedback_records');
    expect(stored?.n).toBe(point === 'ingest.file-transaction' ? earlierRecords : earlierRecords + 40);
    if (point !== 'ingest.file-transaction') return;

    // the file whose load failed is not marked as read: the next run loads it
    expect(await runHere(runArgs(ws, 'en'))).toEqual({ code: 0, err: '' });
    expect((await wholeSite(ws.out)).summary.records_in_warehouse.feedback).toBe(earlierRecords + 40);
  }, 300_000);
});

/** A small tmpfs for a real full disk, where this machine lets a test mount one (root in a container that allows it); else null. */
function mountSmallDisk(megabytes: number): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'hearken-small-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
  if (!mounted) rmdirSync(dir);
  return mounted ? dir : null;
}

/** The feedback records in the warehouse `db`. */
async function feedbackRecords(db: string): Promise<number | undefined> {
  const instance = await DuckDBInstance.create(db);
  const connection = await instance.connect();
  try {
    return (await queryRows<{ n: number }>(connection, 'select count(*)::integer as n from feedback_records'))[0]?.n;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Fills the disk of `dir` but for `leaveBytes`. */
function fillDiskSync(dir: string, leaveBytes: number): string {
  const { bavail, bsize } = statfsSync(dir);
  const filler = join(dir, 'filler');
  writeFileSync(filler, Buffer.alloc(Math.max(bavail * bsize - leaveBytes, 0)));
  return filler;
}

const smallDisk = mountSmallDisk(64);
afterAll(() => {
  if (smallDisk !== null && spawnSync('umount', [smallDisk], { stdio: 'ignore' }).status === 0) rmdirSync(smallDisk);
});

describe.skipIf(smallDisk === null)('a full disk (a real one: a 64 MiB tmpfs)', () => {
  const disk = smallDisk ?? '';
  afterEach(async () => {
    for (const entry of await readdir(disk)) await rm(join(disk, entry), { recursive: true, force: true });
  });

  it('under the warehouse, during ingest: one line naming the file, the site unchanged, and the warehouse whole for the next run', async () => {
    const db = join(disk, 'warehouse.duckdb');
    await copyRun(earlier, { ...ws, db });
    const before = await wholeSite(ws.out);
    // its rows take about 110 KiB of the warehouse's log; fewer than 2,000, so the next run reads their text on its own thread
    await ws.write('b.csv', feedbackCsv('B', 1000));

    // the disk fills as ingest reaches the new file: filled before the run, it ran out in the
    // warehouse stage, whose statements write the log too, and never reached ingest
    let filler: string | null = null;
    const { err, io } = capture();
    const fillAtNewFile: Progress = { ...silentProgress, tick: (label) => void (label === 'b.csv' && (filler = fillDiskSync(disk, 16 * 1024))) };
    const code = await main(runArgs(ws, 'en', db), { ...io, progress: () => fillAtNewFile });
    expect(filler).not.toBeNull();
    expect(code).toBe(1);
    expect(err.join('')).toMatch(new RegExp(`^hearken: the disk is full: no space left to write ${disk}/\\S+; nothing of this run was published and ${ws.out} is as it was; free some space on that disk and run again\\n$`));
    expect((await wholeSite(ws.out)).runId).toBe(before.runId);

    await rm(filler!);
    // the write failed inside the new file's transaction, which took the file's rows with it
    expect(await feedbackRecords(db)).toBe(earlierRecords);
    expect(await runHere(runArgs(ws, 'en', db))).toEqual({ code: 0, err: '' });
    expect((await wholeSite(ws.out)).summary.records_in_warehouse.feedback).toBe(earlierRecords + 1000);
  }, 300_000);

  it('under the site, during publish: one line, the previous site whole and unchanged, nothing half built left beside it', async () => {
    const out = join(disk, 'site');
    await copyRun(earlier, { ...ws, out });
    const before = await wholeSite(out);
    await ws.write('b.csv', feedbackCsv('B', 50));
    const filler = fillDiskSync(disk, 16 * 1024);

    const { code, err } = await runHere(runArgs(ws, 'vi', ws.db, out));
    expect(code).toBe(1);
    const site = t('vi', 'fault.siteUnchanged', { out });
    expect([t('vi', 'fault.diskFull', { path: out, site }), t('vi', 'fault.diskFullSomewhere', { db: ws.db, out, tmp: tmpdir(), site })].map((line) => `hearken: ${line}\n`)).toContain(err);
    expect((await wholeSite(out)).runId).toBe(before.runId);
    expect((await readdir(disk)).sort()).toEqual(['filler', 'site']);
    expect(existsSync(join(ws.root, 'out'))).toBe(false);

    await rm(filler);
    expect(await runHere(runArgs(ws, 'vi', ws.db, out))).toEqual({ code: 0, err: '' });
    expect((await wholeSite(out)).summary.records_in_warehouse.feedback).toBe(earlierRecords + 50);
  }, 300_000);
});
