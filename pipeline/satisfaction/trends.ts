import type { DuckDBConnection } from '@duckdb/node-api';
import { clusteredCountsOf, fallUpperPct, type PeriodCounts } from './period-counts.ts';
import { clusteredProportion } from '../statistics/clustered_proportion.ts';
import { funnelPlot } from '../statistics/funnel_plot.ts';
import type { XmrChartPoint, XmrInputPoint } from '../statistics/xmr_chart.ts';
import { xmrRecalculatedChart } from '../statistics/xmr_recalculated_chart.ts';
import type { StepModels } from '../plan.ts';
import { appendRows } from '../table-writer.ts';

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

/** The rows of the `all` patient type and dimension, without the cell's columns. */
function wholeForm<R extends { patient_type: string; dimension: string }>(rows: readonly R[]): Omit<R, 'patient_type' | 'dimension'>[] {
  return rows.filter((row) => row.patient_type === 'all' && row.dimension === 'all').map(({ patient_type: _patient, dimension: _dimension, ...row }) => row);
}

/** What a row of the cell charts is about: a hospital's department (or `ALL`), patient type, dimension and month, and whether it is suppressed. */
type CellHead = {
  hospital: string;
  department: string;
  patient_type: string;
  dimension: string;
  month: string;
  responses: number;
  suppressed: boolean;
};

/** A row of mart_satisfaction_cell_spc (models/marts/mart_satisfaction_cell_spc.sql). */
export type CellSpcRow = CellHead & {
  pct_satisfied: number | null;
  mean_pct: number | null;
  lower_limit_pct: number | null;
  upper_limit_pct: number | null;
  special_cause_type: string | null;
  point_type: string | null;
  special_cause: boolean | null;
  outside_limits: boolean | null;
  rule_shift: boolean | null;
  rule_trend: boolean | null;
  rule_two_in_three: boolean | null;
  trial_limits: boolean | null;
  limits_from: string | null;
  /** The upper end of the month's own 99.8% interval (fallUpperPct): a fall must lie wholly below the centre line. */
  upper_998_pct: number | null;
};

/** A suppressed month's chart columns: none. */
const NO_CHART = Object.freeze({
  pct_satisfied: null,
  mean_pct: null,
  lower_limit_pct: null,
  upper_limit_pct: null,
  special_cause_type: null,
  point_type: null,
  special_cause: null,
  outside_limits: null,
  rule_shift: null,
  rule_trend: null,
  rule_two_in_three: null,
  trial_limits: null,
  limits_from: null,
  upper_998_pct: null,
});

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

/** Orders by the keys `key` gives, in turn, by code units. */
function byKeys<T>(key: (item: T) => readonly string[]): (a: T, b: T) => number {
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  };
}

/** Orders a hospital's department-months: hospital, department, patient type, dimension, then month. */
const byHospitalDepartment = byKeys((c: PeriodCounts) => [c.hospital, c.department, c.patient_type, c.dimension, c.period]);

/** Orders rows of the cell tables as byHospitalDepartment orders their counts. */
const byCellRow = byKeys((r: CellFunnelRow) => [r.hospital, r.department, r.patient_type, r.dimension, r.month]);

/**
 * The rows of mart_satisfaction_cell_spc: per hospital, department (and the hospital's `ALL`),
 * patient type and dimension, the monthly pct_satisfied on an XmR chart with the Making Data Count
 * rules (`chartEachFacet`, higher is better; `limits_from` the first month of the period whose
 * limits judged it). A suppressed month (fewer than `minResponses` respondents) keeps its row, flagged and without
 * numbers, and is left out of the chart: the chart runs over the months that remain, so a moving
 * range spans the gap. Months after `lastMonth` (not yet complete) are not charted. With
 * `fromMonth`, only the rows of the months from it are returned (each charted on all its months).
 */
export function spcRows(counts: readonly PeriodCounts[], lastMonth: string, minResponses: number, fromMonth: string | null = null): CellSpcRow[] {
  const months = counts.filter((c) => c.period <= lastMonth);
  const charted = months.filter((c) => c.responses >= minResponses);
  const chart = chartEachFacet(
    // a facet per hospital, department and cell: the same name in two hospitals is two charts
    charted.map((c) => ({ x: `${c.period}-01`, y: (100 * c.satisfied_answers) / c.answers, facet: facetOf(c) })),
  );
  const kept = (month: string) => fromMonth === null || month >= fromMonth;
  const byKey = new Map(chart.filter((p) => kept(p.x.slice(0, 7))).map((p) => [JSON.stringify([p.facet, p.x.slice(0, 7)]), p]));
  const ordered = months.filter((c) => kept(c.period)).sort(byHospitalDepartment);
  return ordered.map((c) => {
    const point = byKey.get(JSON.stringify([facetOf(c), c.period]));
    const head = { hospital: c.hospital, department: c.department, patient_type: c.patient_type, dimension: c.dimension, month: c.period, responses: c.responses };
    if (point === undefined) return { ...head, suppressed: true, ...NO_CHART };
    return {
      ...head,
      suppressed: false,
      pct_satisfied: point.y,
      mean_pct: point.mean,
      lower_limit_pct: point.lowerProcessLimit,
      upper_limit_pct: point.upperProcessLimit,
      special_cause_type: point.specialCauseType,
      point_type: point.pointType,
      special_cause: point.specialCauseFlag,
      outside_limits: point.outsideLimits,
      rule_shift: point.ruleShift,
      rule_trend: point.ruleTrend,
      rule_two_in_three: point.ruleTwoInThree,
      trial_limits: point.shortGroupWarning,
      limits_from: point.limitsFrom,
      upper_998_pct: fallUpperPct(c),
    };
  });
}

