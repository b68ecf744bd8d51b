import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import { clusteredProportion } from '../statistics/clustered_proportion.ts';
import { funnelPlot } from '../statistics/funnel_plot.ts';
import { xmrRecalculatedChart } from '../statistics/xmr_recalculated_chart.ts';
import { writeTable, type TableCell, type TableColumn } from '../table-writer.ts';

/** One hospital's department-month of the `all` dimension and patient type of mart_satisfaction_counts. */
export interface MonthCounts {
  hospital: string;
  department: string;
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

/** Orders a hospital's department-months: hospital, then department, then month, by code units. */
function byHospitalDepartment(a: MonthCounts, b: MonthCounts): number {
  const key = (c: MonthCounts) => [c.hospital, c.department, c.month];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

/**
 * Each charted month's SPC cells (pct_satisfied .. limits_from, as SPC_COLUMNS after `suppressed`),
 * one XmR chart per series (`seriesOf`), or undefined for a month left out of the charts: the
 * monthly pct_satisfied on an XmR chart with the Making Data Count rules (higher is better), its
 * limits held from a 12-month baseline and recalculated only at a sustained shift
 * (`xmrRecalculatedChart`); limits_from is the first month of the period whose limits judged it.
 * A month with fewer than `minResponses` respondents is left out, and the chart runs over the
 * months that remain, so a moving range spans the gap. Months after `lastMonth` are not charted.
 */
function spcCells<T extends MonthCounts>(counts: readonly T[], lastMonth: string, minResponses: number, seriesOf: (c: T) => string): (c: T) => TableCell[] | undefined {
  const charted = counts.filter((c) => c.month <= lastMonth && c.responses >= minResponses);
  const chart = xmrRecalculatedChart(
    charted.map((c) => ({ x: `${c.month}-01`, y: (100 * c.satisfied_answers) / c.answers, facet: seriesOf(c) })),
    { improvementDirection: 'increase' },
  );
  const byKey = new Map(chart.points.map((p) => [JSON.stringify([p.facet, p.x.slice(0, 7)]), p]));
  const periodStart = new Map<string, string>();
  for (const p of chart.points) if (!periodStart.has(JSON.stringify([p.facet, p.rebaseGroup]))) periodStart.set(JSON.stringify([p.facet, p.rebaseGroup]), p.x.slice(0, 7));
  return (c) => {
    const point = byKey.get(JSON.stringify([seriesOf(c), c.month]));
    if (point === undefined) return undefined;
    return [
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
      periodStart.get(JSON.stringify([point.facet, point.rebaseGroup])) ?? null,
    ];
  };
}

/** How many SPC cells follow `suppressed` in a row (SPC_COLUMNS after it). */
const SPC_CELLS = 13;

/**
 * The rows of mart_satisfaction_spc: per hospital and department (and the hospital's `ALL`), the
 * monthly pct_satisfied of the `all` dimension on its XmR chart (`spcCells`). A suppressed month
 * keeps its row, flagged and without numbers.
 */
export function spcRows(counts: readonly MonthCounts[], lastMonth: string, minResponses: number): TableCell[][] {
  const months = counts.filter((c) => c.month <= lastMonth);
  // a chart per hospital and department: the same name in two hospitals is two charts
  const cells = spcCells(months, lastMonth, minResponses, (c) => JSON.stringify([c.hospital, c.department]));
  return [...months].sort(byHospitalDepartment).map((c) => {
    const spc = cells(c);
    return [c.hospital, c.department, c.month, c.responses, spc === undefined, ...(spc ?? Array<TableCell>(SPC_CELLS).fill(null))];
  });
}

/** One hospital's department-month of one patient type and dimension of mart_satisfaction_counts. */
export interface SectionMonthCounts extends MonthCounts {
  patient_type: string;
  dimension: string;
}

export const SECTION_SPC_COLUMNS: readonly TableColumn[] = [
  ...SPC_COLUMNS.slice(0, 2),
  { name: 'patient_type', type: 'varchar' },
  { name: 'dimension', type: 'varchar' },
  ...SPC_COLUMNS.slice(2),
];

/**
 * The rows of mart_satisfaction_section_spc: as spcRows, one XmR chart per hospital, department
 * (and `ALL`), patient type and dimension (sections `A`..`E` and `all`), so a section that falls
 * while the whole index holds still shows on its own chart.
 */
export function sectionSpcRows(counts: readonly SectionMonthCounts[], lastMonth: string, minResponses: number): TableCell[][] {
  const months = counts.filter((c) => c.month <= lastMonth);
  const seriesOf = (c: SectionMonthCounts) => JSON.stringify([c.hospital, c.department, c.patient_type, c.dimension]);
  const cells = spcCells(months, lastMonth, minResponses, seriesOf);
  const key = (c: SectionMonthCounts) => JSON.stringify([seriesOf(c), c.month]);
  return [...months]
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map((c) => {
      const spc = cells(c);
      return [c.hospital, c.department, c.patient_type, c.dimension, c.month, c.responses, spc === undefined, ...(spc ?? Array<TableCell>(SPC_CELLS).fill(null))];
    });
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
    if (point === undefined || plot === null) return [c.hospital, c.department, c.month, c.responses, true, ...Array<TableCell>(16).fill(null)];
    const limits = plot.adjustedUsed ? point.adjustedLimits : point.unadjustedLimits;
    return [
      c.hospital,
      c.department,
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
 * The rows of mart_satisfaction_funnel: in one month, each hospital's departments' pct_satisfied
 * (dimension `all`) on a funnel plot for proportions (`funnelPlot`, PR, Spiegelhalter 2005) with
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
  return [...new Set(inMonth.map((c) => c.hospital))].flatMap((hospital) =>
    funnelOf(
      inMonth.filter((c) => c.hospital === hospital),
      (c) => c.department,
      minResponses,
    ),
  );
}

/**
 * The rows of mart_satisfaction_hospital_funnel, the group view: in one month, each hospital's
 * whole-hospital (`ALL`) pct_satisfied on one funnel across the hospitals (as funnelRows, with
 * hospitals as the units), as a province or a group ranks its hospitals. Empty unless the month
 * has two hospitals or more: one hospital has nothing to be compared with.
 */
export function hospitalFunnelRows(counts: readonly MonthCounts[], month: string, minResponses: number): TableCell[][] {
  const inMonth = counts.filter((c) => c.month === month && c.department === 'ALL').sort(byHospitalDepartment);
  if (inMonth.length < 2) return [];
  return funnelOf(inMonth, (c) => c.hospital, minResponses);
}

/**
 * Builds mart_satisfaction_spc, mart_satisfaction_section_spc (every patient type and dimension),
 * mart_satisfaction_funnel and mart_satisfaction_hospital_funnel from
 * mart_satisfaction_counts (every patient type together), up to and for `lastMonth`, the latest
 * complete month.
 */
export async function buildSatisfactionTrends(connection: DuckDBConnection, lastMonth: string, minResponses: number): Promise<void> {
  const counts = await queryRows<MonthCounts>(
    connection,
    `select hospital, department, month, responses, answers, satisfied_answers, sum_yy, sum_ym, sum_mm
     from mart_satisfaction_counts where dimension = 'all' and patient_type = 'all'`,
  );
  await writeTable(connection, 'mart_satisfaction_spc', SPC_COLUMNS, spcRows(counts, lastMonth, minResponses));
  const sections = await queryRows<SectionMonthCounts>(
    connection,
    'select hospital, department, patient_type, dimension, month, responses, answers, satisfied_answers, sum_yy, sum_ym, sum_mm from mart_satisfaction_counts',
  );
  await writeTable(connection, 'mart_satisfaction_section_spc', SECTION_SPC_COLUMNS, sectionSpcRows(sections, lastMonth, minResponses));
  await writeTable(connection, 'mart_satisfaction_funnel', FUNNEL_COLUMNS, funnelRows(counts, lastMonth, minResponses));
  await writeTable(connection, 'mart_satisfaction_hospital_funnel', FUNNEL_COLUMNS, hospitalFunnelRows(counts, lastMonth, minResponses));
}
