import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { t } from '../pipeline/i18n.ts';
import { isDiskFull, storageFaultError, storageFaultOf } from '../pipeline/storage-fault.ts';

const DB = '/srv/hearken/warehouse.duckdb';

/** Errors as DuckDB 1.5 and Node 20 raised them on this machine (damaged copies of a warehouse; a 5 MB tmpfs). */
const seen = {
  notDuckdb: new Error(`IO Error: The file "${DB}" exists, but it is not a valid DuckDB database file!`),
  checksum: new Error('IO Error: Corrupt database file: computed checksum 2033167491918926278 does not match stored checksum 10649285785103307206 in block at location 9449472'),
  truncated: new Error(`IO Error: Could not read enough bytes from file "${DB}": attempted to read 4096 bytes from location 11542528`),
  truncatedInput: new Error('IO Error: Could not read enough bytes from file "/data/in/2024.parquet": attempted to read 4096 bytes from location 0'),
  walFull: new Error(`TransactionContext Error: Failed to commit: Could not write file "${DB}.wal": No space left on device`),
  siteFull: new Error('IO Error: Could not write file "/srv/.site.hearken-building-ds7Dkh/site/data/feedback.csv": No space left on device'),
  nodeFull: Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' }),
  nodeFullWithPath: Object.assign(new Error("ENOSPC: no space left on device, mkdtemp '/srv/.site.hearken-building-XXXXXX'"), { code: 'ENOSPC', path: '/srv/.site.hearken-building-XXXXXX' }),
  invalidated: new Error(
    'FATAL Error: Failed: database has been invalidated because of a previous fatal error. The database must be restarted prior to being used again.\nOriginal error: "Could not write file "/srv/hearken/warehouse.duckdb.tmp/duckdb_temp_storage-0.tmp": No space left on device"',
  ),
  bug: new Error('Binder Error: Referenced column "departmnet" not found in FROM clause!'),
  // the 10M scale bench's run (2026-12-07), staging a survey file of 20 million responses under the 4 GiB limit
  outOfMemory: new Error(
    "Out of Memory Error: failed to pin block of size 256.0 KiB (3.9 GiB/4.0 GiB used)\n\nPossible solutions:\n* Reducing the number of threads (SET threads=X)\n* Disabling insertion-order preservation (SET preserve_insertion_order=false)\n* Increasing the memory limit (SET memory_limit='...GB')",
  ),
};

describe('storageFaultOf', () => {
  it('tells a damaged warehouse from other errors', () => {
    for (const error of [seen.notDuckdb, seen.checksum, seen.truncated]) expect(storageFaultOf(error, DB)).toEqual({ kind: 'corrupt_warehouse' });
    // a short input file is that file's problem (it is rejected), not the warehouse's
    expect(storageFaultOf(seen.truncatedInput, DB)).toBeNull();
    expect(storageFaultOf(seen.bug, DB)).toBeNull();
  });

  it('finds a full disk in DuckDB and Node errors, with the file that could not be written where they name one', () => {
    expect(storageFaultOf(seen.walFull, DB)).toEqual({ kind: 'disk_full', path: `${DB}.wal` });
    expect(storageFaultOf(seen.nodeFull, DB)).toEqual({ kind: 'disk_full', path: null });
    expect(storageFaultOf(seen.nodeFullWithPath, DB)).toEqual({ kind: 'disk_full', path: '/srv/.site.hearken-building-XXXXXX' });
    // DuckDB quotes the first error inside the one that stops the database
    expect(storageFaultOf(seen.invalidated, DB)).toEqual({ kind: 'disk_full', path: '/srv/hearken/warehouse.duckdb.tmp/duckdb_temp_storage-0.tmp' });
    expect(storageFaultOf(new Error('wrapped', { cause: seen.nodeFull }), DB)).toEqual({ kind: 'disk_full', path: null });
    expect([seen.walFull, seen.nodeFull, seen.bug].map(isDiskFull)).toEqual([true, true, false]);
  });
});

describe('storageFaultError', () => {
  it('tells DuckDB out of memory with the limit it ran under, in the user’s language, in one line', () => {
    expect(storageFaultOf(seen.outOfMemory, DB)).toEqual({ kind: 'out_of_memory' });
    const places = { language: 'en', dbPath: DB, outDir: '/srv/site', memoryLimitMb: 4096 } as const;
    expect(storageFaultError(seen.outOfMemory, places)?.message).toBe(
      'DuckDB ran out of memory within its limit of 4,096 MiB; nothing of this run was published and /srv/site is as it was; the files read before it are kept; run again with a higher --memory-limit if the machine has the memory, or set a smaller ingest_slice_rows in the config file (the rows of a large input file checked at a time)',
    );
    for (const language of ['zh', 'vi'] as const) {
      const message = storageFaultError(seen.outOfMemory, { ...places, language })?.message;
      expect(message).toBe(t(language, 'fault.outOfMemory', { limit: '4,096', site: t(language, 'fault.siteUnchanged', { out: '/srv/site' }) }));
      expect(message).not.toMatch(/\n/);
    }
    // a command that set no limit leaves the error as DuckDB wrote it
    expect(storageFaultError(seen.outOfMemory, { language: 'en', dbPath: DB })).toBeNull();
  });

  it('says how to rebuild a damaged warehouse, in the user’s language', () => {
    for (const language of ['en', 'zh', 'vi'] as const) {
      const error = storageFaultError(seen.checksum, { language, dbPath: DB, outDir: '/srv/site' });
      expect(error?.message).toBe(t(language, 'fault.corruptWarehouse', { db: DB }));
      expect(error?.exitCode).toBe(1);
    }
    expect(t('en', 'fault.corruptWarehouse', { db: DB })).toBe(
      `the warehouse ${DB} is damaged (corrupt or truncated) and cannot be read; rebuild it from the input files: move ${DB} (and ${DB}.wal, if there is one) out of the way, then run again with the same --input`,
    );
  });

  it('names the file of a full disk, and the site folder for a file of hearken’s building folder beside it', () => {
    const places = { language: 'en', dbPath: DB, outDir: '/srv/site' } as const;
    expect(storageFaultError(seen.walFull, places)?.message).toBe(
      `the disk is full: no space left to write ${DB}.wal; nothing of this run was published and /srv/site is as it was; free some space on that disk and run again`,
    );
    expect(storageFaultError(seen.siteFull, places)?.message).toBe(
      'the disk is full: no space left to write /srv/site; nothing of this run was published and /srv/site is as it was; free some space on that disk and run again',
    );
    expect(storageFaultError(seen.nodeFull, places)?.message).toBe(
      `the disk is full: no space left on a disk this run writes to (the warehouse ${DB}, the site /srv/site or the temporary folder ${tmpdir()}); nothing of this run was published and /srv/site is as it was; free some space and run again`,
    );
    // opening the warehouse writes nothing but the warehouse
    expect(storageFaultError(seen.nodeFull, { language: 'zh', dbPath: DB })?.message).toBe(`磁盘已满：没有空间写入 ${DB}；本次运行没有发布任何内容；请在该磁盘上腾出空间后再运行`);
    expect(storageFaultError(seen.bug, places)).toBeNull();
  });
});
