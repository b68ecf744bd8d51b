import * as Plot from '@observablehq/plot';
import type { Language } from '../../pipeline/config.ts';
import { formatMonth } from '../../pipeline/dates.ts';
import { t, type MessageKey } from '../../pipeline/i18n.ts';
import type { CellFunnelRow } from '../../pipeline/satisfaction/trends.ts';
import type { SafeHtml } from '../html.ts';
import { chartDefaults, formatValue, listText, numberAxis, renderFigure } from './figure.ts';
import { rememberedChart } from './remembered-chart.ts';

/** One department of mart_satisfaction_funnel in one month: the columns of a cell funnel row the chart draws. */
export type FunnelChartRow = Pick<
  CellFunnelRow,
  | 'department'
  | 'suppressed'
  | 'responses'
  | 'effective_n'
  | 'pct_satisfied'
  | 'target_pct'
  | 'z_judged'
  | 'lower_95_pct'
  | 'upper_95_pct'
  | 'lower_998_pct'
  | 'upper_998_pct'
  | 'below_lower_95'
  | 'above_upper_95'
  | 'below_lower_998'
  | 'above_upper_998'
>;

export interface FunnelChartOptions {
  language: Language;
  month: string;
}

type Drawn = FunnelChartRow & { effective_n: number; pct_satisfied: number; z_judged: number };

/** Where the mart put a department, the most extreme limit first. */
function position(row: FunnelChartRow): MessageKey {
  if (row.below_lower_998 === true) return 'leadership.funnel.below998';
  if (row.above_upper_998 === true) return 'leadership.funnel.above998';
  if (row.below_lower_95 === true) return 'leadership.funnel.below95';
  if (row.above_upper_95 === true) return 'leadership.funnel.above95';
  return 'leadership.funnel.within';
}

const POSITION_COLOURS: Partial<Record<MessageKey, string>> = {
  'leadership.funnel.below998': chartDefaults.concern,
  'leadership.funnel.below95': chartDefaults.concern,
  'leadership.funnel.above998': chartDefaults.improvement,
  'leadership.funnel.above95': chartDefaults.improvement,
};

/**
 * The departments' satisfaction index of one month on a funnel plot (Spiegelhalter 2005): each
 * department at its effective sample size, the centre, and the 95% and 99.8% limits as the mart
 * computed them at each department's size (joined from one department to the next); a point is
 * coloured as the mart judged it (below: concern, above: better), never re-judged here. Suppressed
 * departments appear only in the table. Returns null when no department can be drawn.
 *
 * @example funnelChart(rows, { language: 'zh', month: '2025-06' })
 */
export const funnelChart = rememberedChart('funnelChart', function funnelChart(rows: readonly FunnelChartRow[], options: FunnelChartOptions): SafeHtml | null {
  const { language } = options;
  const drawn = rows
    .filter((row): row is Drawn => !row.suppressed && row.effective_n !== null && row.pct_satisfied !== null && row.z_judged !== null)
    .sort((a, b) => a.effective_n - b.effective_n || (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
  const target = drawn.find((row) => row.target_pct !== null)?.target_pct ?? null;
  if (drawn.length === 0) return null;
  const percent = (value: number | null) => (value === null ? '–' : `${formatValue(language, value)}%`);
  const named = (keys: readonly MessageKey[]) => drawn.filter((row) => keys.includes(position(row))).map((row) => row.department);
  const limit = (field: 'lower_95_pct' | 'upper_95_pct' | 'lower_998_pct' | 'upper_998_pct', dashed: boolean) =>
    Plot.lineY(drawn, { x: 'effective_n', y: field, stroke: chartDefaults.limit, strokeWidth: 1, strokeDasharray: dashed ? '4 3' : undefined, curve: 'monotone-x' });
  return renderFigure(
    {
      title: t(language, 'chart.funnel.title', { month: formatMonth(language, options.month) }),
      description: t(language, 'chart.funnel.description', {
        count: drawn.length,
        target: percent(target),
        below: listText(language, named(['leadership.funnel.below998', 'leadership.funnel.below95'])),
        above: listText(language, named(['leadership.funnel.above998', 'leadership.funnel.above95'])),
      }),
      plot: {
        x: numberAxis(language, t(language, 'chart.funnel.x'), { grid: false }),
        y: numberAxis(language, t(language, 'chart.indexAxis'), { nice: true }),
        marks: [
          target === null ? null : Plot.ruleY([target], { stroke: chartDefaults.muted }),
          limit('lower_95_pct', true),
          limit('upper_95_pct', true),
          limit('lower_998_pct', false),
          limit('upper_998_pct', false),
          Plot.dot(drawn, {
            x: 'effective_n',
            y: 'pct_satisfied',
            r: 4,
            fill: (row: Drawn) => POSITION_COLOURS[position(row)] ?? chartDefaults.ink,
            title: (row: Drawn) => `${row.department}: ${percent(row.pct_satisfied)}, z = ${formatValue(language, row.z_judged, 2)}`,
          }),
        ],
      },
      header: [
        t(language, 'leadership.department'),
        t(language, 'leadership.respondents'),
        t(language, 'chart.funnel.effectiveN'),
        t(language, 'leadership.index'),
        t(language, 'chart.funnel.z'),
        t(language, 'chart.funnel.position'),
      ],
      rows: [...rows]
        .sort((a, b) => a.department.localeCompare(b.department, language))
        .map((row) =>
          row.suppressed || row.pct_satisfied === null || row.z_judged === null
            ? [row.department, '', '', t(language, 'leadership.tooFew'), '', '']
            : [
                row.department,
                formatValue(language, row.responses, 0),
                formatValue(language, row.effective_n),
                percent(row.pct_satisfied),
                formatValue(language, row.z_judged, 2),
                t(language, position(row)),
              ],
        ),
      numeric: [1, 2, 3, 4],
    },
    language,
  );
});
