import { funnelLimitGrid, funnelLimits, type FunnelLimitRow, type FunnelLimits } from './funnel_limits.ts';
import { funnelZScores, type FunnelDataType, type StandardisedRatioMethod } from './funnel_z_scores.ts';
import { overdispersion } from './overdispersion.ts';
import { roundR } from './round_r.ts';
import { truncateZScores } from './truncate_z_scores.ts';
import { winsoriseZScores } from './winsorise_z_scores.ts';

export interface FunnelPlotUnit {
  readonly group: string;
  readonly numerator: number;
  readonly denominator: number;
}

export interface FunnelPlotOptions {
  readonly dataType?: FunnelDataType;
  /** SR only: SHMI (log scale, truncation; default) or CQC (square-root scale, winsorisation). */
  readonly srMethod?: StandardisedRatioMethod;
  /** Overdispersion-adjusted limits (default true); falls back to unadjusted when φ ≤ 1. */
  readonly drawAdjusted?: boolean;
  /** Share truncated (SHMI) or winsorised (others) at each end. */
  readonly trimBy?: number;
  /** Scale of the plotted values and limits, e.g. 100 for percentages. */
  readonly multiplier?: number;
  /** SR/SHMI: round the expected counts to 2 dp before z-scores and limits, as SHMI does. */
  readonly shmiRounding?: boolean;
}

const defaults = {
  dataType: 'SR' as FunnelDataType,
  srMethod: 'SHMI' as StandardisedRatioMethod,
  drawAdjusted: true,
  trimBy: 0.1,
  multiplier: 1,
  shmiRounding: true,
};

export interface FunnelOutlierFlags {
  readonly at95: boolean;
  readonly at998: boolean;
}

export interface FunnelPlotPoint {
  readonly group: string;
  readonly numerator: number;
  /** Denominator used (rounded to 2 dp for SR/SHMI with shmiRounding). */
  readonly denominator: number;
  /** numerator / input denominator (before any SHMI rounding, as the package does). */
  readonly ratio: number;
  /** ratio × multiplier: the plotted value compared with the limits. */
  readonly value: number;
  readonly y: number;
  readonly zScore: number;
  /** PR, RC, SR/CQC: 1 if winsorised (or equal to a quantile); null for SR/SHMI. */
  readonly winsorised: 0 | 1 | null;
  /** SR/SHMI: rank, truncation group and whether truncated; null otherwise. */
  readonly rank: number | null;
  readonly truncationGroup: number | null;
  readonly truncated: 0 | 1 | null;
  /** Winsorised z-score, or null when truncated. */
  readonly adjustedZScore: number | null;
  /**
   * The z-score the point's position is judged by: against the limits the plot uses, (y − θ) over
   * their spread, √(s² + τ²) when adjustedUsed (Spiegelhalter et al. 2012, the additive
   * random-effects z), else zScore. Beyond ±1.96 exactly when outside the 95% limits.
   */
  readonly judgedZScore: number;
  /** Standard error of the limits at this denominator. */
  readonly s: number;
  readonly unadjustedLimits: FunnelLimits;
  readonly adjustedLimits: FunnelLimits;
  /** Against the limits the plot uses (adjusted if adjustedUsed). */
  readonly outlier: FunnelOutlierFlags;
  readonly outlierUnadjusted: FunnelOutlierFlags;
  readonly outlierAdjusted: FunnelOutlierFlags;
}

export interface FunnelPlot {
  readonly target: number;
  readonly targetTransformed: number;
  /** 0 when drawAdjusted is false, as FunnelPlotR reports it. */
  readonly phi: number;
  readonly tau2: number;
  /** Whether the overdispersion-adjusted limits are the ones used (false after the φ ≤ 1 fallback). */
  readonly adjustedUsed: boolean;
  readonly points: readonly FunnelPlotPoint[];
  /** Limits along the drawing grid (FunnelPlotR `limits()`). */
  readonly limits: readonly FunnelLimitRow[];
}

/** Outside means strictly beyond a limit: the limits themselves are inside (inclusive). */
function outlierFlags(value: number, limits: FunnelLimits): FunnelOutlierFlags {
  return {
    at95: value < limits.lower95 || value > limits.upper95,
    at998: value < limits.lower998 || value > limits.upper998,
  };
}

