import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config } from '../config.ts';
import { queryRows, quoteIdentifier, quoteLiteral } from '../db.ts';
import type { StepModels } from '../plan.ts';
import type { RunSummary } from './run-summary.ts';
import type { WarningsFile } from '../warnings/warnings.ts';
import { publishAtomically } from './atomic.ts';
import { carryPartitions, recordPartitions } from './carried-partitions.ts';
import { exportPartitioned, partitionFingerprints, PARTITIONED_EXPORTS, type PartitionedExport } from './partitioned-export.ts';
import { departmentPacks } from './pages/departments.ts';
import { SITE_PAGES } from './pages/registry.ts';
import { drawPages, startRenderThreads, type RenderThreads } from './pages/draw-pages.ts';
import type { DrawnPage } from './pages/page-render.ts';
import { drawingCode, readPublishedCharts, recordPublishedCharts, type PageFigures } from './pages/published-charts.ts';
import { languageFolder, SITE_LANGUAGES, tablesFile, type PageFile, type SiteContext } from './pages/site-page.ts';
import { readHospitals } from './reports/scope.ts';
import { writeReports } from './reports/write-reports.ts';
import { tablesScript } from './table-data.ts';

/** Marts published under OUT/data/ (contract section 5), each as CSV and Parquet: file name → table. */
export const EXPORTS = {
  satisfaction_index: 'export_satisfaction_index',
  feedback: 'export_feedback',
  complaint_kpis: 'mart_complaint_kpis',
  high_frequency_issues: 'mart_high_frequency_issues',
  department_keywords: 'mart_department_keywords',
  term_keyness: 'mart_term_keyness',
  satisfaction_measures: 'export_satisfaction_measures',
  satisfaction_spc: 'mart_satisfaction_spc',
  satisfaction_funnel: 'mart_satisfaction_funnel',
  satisfaction_hospital_funnel: 'mart_satisfaction_hospital_funnel',
  complaint_backlog: 'mart_complaint_backlog',
  open_cases: 'mart_open_cases',
  repeat_complaints: 'mart_repeat_complaints',
  fix_reviews: 'mart_fix_reviews',
  praise: 'mart_praise',
  department_alias_suggestions: 'mart_department_alias_suggestions',
  division_kpis: 'mart_division_kpis',
  satisfaction_modes: 'mart_satisfaction_modes',
  complaint_visit_rates: 'mart_complaint_visit_rates',
} as const;

/**
 * The pages of the site where the warehouse holds one hospital, besides one alert pack per
 * department (departments/<slug>.html and .json). With several, index.html is the group's and the
 * other three are one per hospital (hospitalPages). These are the default language's; every page
 * is also under zh/, vi/ or en/ for each other language (pages/registry.ts lists them all).
 */
export const PAGES = ['index.html', 'issues.html', 'leadership.html', 'departments/index.html'] as const;

export { hospitalPages, packSlug } from './pages/paths.ts';

/**
 * The select a table's CSV is copied from: its columns in order, text ones (and lists of text)
 * through csv_safe_text, so no cell starts like a formula; numbers, dates and booleans as they are.
 *
 * @example csvExportSelect('t', [{ name: 'dept', type: 'VARCHAR' }, { name: 'n', type: 'INTEGER' }])
 * // 'select csv_safe_text("dept") as "dept", "n" from "t"'
 */
export function csvExportSelect(table: string, columns: readonly { name: string; type: string }[]): string {
  const select = columns.map(({ name, type }) => {
    const column = quoteIdentifier(name);
    if (type === 'VARCHAR') return `csv_safe_text(${column}) as ${column}`;
    if (type === 'VARCHAR[]') return `list_transform(${column}, value -> csv_safe_text(value)) as ${column}`;
    return column;
  });
  return `select ${select.join(', ')} from ${quoteIdentifier(table)}`;
}

/**
 * Copies one table to `dir` as `name`.csv (text made safe for spreadsheets) and `name`.parquet (true
 * values), each row with the `run_id` that published it (getvariable('run_id')); every exported
 * mart carries its own `hospital` (contract section 5).
 */
export async function exportTable(connection: DuckDBConnection, table: string, dir: string, name: string): Promise<void> {
  const rows = `select *, getvariable('run_id')::varchar as run_id from ${quoteIdentifier(table)}`;
  const columns = await queryRows<{ name: string; type: string }>(connection, `select column_name as name, column_type as type from (describe ${rows})`);
  await connection.run(`copy (with export_rows as (${rows}) ${csvExportSelect('export_rows', columns)}) to ${quoteLiteral(join(dir, `${name}.csv`))} (header, delimiter ',')`);
  // Parquet is read by tools, not spreadsheets: it keeps the true values
  await connection.run(`copy (${rows}) to ${quoteLiteral(join(dir, `${name}.parquet`))} (format parquet)`);
}

