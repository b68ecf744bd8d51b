import type { DuckDBConnection } from '@duckdb/node-api';
import type { PageFrame } from '../../../dashboards/html.ts';
import type { PageMeta } from '../../../dashboards/page-meta.ts';
import type { PublishedReport } from '../../../dashboards/reports/reports-index.ts';
import { timeZoneOf, type Config, type Language } from '../../config.ts';
import type { StepModels } from '../../plan.ts';
import type { WarningsFile } from '../../warnings/warnings.ts';
import type { RunSummary } from '../run-summary.ts';
import type { PageTables } from '../table-data.ts';
import { departmentsIn, namesShown, readDepartmentNames } from './department-names.ts';
import type { PageData, PageDrawing, PageKind } from './page-render.ts';

/** What every page's queries may read: the run, its warehouse, and the reads pages share. */
export interface SiteContext {
  connection: DuckDBConnection;
  config: Config;
  summary: RunSummary;
  warnings: WarningsFile;
  models: StepModels;
  /** The hospitals the warehouse holds; [null] for an empty warehouse, which still gets today's pages, empty. */
  hospitals: readonly (string | null)[];
  /** Whether there are several hospitals: then pages are one hospital's each and the first page is the group's. */
  several: boolean;
  /** Files published once for every language, relative to the site's root. */
  downloads: readonly { href: string; label: string }[];
  reports: readonly PublishedReport[];
  /** A read that several pages need, done once per run under its key. */
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/** One file of a page, its data read: drawn in every language (drawPage), on this thread or a render thread. */
export interface PageFile {
  drawing: PageDrawing;
  /** The data of its filterable tables, the same in every language. */
  tables?: PageTables;
}

/** A page of the site: the files it publishes, each with the data its queries read. */
export interface SitePage {
  name: PageKind;
  files(site: SiteContext): Promise<PageFile[]>;
}

/**
 * A page from its queries: `read` gives each file its path and data (and its tables' data) once;
 * PAGE_RENDERS[name] draws one file's data in one language, its departments named in that
 * language (drawPage).
 *
 * @example sitePage({ name: 'issues', read: async (site) => [{ path: 'issues.html', data: … }] })
 */
export function sitePage<K extends PageKind>(page: { name: K; read(site: SiteContext): Promise<{ path: string; data: PageData<K>; tables?: PageTables }[]> }): SitePage {
  return {
    name: page.name,
    files: async (site) => {
      const names = await site.once('departmentNames', () => readDepartmentNames(site.connection));
      // a department is named in each page's language, whatever the page draws it in; its tables' data keep the data's names, which their filters list by the page's
      return (await page.read(site)).map(({ path, data, tables }) => ({
        drawing: { kind: page.name, path, data, names: namesShown(names, departmentsIn(data, tables)), hasTables: tables !== undefined, defaultLanguage: site.config.language },
        tables,
      }));
    },
  };
}

/** The languages every run publishes, in the order the language links list them. */
export const SITE_LANGUAGES = ['zh', 'vi', 'en'] as const satisfies readonly Language[];

/**
 * Where a language's pages go: the default language (`--lang`) at the site's root, so the
 * contract's paths (index.html …) are in it, each other language in a folder of its code.
 *
 * @example languageFolder('vi', 'zh') // 'vi/'
 */
export function languageFolder(language: Language, defaultLanguage: Language): string {
  return language === defaultLanguage ? '' : `${language}/`;
}

/** The file that carries a page's tables' data, in the site's root folder (one for every language). */
export function tablesFile(path: string): string {
  return path.replace(/\.html$/, '.tables.js');
}

/**
 * A page file's frame in one language: the way to the site's root, the same page in each language,
 * and its tables' data script.
 *
 * @example pageFrame('departments/index.html', 'vi', 'zh', false).languages[0] // { lang: 'zh', href: '../../departments/index.html' }
 */
export function pageFrame(path: string, language: Language, defaultLanguage: Language, hasTables: boolean): PageFrame {
  const root = '../'.repeat(path.split('/').length - 1 + (language === defaultLanguage ? 0 : 1));
  return {
    root,
    languages: SITE_LANGUAGES.map((lang) => ({ lang, href: `${root}${languageFolder(lang, defaultLanguage)}${path}` })),
    tables: hasTables ? `${root}${tablesFile(path)}` : undefined,
  };
}

/** A page's reads for each hospital in turn (one connection runs one query at a time). */
export async function perHospital<T>(site: SiteContext, read: (hospital: string | null) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const hospital of site.hospitals) results.push(await read(hospital));
  return results;
}

/**
 * A hospital's time zone, as its files' are found (config `timezones`, by the folder named after
 * it); the config's own zone for the group's pages and for a hospital of no folder.
 */
export function hospitalTimeZone(config: Config, hospital: string | null): string {
  return hospital === null ? config.timezone : timeZoneOf(`${hospital}/feedback.csv`, config);
}

/** What a page of one hospital (or of all, with null) says about itself. */
export function pageMeta(site: SiteContext, hospital: string | null): PageMeta {
  return { hospital, asOf: site.summary.as_of, generatedAt: site.summary.generated_at, runId: site.summary.run_id, timeZone: hospitalTimeZone(site.config, hospital) };
}
