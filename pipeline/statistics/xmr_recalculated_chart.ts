import { xmrChart, NO_FACET, type XmrChart, type XmrInputPoint } from './xmr_chart.ts';
import type { ImprovementDirection } from './point_type.ts';
import { xmrRecalculations } from './xmr_recalculations.ts';

export interface XmrRecalculatedChartOptions {
  readonly improvementDirection?: ImprovementDirection;
  /** Points of each period its limits are built from (default 12, as xmrRecalculations). */
  readonly baselinePoints?: number;
}

const defaults = { baselinePoints: 12 };

/**
 * An XmR chart whose limits are held from a baseline and recalculated only at a sustained change
 * (`xmrRecalculations`), per facet: each period is a rebase group of `xmrChart` with its limits
 * fixed after `baselinePoints`. A long improvement therefore starts a new period instead of
 * painting every earlier month as a run below the mean.
 *
 * Reference: NHS England "Making Data Count" (2019); NHSRplotthedots 0.2.2 `ptd_spc()` with
 * `rebase` and `fix_after_n_points`.
 *
 * @example xmrRecalculatedChart(months.map((x, i) => ({ x, y: index[i] })), { improvementDirection: 'increase' })
 */
export function xmrRecalculatedChart(data: readonly XmrInputPoint[], options: XmrRecalculatedChartOptions = {}): XmrChart {
  const baselinePoints = options.baselinePoints ?? defaults.baselinePoints;
  const byFacet = new Map<string, XmrInputPoint[]>();
  for (const point of data) {
    const facet = point.facet ?? NO_FACET;
    const points = byFacet.get(facet);
    if (points === undefined) byFacet.set(facet, [point]);
    else points.push(point);
  }
  const rebase: Record<string, string[]> = {};
  for (const [facet, points] of byFacet) {
    const ordered = [...points].sort((a, b) => (a.x < b.x ? -1 : a.x > b.x ? 1 : 0));
    rebase[facet] = xmrRecalculations(ordered.map((p) => p.y), { baselinePoints }).map((i) => ordered[i]!.x);
  }
  return xmrChart(data, { improvementDirection: options.improvementDirection, fixAfterNPoints: baselinePoints, rebase });
}
