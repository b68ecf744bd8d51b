import { sum } from 'simple-statistics';

export interface Overdispersion {
  /** Units contributing (not truncated). */
  readonly n: number;
  /** Dispersion ratio: mean squared (winsorised) z-score. */
  readonly phi: number;
  /** Between-unit variance added to each unit's s² on the transformed scale. */
  readonly tau2: number;
}

/**
 * Overdispersion of funnel-plot z-scores: φ = mean(z²) and the additive random-effects variance
 * τ² = max(0, (nφ − (n − 1)) / (Σw − Σw²/Σw)), w = 1/s², a DerSimonian–Laird moment estimator
 * (Spiegelhalter et al. 2012, JRSS A 175:1–28, eq. 5). τ² is 0 when nφ < n − 1. Units whose
 * z-score is null (truncated) are left out. FunnelPlotR 0.6.0 `phi_func()` and `tau_func()`.
 *
 * @example overdispersion([2, -2], [0.1, 0.1]) // { n: 2, phi: 4, tau2: 0.07 }
 */
export function overdispersion(zScores: readonly (number | null)[], standardErrors: readonly number[]): Overdispersion {
  const kept = zScores.flatMap((z, i) => (z === null ? [] : [{ z, s: standardErrors[i] ?? Number.NaN }]));
  const n = kept.length;
  const phi = (1 / n) * sum(kept.map((k) => k.z ** 2));
  if (n === 0 || n * phi < n - 1) return { n, phi, tau2: 0 };
  const w = kept.map((k) => 1 / k.s ** 2);
  const sumW = sum(w);
  const tau2 = Math.max(0, (n * phi - (n - 1)) / (sumW - sum(w.map((x) => x ** 2)) / sumW));
  return { n, phi, tau2 };
}
