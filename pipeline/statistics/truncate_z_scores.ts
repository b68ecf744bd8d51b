import { averageRank } from './average_rank.ts';

export interface TruncatedZScores {
  readonly rank: readonly number[];
  readonly group: readonly number[];
  readonly truncated: readonly (0 | 1)[];
  /** The z-score, or null for truncated units (dropped, not winsorised). */
  readonly zScores: readonly (number | null)[];
}

/**
 * Drops the lowest and highest `trimBy` share of z-scores, the SHMI method (NHS Digital, SHMI
 * methodology specification; FunnelPlotR 0.6.0 `truncation()`): units are ranked, placed in
 * k = 1/trimBy groups by floor(rank·k/(N + 1)), and the first and last groups are dropped.
 *
 * @example truncateZScores([-3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3], 0.1).truncated // first and last are 1
 */
export function truncateZScores(zScores: readonly number[], trimBy: number): TruncatedZScores {
  const k = 1 / trimBy;
  const rank = averageRank(zScores);
  const group = rank.map((r) => Math.floor((r * k) / (zScores.length + 1)));
  const truncated = group.map((g) => (g > 0 && g < k - 1 ? 0 : 1));
  return { rank, group, truncated, zScores: zScores.map((z, i) => (truncated[i] === 1 ? null : z)) };
}
