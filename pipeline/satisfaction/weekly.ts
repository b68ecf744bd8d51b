import { median } from 'simple-statistics';
import type { DuckDBConnection } from '@duckdb/node-api';
import { clusteredCountsOf, fallUpperPct, type PeriodCounts } from './period-counts.ts';
import { clusteredProportion } from '../statistics/clustered_proportion.ts';
import { addDays } from '../time.ts';
import { xmrLimits } from '../statistics/xmr_limits.ts';
import type { StepModels } from '../plan.ts';
import { appendRows } from '../table-writer.ts';

/**
 * When a series is watched week by week as well as month by month. The volume rule is stated in
 * the unit people read, the index's 95% interval: a week whose interval is ±10 points wide cannot
 * tell a 10-point fall from noise, and a series whose typical week is wider is left to the monthly
 * charts, which pool four weeks (about half the width).
 */
export const weeklyWatchDefaults = Object.freeze({
  /** A series is watched weekly when the median half-width of its earlier weeks' 95% intervals is at most this, in points. */
  maxHalfWidthPct: 10,
  /** ...over at least this many earlier weeks with enough respondents: beyond trial limits (12 points or fewer). */
  minWeeks: 13,
});

export type WeeklyWatchOptions = typeof weeklyWatchDefaults;

/**
 * The Monday of the last ISO week (Monday to Sunday) that has ended by the analysis date: the week
 * of `asOf` when `asOf` is its Sunday, else the week before.
 *
 * @example latestCompleteWeek('2026-06-14') // '2026-06-08' (a Sunday: its own week)
 * @example latestCompleteWeek('2026-06-15') // '2026-06-08'
 */
