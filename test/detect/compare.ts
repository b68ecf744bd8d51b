import type { DetectionPoint } from '../../pipeline/detect/types.ts';
import type { ReferenceRow, ReferenceSeries } from './r-reference.ts';

export interface Agreement {
  /** R rows compared. */
  rows: number;
  /** Rows whose alarm (0, 1 or null = R's NA) equals R's. */
  alarmsAgreeing: number;
  /** Rows where R gives an upper bound. */
  bounds: number;
  /** Of those, rows where ours is within `tolerance` relative (plus 1e-9 absolute). */
  boundsAgreeing: number;
  /** Largest |ours − R| / |R| over rows with an R bound (R bound 0: absolute difference). */
  worstBoundRelative: number;
  worst: { series: string; period: string; ours: number | null; r: number } | null;
  /** Up to 20 disagreeing rows, for the report. */
  mismatches: { series: string; period: string; count: number; ours: DetectionPoint; r: ReferenceRow }[];
  /** Our evaluated points with no R row (should be 0). */
  extra: number;
}

/** Runs `detect` on every series and compares it, row by row, with R's output for the same method. */
export function compareWithR(
  series: readonly ReferenceSeries[],
  reference: readonly ReferenceRow[],
  detect: (counts: readonly number[], series: string) => DetectionPoint[],
  tolerance = 0.01,
): Agreement {
  const bySeries = new Map<string, ReferenceRow[]>();
  for (const row of reference) {
    const list = bySeries.get(row.series) ?? [];
    list.push(row);
    bySeries.set(row.series, list);
  }
  const a: Agreement = { rows: 0, alarmsAgreeing: 0, bounds: 0, boundsAgreeing: 0, worstBoundRelative: 0, worst: null, mismatches: [], extra: 0 };
  for (const s of series) {
    const ours = detect(Object.freeze([...s.counts]), s.series);
    const index = new Map(s.periods.map((p, i) => [p, i]));
    const rows = bySeries.get(s.series) ?? [];
    const seen = new Set<number>();
    for (const r of rows) {
      const i = index.get(r.period);
      if (i === undefined) throw new Error(`R row ${r.series} ${r.period} has no input week`);
      seen.add(i);
      const o = ours[i]!;
      a.rows++;
      let agree = o.alarm === r.alarm;
      if (agree) a.alarmsAgreeing++;
      if (r.upperbound !== null) {
        a.bounds++;
        const diff = o.upperbound === null ? Infinity : Math.abs(o.upperbound - r.upperbound);
        if (diff <= tolerance * Math.abs(r.upperbound) + 1e-9) a.boundsAgreeing++;
        else agree = false;
        const rel = r.upperbound === 0 ? diff : diff / Math.abs(r.upperbound);
        if (rel > a.worstBoundRelative) {
          a.worstBoundRelative = rel;
          a.worst = { series: r.series, period: r.period, ours: o.upperbound, r: r.upperbound };
        }
      }
      if (!agree && a.mismatches.length < 20) a.mismatches.push({ series: s.series, period: r.period, count: s.counts[i]!, ours: o, r });
    }
    ours.forEach((o, i) => {
      if (!seen.has(i) && (o.alarm !== null || o.upperbound !== null)) a.extra++;
    });
  }
  return a;
}
