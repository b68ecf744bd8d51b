import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
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

/** Whether two pages' figures are the same digests (a digest names one figure). */
function sameFigures(a: Readonly<Record<string, string>> = {}, b: Readonly<Record<string, string>> = {}): boolean {
  const digests = Object.keys(a);
  return digests.length === Object.keys(b).length && digests.every((digest) => digest in b);
}

/**
 * Records the figures of the site being built (`figures`) in place of the last one's (`recorded`,
 * as readPublishedCharts read them): what the next publish may reuse. Only the pages whose figures
 * differ are written (a day's run: those of a warning's weekly chart), not every figure again.
 */
export async function recordPublishedCharts(connection: DuckDBConnection, figures: PageFigures, recorded: PageFigures): Promise<void> {
  const changed = [...new Set([...figures.keys(), ...recorded.keys()])].filter((page) => !sameFigures(figures.get(page), recorded.get(page)));
  if (changed.length === 0) return;
  const rows = changed.flatMap((page) => Object.entries(figures.get(page) ?? {}).map(([digest, figure]) => ({ page, digest, figure })));
  await inTransaction(connection, async () => {
    await connection.run('delete from published_charts where list_contains($pages, page)', { pages: listValue(changed) });
    await appendRows(connection, 'published_charts', rows);
  });
}
