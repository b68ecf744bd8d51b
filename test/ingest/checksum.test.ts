import { mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownChecksum } from '../../pipeline/ingest/checksum.ts';
import type { InputFile } from '../../pipeline/ingest/discover.ts';
import { modelWarehouse } from '../support/model-warehouse.ts';

// SHA-256 digests from coreutils: `printf abc | sha256sum`, `printf abd | sha256sum`
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const ABD = 'a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9';
const NEW_YEAR = new Date('2025-01-01T00:00:00Z');

const db = modelWarehouse({ models: [] });
let folder: string;
const file = (name: string): InputFile => ({ path: join(folder, name), relativePath: name, stem: name, format: 'csv' });
const stored = async () => db().query<{ path: string; checksum: string }>('select path, checksum from input_file_stats order by path');
/** The stored checksum of `name` replaced by a mark: a checksum taken from the table returns the mark, one read from the file does not. */
const mark = (name: string) => db().connection.run("update input_file_stats set checksum = 'marked' where path = $name", { name });

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hearken-checksum-'));
  for (const name of ['kept.csv', 'rewritten.csv', 'replaced.csv']) {
    await writeFile(join(folder, name), 'abc');
    await utimes(join(folder, name), NEW_YEAR, NEW_YEAR);
  }
  // older than the two seconds a file must have settled before its stat is kept
  await new Promise((resolve) => setTimeout(resolve, 2100));
}, 10_000);
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('knownChecksum', () => {
  it('hashes a file once, then takes its checksum from the stat it kept while the file system shows the file unchanged', async () => {
    expect(await knownChecksum(db().connection, file('kept.csv'))).toBe(ABC);
    expect(await stored()).toEqual([{ path: 'kept.csv', checksum: ABC }]);
    await mark('kept.csv');
    expect(await knownChecksum(db().connection, file('kept.csv'))).toBe('marked');
  });

  it('hashes again a file written in place with the same size and its modification time set back (its change time moved)', async () => {
    const path = join(folder, 'rewritten.csv');
    expect(await knownChecksum(db().connection, file('rewritten.csv'))).toBe(ABC);
    await mark('rewritten.csv');
    await writeFile(path, 'abd');
    await utimes(path, NEW_YEAR, NEW_YEAR);
    expect(await knownChecksum(db().connection, file('rewritten.csv'))).toBe(ABD);
  });

  it('hashes again a file replaced by another (another inode); keeps no stat of a file changed in the last two seconds', async () => {
    expect(await knownChecksum(db().connection, file('replaced.csv'))).toBe(ABC);
    await mark('replaced.csv');
    await writeFile(join(folder, 'new.tmp'), 'abd');
    await rename(join(folder, 'new.tmp'), join(folder, 'replaced.csv'));
    expect(await knownChecksum(db().connection, file('replaced.csv'))).toBe(ABD);
    // just written: hashed, its stat not kept, so the next run hashes it again
    expect((await stored()).find((row) => row.path === 'replaced.csv')).toEqual({ path: 'replaced.csv', checksum: 'marked' });
    await writeFile(join(folder, 'fresh.csv'), 'abc');
    expect(await knownChecksum(db().connection, file('fresh.csv'))).toBe(ABC);
    expect((await stored()).map((row) => row.path)).not.toContain('fresh.csv');
  });
});
