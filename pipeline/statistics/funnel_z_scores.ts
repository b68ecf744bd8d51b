export type FunnelDataType = 'SR' | 'PR' | 'RC';
export type StandardisedRatioMethod = 'SHMI' | 'CQC';

export interface FunnelUnitInput {
  readonly numerator: number;
  readonly denominator: number;
}

export interface FunnelZScores {
  /** Centre line on the ratio scale: 1 for SR, the pooled ratio Σnumerator / Σdenominator otherwise. */
  readonly target: number;
  readonly targetTransformed: number;
  /** Per unit: transformed value, its standard error, and the unadjusted z-score. */
  readonly y: readonly number[];
  readonly standardErrors: readonly number[];
  readonly zScores: readonly number[];
}

/**
 * Transformed values and unadjusted z-scores for funnel plots (Spiegelhalter 2005, Stat. Med.
 * 24:1185–1202; Spiegelhalter et al. 2012, JRSS A 175:1–28), exactly as FunnelPlotR 0.6.0
 * `transformed_zscore()`:
 * - SR/SHMI: Y = log(O/E), s = 1/√E, z = √E·log(O/E) (target 0 on the log scale);
 * - SR/CQC: Y = √(O/E), s = 1/(2√E), z = (Y − 1)/s;
 * - PR: Y = asin(√p), s = 1/(2√n), target asin(√(ΣO/Σn));
 * - RC: Y = log((O + ½)/(E + ½)), s = √(O/(O + ½)² + E/(E + ½)²), target log(ΣO/ΣE).
 *
 * @example funnelZScores([{ numerator: 5, denominator: 20 }], 'PR').targetTransformed // asin(√0.25)
 */
export function funnelZScores(
  units: readonly FunnelUnitInput[],
  dataType: FunnelDataType,
  srMethod: StandardisedRatioMethod = 'SHMI',
): FunnelZScores {
  const O = units.map((u) => u.numerator);
  const E = units.map((u) => u.denominator);
  // Summed left to right, not compensated: both agree with FunnelPlotR within the tests' tolerance,
  // but the compensated sum moves the published target_pct by an ulp, and exports stay byte-stable.
  const pooled = O.reduce((a, b) => a + b, 0) / E.reduce((a, b) => a + b, 0);
  if (dataType === 'SR' && srMethod === 'SHMI') {
    const y = units.map((u) => Math.log(u.numerator / u.denominator));
    return {
      target: 1,
      targetTransformed: 0,
      y,
      standardErrors: E.map((e) => 1 / Math.sqrt(e)),
      zScores: units.map((u, i) => Math.sqrt(u.denominator) * (y[i] ?? Number.NaN)),
    };
  }
  let target: number;
  let targetTransformed: number;
  let y: number[];
  let standardErrors: number[];
  if (dataType === 'SR') {
    target = 1;
    targetTransformed = 1;
    y = units.map((u) => Math.sqrt(u.numerator / u.denominator));
    standardErrors = E.map((e) => 1 / (2 * Math.sqrt(e)));
  } else if (dataType === 'PR') {
    target = pooled;
    targetTransformed = Math.asin(Math.sqrt(pooled));
    y = units.map((u) => Math.asin(Math.sqrt(u.numerator / u.denominator)));
    standardErrors = E.map((n) => 1 / (2 * Math.sqrt(n)));
  } else {
    target = pooled;
    targetTransformed = Math.log(pooled);
    y = units.map((u) => Math.log((u.numerator + 0.5) / (u.denominator + 0.5)));
    standardErrors = units.map((u) =>
      Math.sqrt(u.numerator / (u.numerator + 0.5) ** 2 + u.denominator / (u.denominator + 0.5) ** 2),
    );
  }
  return {
    target,
    targetTransformed,
    y,
    standardErrors,
    zScores: y.map((v, i) => (v - targetTransformed) / (standardErrors[i] ?? Number.NaN)),
  };
}
