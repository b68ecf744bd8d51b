import * as Plot from '@observablehq/plot';
import type { Language } from '../../pipeline/config.ts';
import { formatMonth } from '../../pipeline/dates.ts';
import { t } from '../../pipeline/i18n.ts';
import type { SafeHtml } from '../html.ts';
import { chartDefaults, formatValue, monthTicks, numberAxis, renderFigure } from './figure.ts';
import { rememberedChart } from './remembered-chart.ts';

/** One month of mart_praise (a department or the hospital's `ALL`). */
export interface PraiseMonthRow {
  month: string;
  praise: number;
}

export interface PraiseChartOptions {
  language: Language;
  /** Whose praise it is: a department's name or "whole hospital", in the title. */
  scope: string;
}

/**
 * Praise received by month as bars (a month without praise has no row and no bar). Returns null
 * when there is none.
 *
 * @example praiseChart([{ month: '2025-06', praise: 12 }], { language: 'vi', scope: 'Khoa Nhi' })
 */
export const praiseChart = rememberedChart('praiseChart', function praiseChart(rows: readonly PraiseMonthRow[], options: PraiseChartOptions): SafeHtml | null {
  const { language } = options;
  const ordered = [...rows].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const first = ordered[0];
  const last = ordered.at(-1);
  if (first === undefined || last === undefined) return null;
  const months = ordered.map((row) => row.month);
  return renderFigure(
    {
      title: t(language, 'chart.praise.title', { scope: options.scope }),
      description: t(language, 'chart.praise.description', {
        from: formatMonth(language, first.month),
        to: formatMonth(language, last.month),
        total: formatValue(language, ordered.reduce((sum, row) => sum + row.praise, 0), 0),
        latest: formatValue(language, last.praise, 0),
        last: formatMonth(language, last.month),
      }),
      plot: {
        height: 180,
        x: { type: 'band', domain: months, ticks: monthTicks(months), label: null, paddingInner: 0.1 },
        y: numberAxis(language, t(language, 'chart.praise')),
        marks: [
          Plot.barY(ordered, { x: 'month', y: 'praise', fill: chartDefaults.improvement, title: (row: PraiseMonthRow) => `${formatMonth(language, row.month)}: ${formatValue(language, row.praise, 0)}` }),
          Plot.ruleY([0]),
        ],
      },
      header: [t(language, 'chart.month'), t(language, 'chart.praise')],
      rows: ordered.map((row) => [row.month, formatValue(language, row.praise, 0)]),
      numeric: [1],
    },
    language,
  );
});
