import * as Plot from '@observablehq/plot';
import type { Language } from '../../pipeline/config.ts';
import { formatMonth } from '../../pipeline/dates.ts';
import { t } from '../../pipeline/i18n.ts';
import type { SafeHtml } from '../html.ts';
import { chartDefaults, formatValue, monthAxis, monthDate, monthsText, numberAxis, renderFigure } from './figure.ts';
import { rememberedChart } from './remembered-chart.ts';

/** One month of one department (or `ALL`) of mart_satisfaction_trend: the SPC point with the index's interval. */
export interface SatisfactionTrendRow {
  month: string;
  responses: number;
  suppressed: boolean;
  pct_satisfied: number | null;
  ci_low: number | null;
  ci_high: number | null;
  mean_pct: number | null;
  lower_limit_pct: number | null;
  upper_limit_pct: number | null;
  /** The first month of the period whose limits judged this month (a recalculation starts a new one). */
  limits_from?: string | null;
  point_type: string | null;
}

export interface SatisfactionChartOptions {
  language: Language;
  /** Whose index it is: a department's name or "whole hospital", in the title. */
  scope: string;
}

const POINT_COLOURS: Record<string, string> = {
  special_cause_improvement: chartDefaults.improvement,
  special_cause_concern: chartDefaults.concern,
  special_cause_neutral_high: chartDefaults.neutral,
  special_cause_neutral_low: chartDefaults.neutral,
};

/**
 * The satisfaction index by month on its XmR chart (NHS Making Data Count): the index as a line
 * over its 95% interval band, the mean and the process limits as the pipeline computed them month by
 * month (so a recalculation shows as a step), and the special-cause months as dots coloured by their
 * point type. Suppressed months are not drawn; the line runs across them as the chart does. Returns
 * null when fewer than two months can be drawn.
 *
 * @example satisfactionChart(rows, { language: 'en', scope: 'Whole hospital' }) // <figure class="chart">…
 */
export const satisfactionChart = rememberedChart('satisfactionChart', function satisfactionChart(rows: readonly SatisfactionTrendRow[], options: SatisfactionChartOptions): SafeHtml | null {
  const { language } = options;
  const ordered = [...rows].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const drawn = ordered
    .filter((row): row is SatisfactionTrendRow & { pct_satisfied: number } => !row.suppressed && row.pct_satisfied !== null)
    .map((row) => ({ ...row, date: monthDate(row.month) }));
  const first = drawn[0];
  const last = drawn.at(-1);
  if (drawn.length < 2 || first === undefined || last === undefined) return null;
  const percent = (value: number | null) => (value === null ? '–' : `${formatValue(language, value)}%`);
  const monthsOf = (pointType: string) => drawn.filter((row) => row.point_type === pointType).map((row) => row.month);
  const signalWord = (pointType: string | null) =>
    pointType === 'special_cause_improvement' ? t(language, 'leadership.spc.improvement') : pointType === 'special_cause_concern' ? t(language, 'leadership.spc.concern') : '';
  const limitLine = (field: 'lower_limit_pct' | 'upper_limit_pct') =>
    Plot.lineY(drawn, { x: 'date', y: field, z: 'limits_from', stroke: chartDefaults.limit, strokeDasharray: '4 3', strokeWidth: 1 });
  return renderFigure(
    {
      title: t(language, 'chart.satisfaction.title', { scope: options.scope }),
      description: t(language, 'chart.satisfaction.description', {
        from: formatMonth(language, first.month),
        to: formatMonth(language, last.month),
        latest: percent(last.pct_satisfied),
        improvement: monthsText(language, monthsOf('special_cause_improvement')),
        concern: monthsText(language, monthsOf('special_cause_concern')),
      }),
      plot: {
        x: monthAxis(drawn.map((row) => row.month)),
        y: numberAxis(language, t(language, 'chart.indexAxis'), { nice: true }),
        marks: [
          Plot.areaY(drawn.filter((row) => row.ci_low !== null && row.ci_high !== null), { x: 'date', y1: 'ci_low', y2: 'ci_high', fill: chartDefaults.band, fillOpacity: 0.8 }),
          limitLine('lower_limit_pct'),
          limitLine('upper_limit_pct'),
          // one segment per limits period: a recalculation is a break, not a slope
          Plot.lineY(drawn, { x: 'date', y: 'mean_pct', z: 'limits_from', stroke: chartDefaults.muted, strokeWidth: 1 }),
          Plot.lineY(drawn, { x: 'date', y: 'pct_satisfied', stroke: chartDefaults.ink, strokeWidth: 2 }),
          Plot.dot(
            drawn.filter((row) => row.point_type !== null && row.point_type in POINT_COLOURS),
            { x: 'date', y: 'pct_satisfied', r: 4, fill: (row: { point_type: string }) => POINT_COLOURS[row.point_type], title: (row: { month: string; pct_satisfied: number }) => `${formatMonth(language, row.month)}: ${percent(row.pct_satisfied)}` },
          ),
        ],
      },
      header: [
        t(language, 'chart.month'),
        t(language, 'leadership.respondents'),
        t(language, 'leadership.index'),
        t(language, 'chart.interval'),
        t(language, 'chart.mean'),
        t(language, 'chart.lowerLimit'),
        t(language, 'chart.upperLimit'),
        t(language, 'leadership.spc'),
      ],
      rows: ordered.map((row) =>
        row.suppressed || row.pct_satisfied === null
          ? [row.month, '', t(language, 'leadership.tooFew'), '', '', '', '', '']
          : [
              row.month,
              formatValue(language, row.responses, 0),
              percent(row.pct_satisfied),
              row.ci_low === null || row.ci_high === null ? '–' : `${formatValue(language, row.ci_low)}–${formatValue(language, row.ci_high)}`,
              percent(row.mean_pct),
              percent(row.lower_limit_pct),
              percent(row.upper_limit_pct),
              signalWord(row.point_type),
            ],
      ),
      numeric: [1, 2, 3, 4, 5, 6],
    },
    language,
  );
});
