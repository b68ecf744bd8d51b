import * as Plot from '@observablehq/plot';
import type { Language } from '../../pipeline/config.ts';
import { formatMonth } from '../../pipeline/dates.ts';
import { t } from '../../pipeline/i18n.ts';
import type { SafeHtml } from '../html.ts';
import { chartDefaults, formatValue, listText, monthAxis, monthDate, numberAxis, renderFigure } from './figure.ts';
import { rememberedChart } from './remembered-chart.ts';

/** One month of one department (or `ALL`) of mart_complaint_kpis: its month and any rate columns (0..100, null when undefined). */
export type RateRow = { month: string } & Readonly<Record<string, unknown>>;

/** A rate to draw: its column in the rows and its name for people. */
export interface RateColumn {
  column: string;
  label: string;
}

export interface RatesChartOptions {
  language: Language;
  /** Whose rates they are: a department's name or "whole hospital", in the title. */
  scope: string;
  /** The rates to draw, one line each, in this order (e.g. response_rate, resolution_rate, solved_rate). */
  rates: readonly RateColumn[];
}

function rateOf(row: RateRow, column: string): number | null {
  const value = row[column];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Complaint-handling rates by month, one line per rate column, 0–100%. A month where a rate has a
 * zero denominator (null in the mart) is a gap in its line, not a 0. Returns null when no month has
 * a rate.
 *
 * @example ratesChart(kpiRows, { language: 'vi', scope: 'Toàn bệnh viện', rates: [{ column: 'response_rate', label: 'Tỷ lệ phản hồi' }] })
 */
export const ratesChart = rememberedChart('ratesChart', function ratesChart(rows: readonly RateRow[], options: RatesChartOptions): SafeHtml | null {
  const { language, rates } = options;
  const ordered = [...rows].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const points = ordered.flatMap((row) => rates.map((rate) => ({ date: monthDate(row.month), rate: rate.label, value: rateOf(row, rate.column) })));
  const first = ordered[0];
  const last = ordered.at(-1);
  if (first === undefined || last === undefined || points.every((point) => point.value === null)) return null;
  const percent = (value: number | null) => (value === null ? '–' : `${formatValue(language, value)}%`);
  const latest = rates.map((rate) => `${rate.label} ${percent(rateOf(last, rate.column))}`);
  return renderFigure(
    {
      title: t(language, 'chart.rates.title', { scope: options.scope }),
      description: t(language, 'chart.rates.description', { from: formatMonth(language, first.month), to: formatMonth(language, last.month), latest: listText(language, latest) }),
      plot: {
        x: monthAxis(ordered.map((row) => row.month)),
        y: numberAxis(language, t(language, 'chart.rates.axis'), { domain: [0, 100] }),
        color: { legend: true, domain: rates.map((rate) => rate.label), range: chartDefaults.series.slice(0, rates.length) },
        marks: [
          // z named: with one month, three rates are three series of one point each, which Plot would
          // otherwise take for a quantitative stroke and warn about ("implicit z channel")
          Plot.lineY(points, { x: 'date', y: 'value', z: 'rate', stroke: 'rate', strokeWidth: 2 }),
          Plot.dot(points, { x: 'date', y: 'value', fill: 'rate', r: 2.5 }),
        ],
      },
      header: [t(language, 'chart.month'), ...rates.map((rate) => rate.label)],
      rows: ordered.map((row) => [row.month, ...rates.map((rate) => percent(rateOf(row, rate.column)))]),
      numeric: rates.map((_, i) => i + 1),
    },
    language,
  );
});