/** Writes the whole output folder (site, warnings, exports, run summary) and swaps it in at once. */
export async function publish(connection: DuckDBConnection, config: Config, summary: RunSummary, warnings: WarningsFile, models: StepModels): Promise<void> {
  const guard = { inputDir: config.inputDir, dbPath: config.dbPath };
  const site = { guard, language: config.language, runId: summary.run_id, generatedAt: summary.generated_at };
  await publishAtomically(config.outDir, site, async (dir) => {
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
    const hospitals = await readHospitals(connection);
    const shared = new Map<string, Promise<unknown>>();
    const context: SiteContext = {
      connection,
      config,
      summary,
      warnings,
      models,
      hospitals: hospitals.length === 0 ? [null] : hospitals,
      several: hospitals.length > 1,
      downloads,
      // the reports' own links, once they are written (below): only the first page's data shows them
      reports: [],
      once: <T>(key: string, read: () => Promise<T>) => {
        if (!shared.has(key)) shared.set(key, read());
        return shared.get(key) as Promise<T>;
      },
    };
    // render threads load while the reports are written: a page per pack and the first page are
    // the fewest page files the site can have
    const threads = await startRenderThreads((await departmentPacks(context)).packs.length + 1);
    try {
      context.reports = await writeReports(connection, models, join(dir, 'reports'), config.language, { generatedAt: summary.generated_at, asOf: summary.as_of, timeZone: config.timezone });
      // the pages are drawn by JavaScript (this thread and the render threads) while DuckDB's
      // threads copy the exports; the connection is the exports' alone by then, since every page's
      // data is read before
      await writeSite(dir, context, threads, () => writeExports(connection, join(dir, 'data'), join(config.outDir, 'data')));
    } finally {
      await threads?.close();
    }
    // each pack as JSON, once for every language: the warnings' own text is in the run's language
    for (const { slug, pack } of (await departmentPacks(context)).packs) await writeFile(join(dir, 'departments', `${slug}.json`), `${JSON.stringify(pack, null, 2)}\n`);
  });
}

/**
 * Every export under `dataDir`: each mart as CSV and Parquet (EXPORTS), then the partitioned ones,
 * of which those whose rows are as the previous site (its data folder `previousDataDir`) holds them
 * are carried over from it (carryPartitions) rather than written again.
 */
async function writeExports(connection: DuckDBConnection, dataDir: string, previousDataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  for (const [name, table] of Object.entries(EXPORTS)) await exportTable(connection, table, dataDir, name);
  const names = Object.keys(PARTITIONED_EXPORTS) as PartitionedExport[];
  const partitions = [];
  for (const name of names) partitions.push(...(await partitionFingerprints(connection, name)));
  const dir = join(dataDir, 'partitioned');
  const carried = await carryPartitions(connection, join(previousDataDir, 'partitioned'), dir, partitions);
  for (const name of names) await exportPartitioned(connection, name, dir, carried);
  await recordPartitions(connection, dir, partitions);
}

/**
 * Every page of the registry in every language: the default language (`--lang`) at the root, the
 * others in their folders (languageFolder); each page's data read once, its tables' data written
 * once beside the default language's page, and the scripts that read it into assets/. Every page's
 * data is read first, and the figures the last site's pages showed (published_charts), which a
 * page reuses where its chart's digest is the same; `alongside` (work of the connection's) then
 * runs while the pages are drawn, and both are waited for to the end, so that a failure of either
 * leaves neither still writing. The figures this site shows are recorded last.
 */
async function writeSite(dir: string, site: SiteContext, threads: RenderThreads | null, alongside: () => Promise<void>): Promise<void> {
  const defaultLanguage = site.config.language;
  const written = new Set<string>();
  const write = async (path: string, content: string) => {
    const folder = dirname(join(dir, path));
    if (!written.has(folder)) await mkdir(folder, { recursive: true });
    written.add(folder);
    await writeFile(join(dir, path), content);
  };
  const files: PageFile[] = [];
  for (const page of SITE_PAGES) files.push(...(await page.files(site)));
  const code = await drawingCode();
  const known = await readPublishedCharts(site.connection);
  for (const { drawing } of files) drawing.charts = { code, known: known.get(drawing.path) ?? {} };
  const shown: PageFigures = new Map();
  const draw = async () => {
    const drawn = async ({ drawing: { path }, tables }: PageFile, { pages, figures }: DrawnPage) => {
      if (tables !== undefined) await write(tablesFile(path), tablesScript(tables));
      for (const [i, language] of SITE_LANGUAGES.entries()) await write(`${languageFolder(language, defaultLanguage)}${path}`, pages[i]!);
      shown.set(path, figures);
    };
    await drawPages(files, drawn, threads);
    await writeAssets(join(dir, 'assets'));
  };
  const failed = (await Promise.allSettled([alongside(), draw()])).find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  await recordPublishedCharts(site.connection, shown, known);
}

/** The browser scripts the pages load, shipped in the site: apache-arrow's browser build (with its licence) and the tables script. */
async function writeAssets(assetsDir: string): Promise<void> {
  await mkdir(assetsDir, { recursive: true });
  const arrowDir = dirname(createRequire(import.meta.url).resolve('apache-arrow'));
  // no source map is shipped: the line that names one would make a browser's tools ask for it
  const arrow = (await readFile(join(arrowDir, 'Arrow.es2015.min.js'), 'utf8')).replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  await writeFile(join(assetsDir, 'apache-arrow.js'), arrow);
  await copyFile(join(arrowDir, 'LICENSE.txt'), join(assetsDir, 'apache-arrow.LICENSE.txt'));
  await copyFile(fileURLToPath(new URL('../../dashboards/assets/tables.js', import.meta.url)), join(assetsDir, 'tables.js'));
}
