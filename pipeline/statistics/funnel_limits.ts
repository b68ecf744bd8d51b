import { gammaQuantile } from './gamma_quantile.ts';
import type { FunnelDataType, StandardisedRatioMethod } from './funnel_z_scores.ts';

/**
 * z for the 95% and 99.8% limits, hard-coded to 7 significant digits in FunnelPlotR 0.6.0.
 * We keep the package's constants (not qnorm(0.975) = 1.959963985…) so limits match it to the
 * last bit; the difference is below 2e-7 relative, far under any decision the chart supports.
 */
const Z95 = 1.959964;
const Z998 = 3.090232;

export interface FunnelLimits {
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

export interface FunnelLimitOptions {
  readonly dataType: FunnelDataType;
  readonly srMethod: StandardisedRatioMethod;
  readonly target: number;
  readonly multiplier: number;
}

export interface FunnelLimitRow {
  /** Denominator (expected count for SR, n for PR, last period's count for RC). */
  readonly denominator: number;
  /** Standard error of the limits: 1/√E (SHMI) or 1/(2√n) (every other type). */
  readonly s: number;
  readonly unadjusted: FunnelLimits;
  readonly adjusted: FunnelLimits;
}

/**
 * Funnel-plot control limits along a grid of denominators (Spiegelhalter 2005, Stat. Med.
 * 24:1185–1202), unadjusted and overdispersion-adjusted with between-unit variance `tau2`, as
 * FunnelPlotR 0.6.0 `calculate_limits()`:
 * - SR unadjusted: exact Poisson limits qchisq(α/2, 2E)/(2E), qchisq(1 − α/2, 2(E + 1))/(2E);
 * - SR/SHMI adjusted: exp(∓z√(1/E + τ²));
 * - SR/CQC adjusted: 1 ∓ z√(1/(4E) + τ²). FunnelPlotR never squares these back from the
 *   square-root scale (its open issue #33), so they are about half as wide as they should be. We
 *   reproduce the package here, because the vectors and any comparison with published
 *   FunnelPlotR charts depend on it; prefer SHMI, whose limits are on the right scale;
 * - PR: sin(asin(√target) ∓ z√(1/(4n) + τ²))², clipped to [0, 1];
 * - RC: exp(log(target) ∓ z√(1/(4n) + τ²)).
 * PR and RC unadjusted limits are the same normal approximations with τ² = 0, not exact
 * binomial limits. Every limit is scaled by `multiplier`.
 *
 * For PR, at small n asin(√target) − z·se can fall below 0 and sin² turns positive again; the
 * package then compares each grid row with the next and resets a non-monotone limit to 0 (or to
 * 1 × multiplier). The result at a unit's n thus depends on the grid, which is why limits are
 * computed along the whole grid (see {@link funnelLimitGrid}) rather than per unit. We match the
 * package rather than clamp at the turning point, so that the vectors (fp_13) reproduce exactly.
 *
 * @example funnelLimits([100], 0, { dataType: 'PR', srMethod: 'SHMI', target: 0.1, multiplier: 1 })
 */
export function funnelLimits(grid: readonly number[], tau2: number, options: FunnelLimitOptions): FunnelLimitRow[] {
  const { dataType, srMethod, target, multiplier } = options;
  const shmi = dataType === 'SR' && srMethod === 'SHMI';
  const s = grid.map((d) => (shmi ? Math.sqrt(1 / d) : 1 / (2 * Math.sqrt(d))));

  const normal = (t2: number): FunnelLimits[] =>
    grid.map((d, i) => {
      if (shmi) {
        const shmiSpread = Math.sqrt(1 / d + t2);
        return {
          lower95: multiplier * Math.exp(-Z95 * shmiSpread),
          upper95: multiplier * Math.exp(Z95 * shmiSpread),
          lower998: multiplier * Math.exp(-Z998 * shmiSpread),
          upper998: multiplier * Math.exp(Z998 * shmiSpread),
        };
      }
      const spread = Math.sqrt((s[i] ?? Number.NaN) ** 2 + t2);
      if (dataType === 'SR') {
        return {
          lower95: multiplier * (1 - Z95 * spread),
          upper95: multiplier * (1 + Z95 * spread),
          lower998: multiplier * (1 - Z998 * spread),
          upper998: multiplier * (1 + Z998 * spread),
        };
      }
      if (dataType === 'RC') {
        const centre = Math.log(target);
        return {
          lower95: multiplier * Math.exp(centre - Z95 * spread),
          upper95: multiplier * Math.exp(centre + Z95 * spread),
          lower998: multiplier * Math.exp(centre - Z998 * spread),
          upper998: multiplier * Math.exp(centre + Z998 * spread),
        };
      }
      const centre = Math.asin(Math.sqrt(target));
      return {
        lower95: Math.max(multiplier * Math.sin(centre - Z95 * spread) ** 2, 0),
        upper95: Math.min(multiplier * Math.sin(centre + Z95 * spread) ** 2, multiplier),
        lower998: Math.max(multiplier * Math.sin(centre - Z998 * spread) ** 2, 0),
        upper998: Math.min(multiplier * Math.sin(centre + Z998 * spread) ** 2, multiplier),
      };
    });

  const monotone = (rows: FunnelLimits[]): FunnelLimits[] =>
    dataType !== 'PR'
      ? rows
      : rows.map((row, i) => {
          const next = rows[i + 1];
          if (next === undefined) return row;
          return {
            lower95: row.lower95 > next.lower95 ? 0 : row.lower95,
            upper95: row.upper95 < next.upper95 ? multiplier : row.upper95,
            lower998: row.lower998 > next.lower998 ? 0 : row.lower998,
            upper998: row.upper998 < next.upper998 ? multiplier : row.upper998,
          };
        });

  const adjusted = monotone(normal(tau2));
  const unadjusted =
    dataType === 'SR'
      ? grid.map((d) => ({
          lower95: (multiplier * target * gammaQuantile(0.975, d, true)) / d,
          upper95: (multiplier * target * gammaQuantile(0.025, d + 1, true)) / d,
          lower998: (multiplier * target * gammaQuantile(0.999, d, true)) / d,
          upper998: (multiplier * target * gammaQuantile(0.001, d + 1, true)) / d,
        }))
      : monotone(normal(0));
  return grid.map((denominator, i) => ({
    denominator,
    s: s[i] ?? Number.NaN,
    unadjusted: unadjusted[i]!,
    adjusted: adjusted[i]!,
  }));
}

/**
 * The denominators FunnelPlotR 0.6.0 draws its limits along: 1,000 evenly spaced values from
 * 1.1 (SR) or 3 (PR, RC) to ceiling(max denominator), R's `seq(length.out = 1000)` (last value
 * exact), merged with the units' own denominators, deduplicated and sorted.
 *
 * @example funnelLimitGrid([10, 50], 'PR').length // 1001: 10 joins the grid, 50 is its last point
 */
export function funnelLimitGrid(denominators: readonly number[], dataType: FunnelDataType): number[] {
  const from = dataType === 'SR' ? 1.1 : 3;
  const to = Math.ceil(Math.max(...denominators));
  const count = 1000;
  const by = (to - from) / (count - 1);
  const seq = from === to ? Array<number>(count).fill(from) : [from, ...Array.from({ length: count - 2 }, (_, i) => from + (i + 1) * by), to];
  return [...new Set([...seq, ...denominators])].sort((a, b) => a - b);
}
