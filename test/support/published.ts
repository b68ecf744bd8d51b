import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { quoteLiteral } from '../../pipeline/db.ts';
import type { Workspace } from './workspace.ts';

/**
 * Every file a run published into the workspace's out folder, by path relative to it: its text,
 * and for Parquet the text of all its values (read through DuckDB), so a test can search
 * everything a reader could open for a string that must not be there.
 */
export async function publishedTexts(ws: Workspace): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix = '') => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = entry.name.endsWith('.parquet') ? '' : readFileSync(path, 'utf8');
    }
  };
  walk(ws.out);
  for (const name of Object.keys(files).filter((n) => n.endsWith('.parquet'))) {
    const rows = await ws.query<{ v: string | null }>(`select string_agg(columns(*)::varchar, '|') as v from read_parquet(${quoteLiteral(join(ws.out, name))})`);
    files[name] = rows.map((r) => r.v ?? '').join('\n');
  }
  return files;
}