/** One chart per hospital, department, patient type and dimension. */
function facetOf(c: Pick<PeriodCounts, 'hospital' | 'department' | 'patient_type' | 'dimension'>): string {
  return JSON.stringify([c.hospital, c.department, c.patient_type, c.dimension]);
}

/** A row of mart_satisfaction_cell_funnel (models/marts/mart_satisfaction_cell_funnel.sql). */
export type CellFunnelRow = CellHead & {
  effective_n: number | null;
  pct_satisfied: number | null;
  target_pct: number | null;
  z_score: number | null;
  lower_95_pct: number | null;
  upper_95_pct: number | null;
  lower_998_pct: number | null;
  upper_998_pct: number | null;
  below_lower_95: boolean | null;
  above_upper_95: boolean | null;
  below_lower_998: boolean | null;
  above_upper_998: boolean | null;
  phi: number | null;
  tau2: number | null;
  overdispersion_adjusted: boolean | null;
  /** The z-score the position was judged by (against the limits the mart used). */
  z_judged: number | null;
};

/** A suppressed unit's funnel columns: none. */
const NO_FUNNEL = Object.freeze({
  effective_n: null,
  pct_satisfied: null,
  target_pct: null,
  z_score: null,
  lower_95_pct: null,
  upper_95_pct: null,
  lower_998_pct: null,
  upper_998_pct: null,
  below_lower_95: null,
  above_upper_95: null,
  below_lower_998: null,
  above_upper_998: null,
  phi: null,
  tau2: null,
  overdispersion_adjusted: null,
  z_judged: null,
});

/** A funnel's rows for units of one month: each unit's row, suppressed (no numbers) below `minResponses`. */
function funnelOf(inMonth: readonly PeriodCounts[], unitOf: (c: PeriodCounts) => string, minResponses: number): CellFunnelRow[] {
  const units = inMonth
    .filter((c) => c.responses >= minResponses)
    .map((c) => {
      const interval = clusteredProportion(clusteredCountsOf(c));
      return { group: unitOf(c), numerator: interval.estimate * interval.effectiveN, denominator: interval.effectiveN };
    });
  const plot = units.length > 0 ? funnelPlot(units, { dataType: 'PR', multiplier: 100 }) : null;
  const byUnit = new Map(plot?.points.map((p) => [p.group, p]) ?? []);
  return inMonth.map((c) => {
    const point = byUnit.get(unitOf(c));
    const head = { hospital: c.hospital, department: c.department, patient_type: c.patient_type, dimension: c.dimension, month: c.period, responses: c.responses };
    if (point === undefined || plot === null) return { ...head, suppressed: true, ...NO_FUNNEL };
    const limits = plot.adjustedUsed ? point.adjustedLimits : point.unadjustedLimits;
    return {
      ...head,
      suppressed: false,
      effective_n: point.denominator,
      pct_satisfied: point.value,
      target_pct: 100 * plot.target,
      z_score: point.zScore,
      lower_95_pct: limits.lower95,
      upper_95_pct: limits.upper95,
      lower_998_pct: limits.lower998,
      upper_998_pct: limits.upper998,
      below_lower_95: point.value < limits.lower95,
      above_upper_95: point.value > limits.upper95,
      below_lower_998: point.value < limits.lower998,
      above_upper_998: point.value > limits.upper998,
      phi: plot.phi,
      tau2: plot.tau2,
      overdispersion_adjusted: plot.adjustedUsed,
      z_judged: point.judgedZScore,
    };
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
export function funnelRows(counts: readonly PeriodCounts[], month: string, minResponses: number): CellFunnelRow[] {
  const inMonth = counts.filter((c) => c.period === month && c.department !== 'ALL').sort(byHospitalDepartment);
  const funnels = new Map<string, PeriodCounts[]>();
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
export function hospitalFunnelRows(counts: readonly PeriodCounts[], month: string, minResponses: number): Omit<CellFunnelRow, 'patient_type' | 'dimension'>[] {
  const inMonth = counts.filter((c) => c.period === month && c.department === 'ALL' && c.patient_type === 'all' && c.dimension === 'all').sort(byHospitalDepartment);
  if (inMonth.length < 2) return [];
  return wholeForm(funnelOf(inMonth, (c) => c.hospital, minResponses));
}

/**
 * Builds, up to and for `lastMonth` (the latest complete month), the charts of every patient type
 * and dimension (mart_satisfaction_cell_spc, mart_satisfaction_cell_funnel: what the drop watch
 * reads), those of the whole form and every patient (mart_satisfaction_spc,
 * mart_satisfaction_funnel: what the pages draw) and mart_satisfaction_hospital_funnel. With
 * `judgedOnly`, the monthly charts' table holds only `lastMonth`, the month the drop rule reads
 * (mart_satisfaction_drop), for a backtest that charts two dozen months.
 */
export async function buildSatisfactionTrends(
  connection: DuckDBConnection,
  counts: readonly PeriodCounts[],
  lastMonth: string,
  minResponses: number,
  models: StepModels,
  judgedOnly = false,
): Promise<void> {
  const spc = spcRows(counts, lastMonth, minResponses, judgedOnly ? lastMonth : null);
  const funnel = funnelRows(counts, lastMonth, minResponses);
  const tables = {
    mart_satisfaction_cell_spc: spc,
    mart_satisfaction_cell_funnel: funnel,
    mart_satisfaction_hospital_funnel: hospitalFunnelRows(counts, lastMonth, minResponses),
  };
  for (const [table, rows] of Object.entries(tables)) {
    await models.run(`marts/${table}`);
    await appendRows(connection, table, rows);
  }
  // the whole form of every patient, what the pages draw: read from the cell tables
  await models.run('marts/mart_satisfaction_spc');
  await models.run('marts/mart_satisfaction_funnel');
}
