import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { renderRunReport } from '../../dashboards/run-report.ts';
import type { Config } from '../config.ts';
import { quoteIdentifier, quoteLiteral } from '../db.ts';
import type { RunSummary } from '../summary.ts';
import { publishAtomically } from './atomic.ts';

/** The warnings file of contract section 4. */
export interface WarningsFile {
  generated_at: string;
  as_of: string;
  warnings: unknown[];
}

/** Marts published under OUT/data/ (contract section 5), each as CSV and Parquet: file name → table. */
export const EXPORTS = {
  satisfaction_index: 'export_satisfaction_index',
  feedback: 'export_feedback',
  complaint_kpis: 'mart_complaint_kpis',
} as const;

async function exportTable(connection: DuckDBConnection, table: string, dir: string, name: string): Promise<void> {
  const source = quoteIdentifier(table);
  await connection.run(`copy ${source} to ${quoteLiteral(join(dir, `${name}.csv`))} (header, delimiter ',')`);
  await connection.run(`copy ${source} to ${quoteLiteral(join(dir, `${name}.parquet`))} (format parquet)`);
}

/** Writes the whole output folder (site, warnings, exports, run summary) and swaps it in at once. */
export async function publish(connection: DuckDBConnection, config: Config, summary: RunSummary, warnings: WarningsFile): Promise<void> {
  await publishAtomically(config.outDir, async (dir) => {
    const dataDir = join(dir, 'data');
    await mkdir(dataDir, { recursive: true });
    for (const [name, table] of Object.entries(EXPORTS)) await exportTable(connection, table, dataDir, name);
    await writeFile(join(dir, 'warnings.json'), `${JSON.stringify(warnings, null, 2)}\n`);
    await writeFile(join(dir, 'run-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const downloads = [
      ...Object.keys(EXPORTS).flatMap((name) => [
        { href: `data/${name}.csv`, label: `${name}.csv` },
        { href: `data/${name}.parquet`, label: `${name}.parquet` },
      ]),
      { href: 'warnings.json', label: 'warnings.json' },
      { href: 'run-summary.json', label: 'run-summary.json' },
    ];
    const html = renderRunReport(summary, { language: config.language, warningCount: warnings.warnings.length, downloads });
    await writeFile(join(dir, 'index.html'), html);
  });
}
