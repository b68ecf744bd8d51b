import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import { clusteredProportion } from '../statistics/clustered_proportion.ts';
import { funnelPlot } from '../statistics/funnel_plot.ts';
import type { XmrChartPoint, XmrInputPoint } from '../statistics/xmr_chart.ts';
import { xmrRecalculatedChart } from '../statistics/xmr_recalculated_chart.ts';
import { writeTable, type TableCell, type TableColumn } from '../table-writer.ts';

/** One hospital's department-month of one patient type and dimension (section) of mart_satisfaction_counts. */
export interface MonthCounts {
  hospital: string;
  department: string;
  patient_type: string;
  dimension: string;
  month: string;
  responses: number;
  answers: number;
  satisfied_answers: number;
  sum_yy: number;
  sum_ym: number;
  sum_mm: number;
}

/**
 * The last calendar month that has ended by the analysis date: the month of `asOf` when `asOf` is
 * its last day, else the month before.
 *
 * @example latestCompleteMonth('2025-06-30') // '2025-06'
 * @example latestCompleteMonth('2025-06-29') // '2025-05'
 */
export function latestCompleteMonth(asOf: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!match) throw new RangeError(`latestCompleteMonth requires a date YYYY-MM-DD, not ${asOf}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const complete = day === lastDay ? new Date(Date.UTC(year, month - 1, 1)) : new Date(Date.UTC(year, month - 2, 1));
  return complete.toISOString().slice(0, 7);
}

/** A series' cell: what one chart or funnel is about, besides the hospital. */
const CELL_COLUMNS: readonly TableColumn[] = [
  { name: 'patient_type', type: 'varchar' },
  { name: 'dimension', type: 'varchar' },
];

/** The rows of the `all` patient type and dimension, without the cell's columns: the tables the pages read. */
function wholeForm(rows: readonly TableCell[][]): TableCell[][] {
  return rows.filter((row) => row[2] === 'all' && row[3] === 'all').map((row) => [row[0]!, row[1]!, ...row.slice(4)]);
}

export const SPC_COLUMNS: readonly TableColumn[] = [
  { name: 'hospital', type: 'varchar' },
  { name: 'department', type: 'varchar' },
  { name: 'month', type: 'varchar' },
  { name: 'responses', type: 'integer' },
  { name: 'suppressed', type: 'boolean' },
  { name: 'pct_satisfied', type: 'double' },
  { name: 'mean_pct', type: 'double' },
  { name: 'lower_limit_pct', type: 'double' },
  { name: 'upper_limit_pct', type: 'double' },
  { name: 'special_cause_type', type: 'varchar' },
  { name: 'point_type', type: 'varchar' },
  { name: 'special_cause', type: 'boolean' },
  { name: 'outside_limits', type: 'boolean' },
  { name: 'rule_shift', type: 'boolean' },
  { name: 'rule_trend', type: 'boolean' },
  { name: 'rule_two_in_three', type: 'boolean' },
  { name: 'trial_limits', type: 'boolean' },
  { name: 'limits_from', type: 'varchar' },
];

/** SPC_COLUMNS with the cell (patient type, dimension) after the department: mart_satisfaction_cell_spc. */
export const CELL_SPC_COLUMNS: readonly TableColumn[] = [...SPC_COLUMNS.slice(0, 2), ...CELL_COLUMNS, ...SPC_COLUMNS.slice(2)];

/**
 * The points of `xmrRecalculatedChart` (higher is better) for many facets, charted facet by facet
 * (xmrChart looks each facet's points up among all of them, which a watch of hundreds of series
 * cannot wait for), each with the first month of the period whose limits judged it: limits held
 * from a 12-month baseline and recalculated only at a sustained shift, as Making Data Count does.
 */
export function chartEachFacet(points: readonly (XmrInputPoint & { facet: string })[]): (XmrChartPoint & { limitsFrom: string })[] {
  const byFacet = new Map<string, XmrInputPoint[]>();
  for (const p of points) {
    const list = byFacet.get(p.facet) ?? [];
    if (list.length === 0) byFacet.set(p.facet, list);
    list.push(p);
  }
  return [...byFacet.values()].flatMap((facet) => {
    const chart = xmrRecalculatedChart(facet, { improvementDirection: 'increase' });
    const periodStart = new Map<number, string>();
    for (const p of chart.points) if (!periodStart.has(p.rebaseGroup)) periodStart.set(p.rebaseGroup, p.x.slice(0, 7));
    return chart.points.map((p) => ({ ...p, limitsFrom: periodStart.get(p.rebaseGroup)! }));
  });
}

/** Orders a hospital's department-months: hospital, department, patient type, dimension, then month, by code units. */
function byHospitalDepartment(a: MonthCounts, b: MonthCounts): number {
  const key = (c: MonthCounts) => [c.hospital, c.department, c.patient_type, c.dimension, c.month];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

/**
 * The rows of mart_satisfaction_cell_spc: per hospital, department (and the hospital's `ALL`),
 * patient type and dimension, the monthly pct_satisfied on an XmR chart with the Making Data Count
 * rules (`chartEachFacet`, higher is better; `limits_from` the first month of the period whose
 * limits judged it). A suppressed month (fewer than `minResponses` respondents) keeps its row, flagged and without
 * numbers, and is left out of the chart: the chart runs over the months that remain, so a moving
 * range spans the gap. Months after `lastMonth` (not yet complete) are not charted.
 */
export function spcRows(counts: readonly MonthCounts[], lastMonth: string, minResponses: number): TableCell[][] {
  const months = counts.filter((c) => c.month <= lastMonth);
  const charted = months.filter((c) => c.responses >= minResponses);
  const chart = chartEachFacet(
    // a facet per hospital, department and cell: the same name in two hospitals is two charts
    charted.map((c) => ({ x: `${c.month}-01`, y: (100 * c.satisfied_answers) / c.answers, facet: facetOf(c) })),
  );
  const byKey = new Map(chart.map((p) => [JSON.stringify([p.facet, p.x.slice(0, 7)]), p]));
  const ordered = [...months].sort(byHospitalDepartment);
  return ordered.map((c) => {
    const point = byKey.get(JSON.stringify([facetOf(c), c.month]));
    if (point === undefined) return [c.hospital, c.department, c.patient_type, c.dimension, c.month, c.responses, true, ...Array<TableCell>(13).fill(null)];
    return [
      c.hospital,
      c.department,
      c.patient_type,
      c.dimension,
      c.month,
      c.responses,
      false,
      point.y,
      point.mean,
      point.lowerProcessLimit,
      point.upperProcessLimit,
      point.specialCauseType,
      point.pointType,
      point.specialCauseFlag,
      point.outsideLimits,
      point.ruleShift,
      point.ruleTrend,
      point.ruleTwoInThree,
      point.shortGroupWarning,
      point.limitsFrom,
    ];
  });
}

/** One chart per hospital, department, patient type and dimension. */
function facetOf(c: Pick<MonthCounts, 'hospital' | 'department' | 'patient_type' | 'dimension'>): string {
  return JSON.stringify([c.hospital, c.department, c.patient_type, c.dimension]);
}

export const FUNNEL_COLUMNS: readonly TableColumn[] = [
  { name: 'hospital', type: 'varchar' },
  { name: 'department', type: 'varchar' },
  { name: 'month', type: 'varchar' },
  { name: 'responses', type: 'integer' },
  { name: 'suppressed', type: 'boolean' },
  { name: 'effective_n', type: 'double' },
  { name: 'pct_satisfied', type: 'double' },
  { name: 'target_pct', type: 'double' },
  { name: 'z_score', type: 'double' },
  { name: 'lower_95_pct', type: 'double' },
  { name: 'upper_95_pct', type: 'double' },
  { name: 'lower_998_pct', type: 'double' },
  { name: 'upper_998_pct', type: 'double' },
  { name: 'below_lower_95', type: 'boolean' },
  { name: 'above_upper_95', type: 'boolean' },
  { name: 'below_lower_998', type: 'boolean' },
  { name: 'above_upper_998', type: 'boolean' },
  { name: 'phi', type: 'double' },
  { name: 'tau2', type: 'double' },
  { name: 'overdispersion_adjusted', type: 'boolean' },
  { name: 'z_judged', type: 'double' },
];

/** FUNNEL_COLUMNS with the cell after the department: mart_satisfaction_cell_funnel. */
export const CELL_FUNNEL_COLUMNS: readonly TableColumn[] = [...FUNNEL_COLUMNS.slice(0, 2), ...CELL_COLUMNS, ...FUNNEL_COLUMNS.slice(2)];

/** A funnel's rows for units of one month: each unit's row, suppressed (no numbers) below `minResponses`. */
function funnelOf(inMonth: readonly MonthCounts[], unitOf: (c: MonthCounts) => string, minResponses: number): TableCell[][] {
  const units = inMonth
    .filter((c) => c.responses >= minResponses)
    .map((c) => {
      const interval = clusteredProportion({
        n: c.responses,
        sumY: c.satisfied_answers,
        sumM: c.answers,
        sumYY: c.sum_yy,
        sumYM: c.sum_ym,
        sumMM: c.sum_mm,
      });
      return { group: unitOf(c), numerator: interval.estimate * interval.effectiveN, denominator: interval.effectiveN };
    });
  const plot = units.length > 0 ? funnelPlot(units, { dataType: 'PR', multiplier: 100 }) : null;
  const byUnit = new Map(plot?.points.map((p) => [p.group, p]) ?? []);
  return inMonth.map((c) => {
    const point = byUnit.get(unitOf(c));
    if (point === undefined || plot === null) return [c.hospital, c.department, c.patient_type, c.dimension, c.month, c.responses, true, ...Array<TableCell>(16).fill(null)];
    const limits = plot.adjustedUsed ? point.adjustedLimits : point.unadjustedLimits;
    return [
      c.hospital,
      c.department,
      c.patient_type,
      c.dimension,
      c.month,
      c.responses,
      false,
      point.denominator,
      point.value,
      100 * plot.target,
      point.zScore,
      limits.lower95,
      limits.upper95,
      limits.lower998,
      limits.upper998,
      point.value < limits.lower95,
      point.value > limits.upper95,
      point.value < limits.lower998,
      point.value > limits.upper998,
      plot.phi,
      plot.tau2,
      plot.adjustedUsed,
      point.judgedZScore,
    ];
  });
}

/**
 * The rows of mart_satisfaction_cell_funnel: in one month, each hospital's departments'
 * pct_satisfied, one funnel per patient type and dimension, on a funnel plot for proportions (`funnelPlot`, PR, Spiegelhalter 2005) with
 * the overdispersion correction of Spiegelhalter et al. 2012 (winsorised z-scores, additive τ²).
 * A funnel compares the departments of one hospital: its target is that hospital's, never a
 * group's. Because answers cluster in respondents, a department's precision is its effective
 * sample size n_eff = p(1 − p)/v from the same ratio-estimator variance as the index's interval
 * (`clusteredProportion`), not its number of answers: the unit is n_eff "trials" of which
 * p · n_eff were satisfied. z_judged is the z its position was judged by (z_score before the
 * overdispersion correction). Suppressed departments keep a row without numbers; `ALL` is the
 * centre, not a unit.
 */
export function funnelRows(counts: readonly MonthCounts[], month: string, minResponses: number): TableCell[][] {
  const inMonth = counts.filter((c) => c.month === month && c.department !== 'ALL').sort(byHospitalDepartment);
  const funnels = new Map<string, MonthCounts[]>();
  for (const c of inMonth) {
    const key = JSON.stringify([c.hospital, c.patient_type, c.dimension]);
    funnels.set(key, [...(funnels.get(key) ?? []), c]);
  }
  return [...funnels.values()].flatMap((units) => funnelOf(units, (c) => c.department, minResponses)).sort(byCellRow);
}

/**
 * The rows of mart_satisfaction_hospital_funnel, the group view: in one month, each hospital's
 * whole-hospital (`ALL`) pct_satisfied on one funnel across the hospitals (as funnelRows, with
 * hospitals as the units), as a province or a group ranks its hospitals. Empty unless the month
 * has two hospitals or more: one hospital has nothing to be compared with.
 */
export function hospitalFunnelRows(counts: readonly MonthCounts[], month: string, minResponses: number): TableCell[][] {
  const inMonth = counts.filter((c) => c.month === month && c.department === 'ALL' && c.patient_type === 'all' && c.dimension === 'all').sort(byHospitalDepartment);
  if (inMonth.length < 2) return [];
  return wholeForm(funnelOf(inMonth, (c) => c.hospital, minResponses));
}

/** Orders rows of the cell tables as byHospitalDepartment orders their counts (hospital, department, patient type, dimension, month). */
function byCellRow(a: readonly TableCell[], b: readonly TableCell[]): number {
  for (let i = 0; i < 5; i++) if (a[i] !== b[i]) return String(a[i]) < String(b[i]) ? -1 : 1;
  return 0;
}

/** mart_satisfaction_counts as the trends read it: every department, patient type and dimension. */
export async function readMonthCounts(connection: DuckDBConnection): Promise<MonthCounts[]> {
  return queryRows<MonthCounts>(
    connection,
    'select hospital, department, patient_type, dimension, month, responses, answers, satisfied_answers, sum_yy, sum_ym, sum_mm from mart_satisfaction_counts',
  );
}

/**
 * Builds, up to and for `lastMonth` (the latest complete month), the charts of every patient type
 * and dimension (mart_satisfaction_cell_spc, mart_satisfaction_cell_funnel: what the drop watch
 * reads), those of the whole form and every patient (mart_satisfaction_spc,
 * mart_satisfaction_funnel: what the pages draw) and mart_satisfaction_hospital_funnel.
 */
export async function buildSatisfactionTrends(connection: DuckDBConnection, counts: readonly MonthCounts[], lastMonth: string, minResponses: number): Promise<void> {
  const spc = spcRows(counts, lastMonth, minResponses);
  const funnel = funnelRows(counts, lastMonth, minResponses);
  await writeTable(connection, 'mart_satisfaction_cell_spc', CELL_SPC_COLUMNS, spc);
  await writeTable(connection, 'mart_satisfaction_cell_funnel', CELL_FUNNEL_COLUMNS, funnel);
  await writeTable(connection, 'mart_satisfaction_spc', SPC_COLUMNS, wholeForm(spc));
  await writeTable(connection, 'mart_satisfaction_funnel', FUNNEL_COLUMNS, wholeForm(funnel));
  await writeTable(connection, 'mart_satisfaction_hospital_funnel', FUNNEL_COLUMNS, hospitalFunnelRows(counts, lastMonth, minResponses));
}
