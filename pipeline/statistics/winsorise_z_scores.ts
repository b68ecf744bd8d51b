import { quantile } from 'simple-statistics';

export interface WinsorisedZScores {
  /** 1 unless strictly between the two quantiles (a point equal to a quantile is flagged). */
  readonly winsorised: readonly (0 | 1)[];
  readonly zScores: readonly number[];
}

/**
 * Winsorises z-scores at the `trimBy` and `1 − trimBy` type-7 quantiles (Spiegelhalter et al.
 * 2012, JRSS A 175:1–28, §3.2), as FunnelPlotR 0.6.0 `winsorisation()` does for PR, RC and SR/CQC.
 *
 * @example winsoriseZScores([0, 1, 2, 3, 100], 0.25).zScores // [1, 1, 2, 3, 3]
 */
export function winsoriseZScores(zScores: readonly number[], trimBy: number): WinsorisedZScores {
  // simple-statistics' quantile interpolates as R's type 7 (test/statistics/funnel_parts.test.ts)
  const [lz, uz] = quantile(zScores, [trimBy, 1 - trimBy]) as [number, number];
  return {
    winsorised: zScores.map((z) => (z > lz && z < uz ? 0 : 1)),
    zScores: zScores.map((z) => (z < lz ? lz : z > uz ? uz : z)),
  };
}