export function latestCompleteWeek(asOf: string): string {
  const weekday = (new Date(`${asOf}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  if (Number.isNaN(weekday)) throw new RangeError(`latestCompleteWeek requires a date YYYY-MM-DD, not ${asOf}`);
  return weekday === 6 ? addDays(asOf, -6) : addDays(asOf, -weekday - 7);
}

/** A row of mart_satisfaction_weekly_spc (models/marts/mart_satisfaction_weekly_spc.sql). */
export type WeeklySpcRow = {
  hospital: string;
  department: string;
  patient_type: string;
  dimension: string;
  week: string;
  responses: number;
  suppressed: boolean;
  half_width_pct: number | null;
  watched: boolean;
  pct_satisfied: number | null;
  mean_pct: number | null;
  lower_limit_pct: number | null;
  upper_limit_pct: number | null;
  below_lower_limit: boolean | null;
  /** The upper end of the week's own 99.8% interval (fallUpperPct): a fall must lie wholly below the centre line. */
  upper_998_pct: number | null;
};

const seriesOf = (c: PeriodCounts) => JSON.stringify([c.hospital, c.department, c.patient_type, c.dimension]);

/** Half the width of a week's 95% interval of pct_satisfied, in points (clusteredProportion). */
function halfWidthPct(c: PeriodCounts): number {
  const interval = clusteredProportion(clusteredCountsOf(c));
  return (100 * (interval.upper - interval.lower)) / 2;
}

/** A series' weeks (hospital, department or `ALL`, patient type, dimension) in order, each with its interval's half-width, null where suppressed. */
export interface WeeklySeries {
  weeks: PeriodCounts[];
  widths: (number | null)[];
}

/**
 * The weekly counts as series, ordered by their key, each week with its half-width (null below
 * `minResponses` respondents): what does not depend on the week judged, so a backtest prepares it
 * once for all its Mondays (weeklyChartRows).
 */
export function weeklySeriesOf(counts: readonly PeriodCounts[], minResponses: number): WeeklySeries[] {
  const bySeries = new Map<string, PeriodCounts[]>();
  for (const c of counts) {
    const key = seriesOf(c);
    const list = bySeries.get(key) ?? [];
    if (list.length === 0) bySeries.set(key, list);
    list.push(c);
  }
  return [...bySeries.keys()].sort().map((key) => {
    const weeks = bySeries.get(key)!.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    return { weeks, widths: weeks.map((c) => (c.responses >= minResponses ? halfWidthPct(c) : null)) };
  });
}

/**
 * The rows of mart_satisfaction_weekly_spc, as a run whose latest complete week is `lastWeek`
 * sees them: every week up to it of every series (hospital, department or `ALL`, patient type,
 * dimension). A week with fewer than `minResponses` respondents is suppressed, as a month is. A
 * series is `watched` when its weeks before `lastWeek` that are not suppressed number at least
 * `minWeeks` and the median of their intervals' half-widths is at most `maxHalfWidthPct`: the rule
 * reads the series' usual volume, never the week judged, so a fall (which widens its own week's
 * interval) cannot take a series off the watch. A watched series' weeks are charted on an XmR
 * chart (`xmrLimits`: the mean, and limits 2.66 mean moving ranges away, ranges screened as
 * Making Data Count does), and `below_lower_limit` is its 3-sigma rule on the low side, the only
 * rule a week raises on (the monthly charts apply the run rules). A series not watched keeps its
 * rows without chart numbers.
 *
 * @example weeklySpcRows(counts, '2026-06-08', 10).find((r) => r.week === '2026-06-08')?.below_lower_limit // true: below the lower limit
 */
export function weeklySpcRows(
  counts: readonly PeriodCounts[],
  lastWeek: string,
  minResponses: number,
  options: WeeklyWatchOptions = weeklyWatchDefaults,
): WeeklySpcRow[] {
  return weeklyChartRows(weeklySeriesOf(counts, minResponses), lastWeek, options);
}

/**
 * weeklySpcRows of series prepared by weeklySeriesOf: each chart on the weeks up to `lastWeek`,
 * and the rows of the weeks from `fromWeek` (all of them when null).
 */
export function weeklyChartRows(series: readonly WeeklySeries[], lastWeek: string, options: WeeklyWatchOptions = weeklyWatchDefaults, fromWeek: string | null = null): WeeklySpcRow[] {
  return series.flatMap((all) => {
    const end = all.weeks.findIndex((c) => c.period > lastWeek);
    const weeks = end < 0 ? all.weeks : all.weeks.slice(0, end);
    const widths = all.widths.slice(0, weeks.length);
    const history = widths.filter((w, i): w is number => w !== null && weeks[i]!.period < lastWeek);
    const watched = history.length >= options.minWeeks && median(history) <= options.maxHalfWidthPct;
    const chart = watched ? xmrLimits(weeks.filter((_, i) => widths[i] !== null).map(pctOf)) : null;
    const known = chart !== null && !Number.isNaN(chart.meanMovingRange);
    return weeks.flatMap((c, i): WeeklySpcRow[] => {
      if (fromWeek !== null && c.period < fromWeek) return [];
      const head = {
        hospital: c.hospital,
        department: c.department,
        patient_type: c.patient_type,
        dimension: c.dimension,
        week: c.period,
        responses: c.responses,
        suppressed: widths[i] === null,
        half_width_pct: widths[i] ?? null,
        watched,
      };
      if (chart === null || widths[i] === null) return [{ ...head, pct_satisfied: null, mean_pct: null, lower_limit_pct: null, upper_limit_pct: null, below_lower_limit: null, upper_998_pct: null }];
      const pct = pctOf(c);
      return [
        {
          ...head,
          pct_satisfied: pct,
          mean_pct: chart.mean,
          lower_limit_pct: known ? chart.lowerProcessLimit : null,
          upper_limit_pct: known ? chart.upperProcessLimit : null,
          below_lower_limit: known && pct < chart.lowerProcessLimit,
          upper_998_pct: fallUpperPct(c),
        },
      ];
    });
  });
}

const pctOf = (c: PeriodCounts) => (100 * c.satisfied_answers) / c.answers;

/**
 * Builds mart_satisfaction_weekly_spc for a run whose latest complete week is `lastWeek`
 * (weeklyChartRows): every week, or with `judgedOnly` only that week and the one before, the two
 * the drop rule reads (mart_satisfaction_drop), for a backtest that judges a hundred Mondays.
 */
export async function buildWeeklyWatch(connection: DuckDBConnection, series: readonly WeeklySeries[], lastWeek: string, models: StepModels, judgedOnly = false): Promise<void> {
  await models.run('marts/mart_satisfaction_weekly_spc');
  await appendRows(connection, 'mart_satisfaction_weekly_spc', weeklyChartRows(series, lastWeek, weeklyWatchDefaults, judgedOnly ? addDays(lastWeek, -7) : null));
}
