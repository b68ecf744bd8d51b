import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { queryRows } from '../db.ts';
import type { InputFile } from './discover.ts';

const defaults = {
  /**
   * A file changed this recently before it was hashed is hashed again next time: a write within
   * its timestamps' granularity after the hashing could leave them as they were (git's "racily
   * clean" files). Two seconds is the coarsest a file system keeps (FAT's modification time).
   */
  settleMs: 2000,
} as const;

/** SHA-256 of a file's bytes, streamed: the identity of a file version for skip-if-seen. */
export async function fileChecksum(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A file's checksum (fileChecksum), without reading the file again when the file system shows it
 * unchanged since a run hashed it (input_file_stats): the same size, modification and change
 * times, inode and device, as git trusts a file's stat in its index. The change time moves on
 * every write, also one that sets the modification time back (`touch -d`, `cp -p`), and a file
 * replaced by another has another inode; a file copied or moved is hashed again. A file's stat is
 * kept only when it was the same after the hashing as before, and older than `settleMs`.
 * @example await knownChecksum(connection, file) // '9f86d0…', read from input_file_stats when unchanged
 */
export async function knownChecksum(connection: DuckDBConnection, file: InputFile): Promise<string> {
  const before = await fileStat(file.path);
  const [known] = await queryRows<{ checksum: string }>(
    connection,
    'select checksum from input_file_stats where path = $path and size = $size and modified_ns = $modified_ns and changed_ns = $changed_ns and inode = $inode and device = $device',
    { path: file.relativePath, ...before },
  );
  if (known !== undefined) return known.checksum;
  const started = BigInt(Date.now() - defaults.settleMs) * 1_000_000n;
  const checksum = await fileChecksum(file.path);
  const after = await fileStat(file.path);
  const settled = before.modified_ns < started && before.changed_ns < started;
  const same = Object.entries(before).every(([name, value]) => after[name as keyof FileStat] === value);
  if (settled && same) {
    await connection.run('insert or replace into input_file_stats values ($path, $size, $modified_ns, $changed_ns, $inode, $device, $checksum)', {
      path: file.relativePath,
      ...before,
      checksum,
    });
  }
  return checksum;
}

interface FileStat {
  size: bigint;
  modified_ns: bigint;
  changed_ns: bigint;
  inode: bigint;
  device: bigint;
}

async function fileStat(path: string): Promise<FileStat> {
  const stats = await stat(path, { bigint: true });
  return { size: stats.size, modified_ns: stats.mtimeNs, changed_ns: stats.ctimeNs, inode: stats.ino, device: stats.dev };
}
