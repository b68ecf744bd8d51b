import * as Plot from '@observablehq/plot';
import type { Language } from '../../pipeline/config.ts';
import { formatDate } from '../../pipeline/dates.ts';
import type { WarningWeek } from '../../pipeline/warnings/warnings.ts';
import { t } from '../../pipeline/i18n.ts';
import type { SafeHtml } from '../html.ts';
import { chartDefaults, formatValue, numberAxis, renderFigure } from './figure.ts';
import { rememberedChart } from './remembered-chart.ts';

export interface WarningChartOptions {
  language: Language;
  /** What the cell counts, for the title (e.g. "Khoa Nhi · process"). */
  cell: string;
  /** The window the warning is about (its period_start). */
  week: string;
}

/**
 * A warning's weekly series: the complaints of each 7-day window as bars (the warning's own window
 * in the concern colour), the count the detector expected and the bound above which it alarms,
 * as the pipeline computed them week by week. Returns null for an empty series.
 *
 * @example warningChart(warning.weekly, { language: 'en', cell: 'Khoa Nhi · process', week: warning.period_start })
 */
export const warningChart = rememberedChart('warningChart', function warningChart(weeks: readonly WarningWeek[], options: WarningChartOptions): SafeHtml | null {
  const { language } = options;
  const ordered = [...weeks].sort((a, b) => (a.week_start < b.week_start ? -1 : a.week_start > b.week_start ? 1 : 0));
  const first = ordered[0];
  const last = ordered.at(-1);
  if (first === undefined || last === undefined) return null;
  const own = ordered.find((week) => week.week_start === options.week) ?? last;
  // a window may start on any weekday (the seven days to a run's as-of date): drawn from its own start
  const day = 86_400_000;
  const dated = ordered.map((week) => {
    const start = Date.parse(`${week.week_start}T00:00:00Z`);
    return { ...week, start: new Date(start), end: new Date(start + 7 * day), middle: new Date(start + 3.5 * day) };
  });
  const number = (value: number | null) => formatValue(language, value);
  return renderFigure(
    {
      title: t(language, 'chart.warning.title', { cell: options.cell }),
      description: t(language, 'chart.warning.description', {
        from: formatDate(language, first.week_start),
        to: formatDate(language, last.week_start),
        week: formatDate(language, own.week_start),
        observed: number(own.observed),
        expected: number(own.expected),
      }),
      plot: {
        height: 200,
        // labels on the windows' own first days, at most eight of them
        x: { type: 'utc', tickFormat: '%m-%d', ticks: dated.filter((_, i) => i % Math.ceil(dated.length / 8) === 0).map((week) => week.start), label: null },
        y: numberAxis(language, t(language, 'chart.complaints')),
        marks: [
          Plot.rectY(dated, {
            x1: 'start',
            x2: 'end',
            y: 'observed',
            fill: (week: WarningWeek) => (week.week_start === own.week_start ? chartDefaults.concern : chartDefaults.limit),
            insetLeft: 1,
            insetRight: 1,
          }),
          Plot.ruleY([0]),
          Plot.lineY(dated, { x: 'middle', y: 'expected', stroke: chartDefaults.ink, strokeWidth: 1.5 }),
          Plot.lineY(dated, { x: 'middle', y: 'upperbound', stroke: chartDefaults.concern, strokeDasharray: '4 3', strokeWidth: 1.5 }),
        ],
      },
      header: [t(language, 'chart.week'), t(language, 'chart.complaints'), t(language, 'chart.expected'), t(language, 'chart.bound')],
      rows: ordered.map((week) => [week.week_start, formatValue(language, week.observed, 0), number(week.expected), number(week.upperbound)]),
      numeric: [1, 2, 3],
    },
    language,
  );
});
