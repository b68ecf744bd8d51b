import { link, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows } from '../db.ts';
import { appendRows } from '../table-writer.ts';
import type { Partition } from './partitioned-export.ts';

/** A file's identity: what a rename or a hard link keeps and a rewrite does not (a new inode, or a new time). */
async function identityOf(path: string): Promise<string> {
  const info = await stat(path, { bigint: true });
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`;
}

/** A row of published_partitions. */
type PublishedFile = { folder: string; file: string; fingerprint: string; identity: string };

/**
 * Hard-links one partition's files from the previous site's folder `from` into `to`, when `from`
 * holds exactly the files recorded and each link is the very file recorded (checked on the link, so
 * a site swapped in by another publisher meanwhile is never taken for the one recorded). False,
 * with nothing left in `to`, when it cannot.
 */
async function carryFolder(from: string, to: string, files: readonly PublishedFile[]): Promise<boolean> {
  const names = await readdir(from).catch(() => null);
  if (names === null || names.length !== files.length) return false;
  await mkdir(to, { recursive: true });
  try {
    for (const { file, identity } of files) {
      await link(join(from, file), join(to, file));
      if ((await identityOf(join(to, file))) !== identity) throw new Error(`not the file published: ${file}`);
    }
    return true;
  } catch {
    await rm(to, { recursive: true, force: true });
    return false;
  }
}

/**
 * The partitions of this publish whose rows have not changed since the previous site was built
 * (the same fingerprint as published_partitions records), hard-linked from that site's
 * `previousDir` (its data/partitioned/) into `dir`, the building site's: the folders carried, which
 * exportPartitioned does not write again. A carried file keeps the `run_id` of the run that wrote
 * its rows. Any partition that cannot be carried (no record, another fingerprint, a file missing,
 * added or rewritten since, no hard links on that disk) is simply written.
 */
export async function carryPartitions(connection: DuckDBConnection, previousDir: string, dir: string, partitions: readonly Partition[]): Promise<Set<string>> {
  const recorded = new Map<string, PublishedFile[]>();
  for (const row of await queryRows<PublishedFile>(connection, 'select folder, file, fingerprint, identity from published_partitions order by folder, file')) {
    recorded.set(row.folder, [...(recorded.get(row.folder) ?? []), row]);
  }
  const carried = new Set<string>();
  for (const { folder, fingerprint } of partitions) {
    const files = recorded.get(folder);
    if (files === undefined || files.some((file) => file.fingerprint !== fingerprint)) continue;
    if (await carryFolder(join(previousDir, folder), join(dir, folder), files)) carried.add(folder);
  }
  return carried;
}

/**
 * Records the partitions of the site being built (its data/partitioned/ is `dir`): each file with
 * its partition's fingerprint and its identity, replacing the record of the previous build. The
 * record is true of the site only once that site is swapped in; a build that fails leaves records
 * whose files are gone, so nothing is ever carried from them.
 */
export async function recordPartitions(connection: DuckDBConnection, dir: string, partitions: readonly Partition[]): Promise<void> {
  const rows: PublishedFile[] = [];
  for (const { folder, fingerprint } of partitions) {
    for (const file of await readdir(join(dir, folder))) rows.push({ folder, file, fingerprint, identity: await identityOf(join(dir, folder, file)) });
  }
  await inTransaction(connection, async () => {
    await connection.run('delete from published_partitions');
    await appendRows(connection, 'published_partitions', rows);
  });
}
