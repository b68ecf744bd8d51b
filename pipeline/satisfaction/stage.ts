import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config } from '../config.ts';
import { queryRows, setVariables } from '../db.ts';
import { buildSatisfactionMeasures } from './measures.ts';
import { clusteredCountsOf, readPeriodCounts, type PeriodCounts } from './period-counts.ts';
import { buildSatisfactionTrends, latestCompleteMonth } from './trends.ts';
import { buildWeeklyWatch, latestCompleteWeek, weeklySeriesOf, type WeeklySeries } from './weekly.ts';
import { SATISFACTION_DROP_MODELS, type StepModels } from '../plan.ts';
import type { DropEvidence, WarningCandidate } from '../warnings/warnings.ts';
import { dropSeverity } from '../warnings/severity.ts';
import { clusteredProportion } from '../statistics/clustered_proportion.ts';
import { loadSurveyDefinitions, surveyDefinitionDirs } from './survey-definitions.ts';
import { writeSurveyDefinitionTables } from './survey-tables.ts';
import { appendRows } from '../table-writer.ts';

/**
 * Fewer respondents than this in a cell (department, month, dimension) and the index is not
 * published: the row says `suppressed` and carries no number, so that "too few responses" is
 * never read as a score, and a handful of patients cannot be singled out. The same floor holds for
 * the measures of a department-month, its NPS answers, and the months charted in the trends.
 */
export const MIN_RESPONSES = 10;

/** A row of export_satisfaction_index (contract section 5; models/marts/export_satisfaction_index.sql). */
export type IndexRow = {
  hospital: string;
  department: string;
  patient_type: string;
  month: string;
  dimension: string;
  responses: number;
  pct_satisfied: number | null;
  mean_score: number | null;
  ci_low: number | null;
  ci_high: number | null;
  suppressed: boolean;
};

/**
 * One row of export_satisfaction_index from its counts: pct_satisfied = answers of 4 or 5 over all
 * answers (0..100, the Vietnamese Ministry of Health method), mean_score, and a 95% interval that
 * respects answers clustered in respondents (`clusteredProportion`); below MIN_RESPONSES
 * respondents, suppressed and blank.
 *
 * @example indexRow(countsOfThreeRespondents) // { hospital: 'Bệnh viện A', department: 'Khoa Nhi', patient_type: 'all', month: '2025-04', dimension: 'A', responses: 3, pct_satisfied: null, …, suppressed: true }
 */
export function indexRow(row: PeriodCounts): IndexRow {
  const head = { hospital: row.hospital, department: row.department, patient_type: row.patient_type, month: row.period, dimension: row.dimension, responses: row.responses };
  if (row.responses < MIN_RESPONSES) return { ...head, pct_satisfied: null, mean_score: null, ci_low: null, ci_high: null, suppressed: true };
  const interval = clusteredProportion(clusteredCountsOf(row));
  return { ...head, pct_satisfied: 100 * interval.estimate, mean_score: row.score_sum / row.answers, ci_low: 100 * interval.lower, ci_high: 100 * interval.upper, suppressed: false };
}

/**
 * Builds export_satisfaction_index (contract section 5) from the months of mart_satisfaction_period_counts: one row per
 * hospital, department (or the hospital's `ALL`), patient type (`inpatient`, `outpatient`, `all`),
 * month and dimension; see {@link indexRow}.
 */
export async function buildSatisfactionIndex(connection: DuckDBConnection, models: StepModels): Promise<void> {
  const rows = await readPeriodCounts(connection, 'month');
  await models.run('marts/export_satisfaction_index');
  await appendRows(connection, 'export_satisfaction_index', rows.map(indexRow));
}

/**
 * The satisfaction stage's first step, after the marts: loads the survey definitions (data/surveys
 * and a hospital's own) into the tables the satisfaction models match responses against, and
 * gives the models that publish a number the floor below which they may not (MIN_RESPONSES).
 */
export async function writeSurveyDefinitions(connection: DuckDBConnection, config: Pick<Config, 'referenceDirs' | 'language'>, models: StepModels): Promise<void> {
  await writeSurveyDefinitionTables(connection, loadSurveyDefinitions(surveyDefinitionDirs(config), config.language), models);
  await setVariables(connection, { satisfaction_min_responses: MIN_RESPONSES });
}

