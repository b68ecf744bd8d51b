import type { Language } from '../languages.ts';
import { EXIT_USAGE, PipelineError } from '../errors.ts';
import { t, type MessageKey } from '../i18n.ts';

/**
 * The count series of `hearken detect` (contract section 2): rows of `series, period, count`,
 * period an integer index, an ISO date (the week's Monday, or a day) or an ISO week `YYYY-Www`.
 * A series' rows are taken in period order as consecutive periods; a period missing inside it
 * counts 0 and gets a label of its own kind.
 */
export interface CountSeries {
  name: string;
  periods: string[];
  /** NaN where the count was given as missing (blank or NA). */
  counts: number[];
}

export interface SeriesRow {
  series: string;
  period: string;
  count: string | null;
}

type PeriodKind = 'index' | 'date' | 'week';

const DAY_MS = 86_400_000;

function periodKind(period: string): PeriodKind | null {
  if (/^-?\d+$/.test(period)) return 'index';
  if (/^\d{4}-\d{2}-\d{2}$/.test(period) && !Number.isNaN(Date.parse(`${period}T00:00:00Z`))) return 'date';
  if (/^\d{4}-W\d{2}$/.test(period)) return 'week';
  return null;
}

/** Monday of ISO week `YYYY-Www`, as days since 1970-01-01. */
function isoWeekMonday(period: string): number {
  const year = Number(period.slice(0, 4));
  const week = Number(period.slice(6));
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const jan4Weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - jan4Weekday + (week - 1) * 7;
}

function isoWeekLabel(monday: number): string {
  const thursday = new Date((monday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((monday - isoWeekMonday(`${year}-W01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Position of a period on its kind's axis, and the label a filled gap at a position gets. */
const axes: Record<PeriodKind, { position: (p: string) => number; label: (n: number) => string }> = {
  index: { position: Number, label: String },
  date: { position: (p) => Date.parse(`${p}T00:00:00Z`) / DAY_MS, label: (n) => new Date(n * DAY_MS).toISOString().slice(0, 10) },
  week: { position: isoWeekMonday, label: isoWeekLabel },
};

/** A series the user must fix, told in `language`. */
const unusable = (language: Language, key: MessageKey, values: Record<string, string>) => new PipelineError('detect', t(language, key, values), EXIT_USAGE);

function parseCount(row: SeriesRow, language: Language): number {
  const text = (row.count ?? '').trim();
  if (text === '' || text.toUpperCase() === 'NA') return Number.NaN;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 0) throw unusable(language, 'series.badCount', { series: row.series, period: row.period, count: text });
  return count;
}

/** Groups rows into series (in order of first appearance), sorted by period, with gaps filled by 0; a series it cannot use is told in `language`. */
export function buildSeries(rows: readonly SeriesRow[], language: Language): CountSeries[] {
  const grouped = new Map<string, SeriesRow[]>();
  for (const row of rows) {
    const list = grouped.get(row.series);
    if (list) list.push(row);
    else grouped.set(row.series, [row]);
  }
  return [...grouped].map(([name, list]) => {
    const kinds = new Set(list.map((row) => periodKind(row.period.trim())));
    const [kind] = kinds;
    if (kinds.size !== 1 || !kind) {
      const bad = list.find((row) => periodKind(row.period.trim()) === null)?.period;
      throw bad !== undefined ? unusable(language, 'series.badPeriod', { series: name, period: bad }) : unusable(language, 'series.mixedPeriods', { series: name });
    }
    const axis = axes[kind];
    const points = list
      .map((row) => ({ at: axis.position(row.period.trim()), period: row.period.trim(), count: parseCount(row, language) }))
      .sort((a, b) => a.at - b.at);
    const gaps = points.slice(1).map((point, i) => point.at - points[i]!.at);
    if (gaps.some((gap) => gap === 0)) throw unusable(language, 'series.periodTwice', { series: name });
    // dates a week apart are weekly data; any other spacing steps by its smallest gap
    const step = kind === 'index' ? 1 : kind === 'week' ? 7 : Math.min(...gaps.filter((gap) => gap > 0), 7);
    const periods: string[] = [];
    const counts: number[] = [];
    points.forEach((point, i) => {
      const previous = points[i - 1];
      if (previous) {
        for (let at = previous.at + step; at < point.at; at += step) {
          periods.push(axis.label(at));
          counts.push(0);
        }
      }
      periods.push(point.period);
      counts.push(point.count);
    });
    return { name, periods, counts };
  });
}
