import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { dailyBulletin } from '../../../dashboards/reports/daily-bulletin.ts';
import type { ReportDocument } from '../../../dashboards/reports/document.ts';
import { monthlyAnalysis } from '../../../dashboards/reports/monthly-analysis.ts';
import { renderReportHtml } from '../../../dashboards/reports/report-html.ts';
import { renderReportMarkdown } from '../../../dashboards/reports/report-markdown.ts';
import { renderReportsIndex, type PublishedReport, type ReportsBuild } from '../../../dashboards/reports/reports-index.ts';
import { weeklySummary } from '../../../dashboards/reports/weekly-summary.ts';
import type { Language } from '../../config.ts';
import type { StepModels } from '../../plan.ts';
import { inPageLanguage, readDepartmentNames, type DepartmentNames } from '../pages/department-names.ts';
import { DAILY_BULLETIN_DAYS } from './periods.ts';
import { readScopeReports, type ScopeReports } from './read-reports.ts';
import { readHospitals, reportFileStem, reportScopes } from './scope.ts';

/**
 * A scope's reports with every department named in `language` as the site's pages name it: each
 * `department` field (inPageLanguage), and the monthly analysis' counts by department, whose
 * department is the row's `value`.
 */
function inReportLanguage(reports: ScopeReports, names: DepartmentNames, language: Language): ScopeReports {
  const named = inPageLanguage(reports, names, language);
  const monthly = named.monthly.map((month) => ({
    ...month,
    counts: month.counts.map((row) => (row.breakdown === 'department' ? { ...row, value: names.get(row.value)?.[language] ?? row.value } : row)),
  }));
  return { ...named, monthly };
}

/**
 * Writes the reports of contract section 7 into `dir` (the building site's reports/ folder):
 * every daily bulletin, weekly summary and monthly analysis the warehouse can reproduce up to the
 * as-of date, per hospital where there are several, each as HTML and Markdown, its departments
 * named in the report's language as the site's pages name them (inReportLanguage), and
 * reports/index.html listing them (with the run's time and as-of date). Returns what it wrote, for the
 * site's first page.
 */
export async function writeReports(connection: DuckDBConnection, models: StepModels, dir: string, language: Language, build: ReportsBuild): Promise<PublishedReport[]> {
  const published: PublishedReport[] = [];
  const write = async (rhythm: PublishedReport['rhythm'], period: string, hospital: string | null, document: ReportDocument) => {
    const stem = `${rhythm}/${reportFileStem(period, { hospital })}`;
    await writeFile(join(dir, `${stem}.html`), renderReportHtml(document));
    await writeFile(join(dir, `${stem}.md`), renderReportMarkdown(document));
    published.push({ rhythm, period, hospital, html: `${stem}.html`, markdown: `${stem}.md` });
  };
  for (const rhythm of ['daily', 'weekly', 'monthly']) await mkdir(join(dir, rhythm), { recursive: true });
  const names = await readDepartmentNames(connection);
  for (const scope of reportScopes(await readHospitals(connection))) {
    const reports = inReportLanguage(await readScopeReports(connection, models, scope, build.asOf), names, language);
    for (const data of reports.daily) await write('daily', data.day, scope.hospital, dailyBulletin(data, language));
    for (const data of reports.weekly) await write('weekly', data.week, scope.hospital, weeklySummary(data, language));
    for (const data of reports.monthly) await write('monthly', data.month, scope.hospital, monthlyAnalysis(data, language));
  }
  await writeFile(join(dir, 'index.html'), renderReportsIndex(published, language, DAILY_BULLETIN_DAYS, build));
  return published;
}