/**
 * Funnel plot for indirectly standardised ratios (SR), proportions (PR) or ratios of counts (RC):
 * z-scores, winsorisation or SHMI truncation, overdispersion φ and τ², 95% and 99.8% limits
 * unadjusted and adjusted, and outlier flags. Points keep the input order.
 *
 * Reference: Spiegelhalter (2005), Stat. Med. 24:1185–1202; Spiegelhalter et al. (2012), JRSS A
 * 175:1–28; reproduces FunnelPlotR 0.6.0 `funnel_plot()` (its departures from those papers are
 * noted at the functions that carry them).
 *
 * @example funnelPlot(departments, { dataType: 'PR', multiplier: 100 }).points.filter((p) => p.outlier.at998)
 */
export function funnelPlot(units: readonly FunnelPlotUnit[], options: FunnelPlotOptions = {}): FunnelPlot {
  const dataType = options.dataType ?? defaults.dataType;
  const srMethod = options.srMethod ?? defaults.srMethod;
  const drawAdjusted = options.drawAdjusted ?? defaults.drawAdjusted;
  const trimBy = options.trimBy ?? defaults.trimBy;
  const multiplier = options.multiplier ?? defaults.multiplier;
  const shmiRounding = options.shmiRounding ?? defaults.shmiRounding;
  if (units.length === 0) throw new RangeError('funnelPlot requires at least one unit');
  if (new Set(units.map((u) => u.group)).size !== units.length) throw new RangeError('funnelPlot requires unique groups');
  if (!(trimBy > 0 && trimBy < 0.5)) throw new RangeError('funnelPlot requires 0 < trimBy < 0.5');
  for (const u of units) {
    if (!(u.denominator > 0) || !(u.numerator >= 0)) {
      throw new RangeError(`funnelPlot requires numerator >= 0 and denominator > 0: ${u.group}`);
    }
    if (dataType === 'PR' && u.numerator > u.denominator) {
      throw new RangeError(`funnelPlot: a proportion's numerator exceeds its denominator: ${u.group}`);
    }
  }

  const shmi = dataType === 'SR' && srMethod === 'SHMI';
  const used = units.map((u) => ({
    numerator: u.numerator,
    denominator: shmi && shmiRounding ? roundR(u.denominator, 2) : u.denominator,
  }));
  const z = funnelZScores(used, dataType, srMethod);
  const truncation = shmi ? truncateZScores(z.zScores, trimBy) : null;
  const winsorisation = shmi ? null : winsoriseZScores(z.zScores, trimBy);
  const adjustedZ = truncation?.zScores ?? winsorisation?.zScores ?? [];
  const dispersion = overdispersion(adjustedZ, z.standardErrors);
  // FunnelPlotR reports φ = τ² = 0 when adjustment is not requested; with φ ≤ 1 it keeps both
  // values but draws and flags against the unadjusted limits.
  const phi = drawAdjusted ? dispersion.phi : 0;
  const tau2 = drawAdjusted ? dispersion.tau2 : 0;
  const adjustedUsed = drawAdjusted && phi > 1;

  const denominators = used.map((u) => u.denominator);
  const limits = funnelLimits(funnelLimitGrid(denominators, dataType), tau2, {
    dataType,
    srMethod,
    target: z.target,
    multiplier,
  });
  const byDenominator = new Map(limits.map((row) => [row.denominator, row]));

  const points = units.map((u, i): FunnelPlotPoint => {
    const denominator = denominators[i]!;
    const row = byDenominator.get(denominator)!;
    const ratio = u.numerator / u.denominator;
    const value = ratio * multiplier;
    const outlierUnadjusted = outlierFlags(value, row.unadjusted);
    const outlierAdjusted = outlierFlags(value, row.adjusted);
    return {
      group: u.group,
      numerator: u.numerator,
      denominator,
      ratio,
      value,
      y: z.y[i]!,
      zScore: z.zScores[i]!,
      winsorised: winsorisation?.winsorised[i] ?? null,
      rank: truncation?.rank[i] ?? null,
      truncationGroup: truncation?.group[i] ?? null,
      truncated: truncation?.truncated[i] ?? null,
      adjustedZScore: adjustedZ[i] ?? null,
      judgedZScore: adjustedUsed ? (z.zScores[i]! * z.standardErrors[i]!) / Math.sqrt(row.s ** 2 + tau2) : z.zScores[i]!,
      s: row.s,
      unadjustedLimits: row.unadjusted,
      adjustedLimits: row.adjusted,
      outlier: adjustedUsed ? outlierAdjusted : outlierUnadjusted,
      outlierUnadjusted,
      outlierAdjusted,
    };
  });
  return { target: z.target, targetTransformed: z.targetTransformed, phi, tau2, adjustedUsed, points, limits };
}
