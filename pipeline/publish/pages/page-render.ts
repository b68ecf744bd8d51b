import { renderDepartmentIndex, renderDepartmentPage, type DepartmentIndexData, type DepartmentPack, type DepartmentTrends } from '../../../dashboards/department-page.ts';
import type { PageFrame } from '../../../dashboards/html.ts';
import { renderIssuesPage, type IssuesPageData } from '../../../dashboards/issues-page.ts';
import { renderLeadershipPage, type LeadershipPageData } from '../../../dashboards/leadership-page.ts';
import type { PageMeta } from '../../../dashboards/page-meta.ts';
import { renderRunReport, type RunReportOptions } from '../../../dashboards/run-report.ts';
import { withChartMemo } from '../../../dashboards/charts/remembered-chart.ts';
import type { Language } from '../../config.ts';
import type { RunSummary } from '../run-summary.ts';
import { inPageLanguage, namesIn, type DepartmentNames } from './department-names.ts';
import { pageFrame, SITE_LANGUAGES } from './site-page.ts';

/** The first page's data (home.ts). */
export interface HomePageData {
  summary: RunSummary;
  options: Omit<RunReportOptions, 'language' | 'frame'>;
}

/** A department page's data (departments.ts). */
export interface DepartmentPageData {
  pack: DepartmentPack;
  trends: DepartmentTrends;
  build: Pick<PageMeta, 'hospital' | 'runId' | 'timeZone'> & { index: string };
}

/**
 * How each kind of page draws one file's data in one language. Kept apart from the pages' queries
 * so that a render thread loads the drawing alone, not the warehouse's client.
 */
export const PAGE_RENDERS = {
  home: ({ summary, options }: HomePageData, language: Language, frame: PageFrame) => renderRunReport(summary, { ...options, language, frame }),
  issues: (data: IssuesPageData, language: Language, frame: PageFrame) => renderIssuesPage(data, language, frame),
  leadership: (data: LeadershipPageData, language: Language, frame: PageFrame) => renderLeadershipPage(data, language, frame),
  'department index': (data: DepartmentIndexData, language: Language, frame: PageFrame) => renderDepartmentIndex(data, language, frame),
  department: ({ pack, trends, build }: DepartmentPageData, language: Language, frame: PageFrame) => renderDepartmentPage(pack, language, trends, build, frame),
};

export type PageKind = keyof typeof PAGE_RENDERS;

/** The data one kind of page draws. */
export type PageData<K extends PageKind> = Parameters<(typeof PAGE_RENDERS)[K]>[0];

/**
 * One page file to draw in every language: plain data only, so that it can be sent to a render
 * thread as it is (structured clone), and drawn there to the same bytes as here.
 */
export interface PageDrawing {
  kind: PageKind;
  /** Where it goes, relative to its language's root folder, with `/`. */
  path: string;
  data: unknown;
  /** The names in each language of the departments it shows (namesShown): what renames them. */
  names: DepartmentNames;
  hasTables: boolean;
  defaultLanguage: Language;
  /**
   * The drawing code's digest and the figures this file's charts showed in the last site built, by
   * digest (published-charts.ts): a chart whose digest is among them is not drawn again. Without
   * it, every chart is drawn.
   */
  charts?: { code: string; known: Readonly<Record<string, string>> };
}

/** A page file drawn: its page in each language of SITE_LANGUAGES, and the figures its charts show, by digest (what the next site may reuse). */
export interface DrawnPage {
  pages: string[];
  figures: Record<string, string>;
}

/**
 * A page file drawn in each language of SITE_LANGUAGES, in that order: its departments named in
 * the page's language (inPageLanguage), its filters listing them so (namesIn); its charts reused
 * from `charts` where their digest is there.
 */
export function drawPage(drawing: PageDrawing): DrawnPage {
  const { kind, path, data, names, hasTables, defaultLanguage, charts } = drawing;
  const render = PAGE_RENDERS[kind] as (data: unknown, language: Language, frame: PageFrame) => string;
  const draw = () =>
    SITE_LANGUAGES.map((language) =>
      render(inPageLanguage(data, names, language), language, { ...pageFrame(path, language, defaultLanguage, hasTables), departments: namesIn(names, language) }),
    );
  if (charts === undefined) return { pages: draw(), figures: {} };
  const memo = { ...charts, shown: {} };
  return { pages: withChartMemo(memo, draw), figures: memo.shown };
}