/**
 * A fall smaller than this many points below what was expected raises no satisfaction_drop
 * warning, however significant: `wholeForm` for the whole questionnaire of every patient (a large
 * department's chart is so tight that a 2-point dip is a special cause, and not worth a
 * department's week), `cell` for a section or one patient type: fifteen times as many cells, each
 * noisier, and the fall the weekly volume rule is sized for (weeklyWatchDefaults).
 */
export const MIN_DROP_PCT = Object.freeze({ wholeForm: 5, cell: 10 });

/** The counts the drop watch charts, read once: a backtest judges many dates on them. */
export interface SatisfactionSeries {
  months: PeriodCounts[];
  weeks: WeeklySeries[];
}

export async function readSatisfactionSeries(connection: DuckDBConnection): Promise<SatisfactionSeries> {
  return { months: await readPeriodCounts(connection, 'month'), weeks: weeklySeriesOf(await readPeriodCounts(connection, 'week'), MIN_RESPONSES) };
}

/**
 * The drop watch as a run on `asOf` sees it: the charts of every department, patient type and
 * dimension up to the latest complete month and week (only periods that ended by `asOf`, so only
 * responses submitted by then), then the drop models (mart_satisfaction_drop and its
 * candidates). A backtest, judging many dates, gives `charted`, the month already charted (the
 * monthly charts are built again only when the month changes), and `judgedOnly`: the charts'
 * tables hold only the month and the weeks the drop rule reads (buildSatisfactionTrends,
 * buildWeeklyWatch).
 */
export async function watchSatisfaction(
  connection: DuckDBConnection,
  series: SatisfactionSeries,
  asOf: string,
  models: StepModels,
  replay: { charted: string | null; judgedOnly: boolean } = { charted: null, judgedOnly: false },
): Promise<string> {
  const month = latestCompleteMonth(asOf);
  const week = latestCompleteWeek(asOf);
  if (month !== replay.charted) await buildSatisfactionTrends(connection, series.months, month, MIN_RESPONSES, models, replay.judgedOnly);
  await buildWeeklyWatch(connection, series.weeks, week, models, replay.judgedOnly);
  await setVariables(connection, {
    satisfaction_month: month,
    satisfaction_week: week,
    satisfaction_min_drop_pct: MIN_DROP_PCT.wholeForm,
    satisfaction_min_cell_drop_pct: MIN_DROP_PCT.cell,
  });
  for (const model of SATISFACTION_DROP_MODELS) await models.run(model);
  return month;
}

/** The satisfaction_drop warning candidates that watchSatisfaction left (mart_satisfaction_drop_candidates). */
export async function readSatisfactionDrops(connection: DuckDBConnection): Promise<WarningCandidate[]> {
  const rows = await queryRows<WarningCandidate & DropEvidence>(
    connection,
    "select * exclude (period_start, period_end), strftime(period_start, '%Y-%m-%d') as period_start, strftime(period_end, '%Y-%m-%d') as period_end from mart_satisfaction_drop_candidates",
  );
  return rows.map(({ methods, below_limit, ...row }) => ({ ...row, severity: dropSeverity(methods, below_limit) }));
}

/**
 * The satisfaction stage's statistics, once the satisfaction models have counted:
 * export_satisfaction_index, export_satisfaction_measures, the drop watch for `asOf`
 * (watchSatisfaction), and the trends the pages draw (by section and patient type
 * mart_satisfaction_section_trend, and of the whole form mart_satisfaction_trend, read from it).
 */
export async function buildSatisfactionStatistics(connection: DuckDBConnection, asOf: string, models: StepModels): Promise<void> {
  await buildSatisfactionIndex(connection, models);
  await buildSatisfactionMeasures(connection, MIN_RESPONSES, models);
  await watchSatisfaction(connection, await readSatisfactionSeries(connection), asOf, models);
  await models.run('marts/mart_satisfaction_section_trend');
  await models.run('marts/mart_satisfaction_trend');
}
