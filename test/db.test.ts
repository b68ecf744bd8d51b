import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWarehouse, queryRows } from '../pipeline/db.ts';

describe('openWarehouse', () => {
  it('holds DuckDB to the memory limit given, spilling into a folder beside the warehouse', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'hearken-db-')), 'w.duckdb');
    const warehouse = await openWarehouse(path, { memoryLimitMb: 512 });
    try {
      const [row] = await queryRows<{ limit: string; temp: string }>(
        warehouse.connection,
        "select current_setting('memory_limit') as limit, current_setting('temp_directory') as temp",
      );
      expect(row).toEqual({ limit: '512.0 MiB', temp: `${path}.tmp` });
    } finally {
      warehouse.close();
    }
  });
});
