import { readFileSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';
import { quoteLiteral } from '../../pipeline/db.ts';
import { SITE_MANIFEST, type SiteManifest } from '../../pipeline/publish/out-folder.ts';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
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

/** A whole site as one run published it: its manifest lists exactly the files beside it. */
export async function wholeSite(dir: string): Promise<{ runId: string; summary: RunSummary }> {
  const manifest = JSON.parse(readFileSync(join(dir, SITE_MANIFEST), 'utf8')) as SiteManifest;
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => file !== SITE_MANIFEST)
    .sort();
  expect(files).toEqual(manifest.files);
  expect(files).toEqual(expect.arrayContaining(['index.html', 'warnings.json', 'run-summary.json']));
  expect(JSON.parse(readFileSync(join(dir, 'warnings.json'), 'utf8')).warnings).toBeInstanceOf(Array);
  const summary = JSON.parse(readFileSync(join(dir, 'run-summary.json'), 'utf8')) as RunSummary;
  expect(summary.run_id).toBe(manifest.run_id);
  return { runId: manifest.run_id, summary };
}
