import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { PROJECT_ROOT } from '../../config.ts';
import { inTransaction, queryRows } from '../../db.ts';
import { appendRows } from '../../table-writer.ts';

/** The figures of each page file, by the digest of what drew them (dashboards/charts/remembered-chart.ts). */
export type PageFigures = Map<string, Record<string, string>>;

/**
 * A digest of everything that may draw a chart: every TypeScript file of dashboards/ and pipeline/
 * (the charts, the pages, the copy and i18n they word it with; more than draws, so nothing is
 * missed), the locked packages (Plot, d3, linkedom: package-lock.json), and Node's own versions
 * (its Intl formats the numbers). A figure drawn by other code is never reused.
 */
export async function drawingCode(): Promise<string> {
  const digest = createHash('sha256').update(JSON.stringify(process.versions));
  for (const folder of ['dashboards', 'pipeline']) {
    const files = (await readdir(join(PROJECT_ROOT, folder), { recursive: true })).filter((file) => file.endsWith('.ts')).sort();
    for (const file of files) digest.update(`${folder}/${file}\0`).update(await readFile(join(PROJECT_ROOT, folder, file)));
  }
  digest.update(await readFile(join(PROJECT_ROOT, 'package-lock.json')));
  return digest.digest('base64url');
}

/** The figures the last site built showed (published_charts), by page file. */
export async function readPublishedCharts(connection: DuckDBConnection): Promise<PageFigures> {
  const figures: PageFigures = new Map();
  for (const { page, digest, figure } of await queryRows<{ page: string; digest: string; figure: string }>(connection, 'select page, digest, figure from published_charts')) {
    const known = figures.get(page);
    if (known === undefined) figures.set(page, { [digest]: figure });
    else known[digest] = figure;
  }
  return figures;
}

/** Records the figures of the site being built in place of the last one's: what the next publish may reuse. */
export async function recordPublishedCharts(connection: DuckDBConnection, figures: PageFigures): Promise<void> {
  const rows = [...figures].flatMap(([page, shown]) => Object.entries(shown).map(([digest, figure]) => ({ page, digest, figure })));
  await inTransaction(connection, async () => {
    await connection.run('delete from published_charts');
    await appendRows(connection, 'published_charts', rows);
  });
}
