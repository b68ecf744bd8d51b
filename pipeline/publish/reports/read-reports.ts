import type { DuckDBConnection } from '@duckdb/node-api';
import type { DailyBulletinData, DayRecord, DepartmentOverdue, OverdueCase } from '../../../dashboards/reports/daily-bulletin.ts';
import type { MonthCount, MonthIssue, MonthlyAnalysisData, MonthRates, MonthTopic, SectionSatisfaction } from '../../../dashboards/reports/monthly-analysis.ts';
import { readFixReviews } from '../../fixes/fixes.ts';
import { warningsOpenedOrClosed, type ReportWarning } from '../../../dashboards/reports/warnings.ts';
import type { HandlingCounts } from '../../../dashboards/handling-counts.ts';
import { WEEKLY_ISSUES, type WeekIssue, type WeeklySummaryData, type WeekVolume } from '../../../dashboards/reports/weekly-summary.ts';
import { queryRows, setVariables } from '../../db.ts';
import { REPORT_MODELS, type StepModels } from '../../plan.ts';
import { addMonths, reportPeriods, type ReportPeriods } from './periods.ts';
import { applyScope, type ReportScope } from './scope.ts';

/** Every report of one scope, oldest period first. */
export interface ScopeReports {
  scope: ReportScope;
  periods: ReportPeriods;
  daily: DailyBulletinData[];
  weekly: WeeklySummaryData[];
  monthly: MonthlyAnalysisData[];
}

/** Rows grouped by a key, each group in the order the rows came. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group === undefined) groups.set(key(row), [row]);
    else group.push(row);
  }
  return groups;
}

/**
 * The data of every report the warehouse can reproduce for one scope up to the as-of date: the
 * periods (reportPeriods, from the scope's first feedback record), then the report models built
 * for them, read whole in a fixed order and split by period.
 */
export async function readScopeReports(connection: DuckDBConnection, models: StepModels, scope: ReportScope, asOf: string): Promise<ScopeReports> {
  await applyScope(connection, models, scope);
  const [first] = await queryRows<{ first_day: string | null }>(connection, "select strftime(min(received_at), '%Y-%m-%d') as first_day from report_feedback");
  const periods = reportPeriods(asOf, first?.first_day ?? null);
  await setVariables(connection, { report_first_day: periods.days[0]?.start ?? asOf });
  for (const model of REPORT_MODELS) await models.run(model);
  const warnings = await queryRows<ReportWarning>(connection, 'select * from report_warnings order by first_as_of, kind, id');
  return {
    scope,
    periods,
    daily: await readDaily(connection, scope, periods, warnings),
    weekly: await readWeekly(connection, scope, periods, warnings),
    monthly: await readMonthly(connection, scope, periods, warnings),
  };
}

async function readDaily(connection: DuckDBConnection, scope: ReportScope, periods: ReportPeriods, warnings: readonly ReportWarning[]): Promise<DailyBulletinData[]> {
  const records = groupBy(await queryRows<DayRecord & { day: string }>(connection, 'select * from report_day_records order by day, received_at, source, id'), (row) => row.day);
  const newlyOverdue = groupBy(
    await queryRows<OverdueCase & { day: string }>(connection, 'select * from report_day_overdue order by day, received_at, source, id'),
    (row) => row.day,
  );
  const byDepartment = groupBy(await queryRows<DepartmentOverdue & { day: string }>(connection, 'select * from report_day_overdue_departments order by day, department'), (row) => row.day);
  return periods.days.map(({ label: day }) => ({
    day,
    hospital: scope.hospital,
    records: records.get(day) ?? [],
    newlyOverdue: newlyOverdue.get(day) ?? [],
    overdueByDepartment: byDepartment.get(day) ?? [],
    opened: warnings.filter((warning) => warning.first_as_of === day),
  }));
}

async function readWeekly(connection: DuckDBConnection, scope: ReportScope, periods: ReportPeriods, warnings: readonly ReportWarning[]): Promise<WeeklySummaryData[]> {
  const volumes = groupBy(await queryRows<WeekVolume & { week_start: string }>(connection, 'select * from report_week_volumes order by week_start, category'), (row) => row.week_start);
  const rates = new Map((await queryRows<HandlingCounts & { week_start: string }>(connection, 'select * from report_week_rates')).map((row) => [row.week_start, row]));
  const issues = groupBy(await queryRows<WeekIssue & { week_start: string }>(connection, 'select * from report_week_issues where rank <= $top order by week_start, rank', { top: WEEKLY_ISSUES }), (row) => row.week_start);
  return periods.weeks.map(({ label, start, end }) => ({
    week: label,
    start,
    end,
    hospital: scope.hospital,
    volumes: volumes.get(start) ?? [],
    handling: rates.get(start) ?? null,
    warnings: warningsOpenedOrClosed(warnings, start, end),
    issues: issues.get(start) ?? [],
  }));
}

async function readMonthly(connection: DuckDBConnection, scope: ReportScope, periods: ReportPeriods, warnings: readonly ReportWarning[]): Promise<MonthlyAnalysisData[]> {
  const counts = groupBy(await queryRows<MonthCount>(connection, 'select * from report_month_breakdown order by month, breakdown, value'), (row) => row.month);
  const issues = groupBy(await queryRows<MonthIssue & { month: string }>(connection, 'select * from report_high_frequency_issues order by month, lang, rank'), (row) => row.month);
  // select *: patient_type comes with contract v2 on another branch; before it every row is for all patients
  const satisfaction = groupBy(
    (
      await queryRows<Omit<SectionSatisfaction, 'patient_type'> & { patient_type?: string }>(connection, "select * from report_satisfaction_index where department = 'ALL' order by all")
    ).map((row) => ({ ...row, patient_type: row.patient_type ?? 'all' })),
    (row) => row.month,
  );
  // select *: the kpis mart gains rates on another branch, and the analysis shows those it finds
  const rates = groupBy(await queryRows<MonthRates>(connection, "select * from report_complaint_kpis where department = 'ALL' order by month"), (row) => row.month);
  const topics = groupBy(await queryRows<MonthTopic & { month: string }>(connection, 'select * from report_month_topics order by month, rank'), (row) => row.month);
  // each fix as it stood at each month's end (mart_fix_reviews keeps one review per month end)
  const fixes = groupBy(await readFixReviews(connection, 'report_fix_reviews'), (row) => row.reviewed_on);
  const firstMonth = periods.months[0]?.label ?? '';
  // each analysis gets the rows of the months it compares: itself, the month before, a year before
  const compared = <T>(groups: Map<string, T[]>, month: string) => [month, addMonths(month, -1), addMonths(month, -12)].flatMap((key) => groups.get(key) ?? []);
  return periods.months.map(({ label, start, end }) => ({
    month: label,
    start,
    end,
    hospital: scope.hospital,
    firstMonth,
    counts: compared(counts, label),
    issues: issues.get(label) ?? [],
    satisfaction: compared(satisfaction, label),
    rates: compared(rates, label),
    warnings: [...warnings],
    topics: topics.get(label) ?? [],
    fixes: (fixes.get(end) ?? []).filter((fix) => fix.fixed_on <= end && fix.after_window_end >= start),
  }));
}
