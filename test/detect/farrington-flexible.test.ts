import { beforeAll, describe, expect, it } from 'vitest';
import { anscombeWeights } from '../../pipeline/detect/anscombe-weights.ts';
import { qnbinom, qpois } from '../../pipeline/detect/count-quantiles.ts';
import { farringtonBaseline } from '../../pipeline/detect/farrington-baseline.ts';
import { farringtonFlexible } from '../../pipeline/detect/farrington-flexible.ts';
import { fitLogLinear } from '../../pipeline/detect/glm-log.ts';
import { compareWithR } from './compare.ts';
import { readReference, readSeries, type ReferenceSeries } from './r-reference.ts';

describe('Farrington building blocks, by hand', () => {
  it('baseline weeks and seasonal levels for week 300 with b = 4 (0-based)', () => {
    // weeks 300 − 208 − 3 = 89 .. 300 − 27 = 273: 185 weeks (= 52·4 − 23, README)
    // reference weeks 300 − 52j, windows ±3 → level 10; 45 weeks between windows → 9 blocks of 5
    // week 252 = 248 + 4 is the first week after the window of 248 → level 1;
    // week 244 = 248 − 4 is the last before it → level 9; week 273 is 25 weeks after 245..251's start + 7 → level 5
    const { weeks, levels } = farringtonBaseline(300, 4, 3, 10, 26, 52);
    expect(weeks.length).toBe(185);
    expect([weeks[0], weeks.at(-1)]).toEqual([89, 273]);
    const level = (s: number): number => levels[weeks.indexOf(s)]!;
    expect([89, 92, 245, 248, 251].map(level)).toEqual([10, 10, 10, 10, 10]);
    expect([252, 256, 257, 244, 273].map(level)).toEqual([1, 1, 2, 9, 5]);
  });

  it('Poisson and negative binomial quantiles', () => {
    // confirmed in R: qpois(0.95, 4) = 8 (ppois(7, 4) = 0.9489, ppois(8, 4) = 0.9786), qpois(0.95, 5) = 9
    expect(qpois(0.95, 4)).toBe(8);
    expect(qpois(0.95, 5)).toBe(9);
    // size 2, prob 0.5: P(k) = (k + 1)/2^(k+2); CDF 0.25, 0.5, 0.6875, 0.8125, 0.8906, 0.9375, 0.9648 → 6
    expect(qnbinom(0.95, 2, 0.5)).toBe(6);
    expect(qnbinom(0.9375, 2, 0.5)).toBe(5); // exactly at a step: R's left-continuous answer
  });

  it('Anscombe weights down-weight a residual above the threshold', () => {
    // μ = 1, h = 0.3, φ = 1: r(1) = 0; r(9) = 1.5·(9^(2/3) − 1)/√0.7 = 1.5·3.326749/0.836660 = 5.964338 > 2.58
    // raw weights 1, 1, 5.964338⁻² = 0.028111; γ = 3/2.028111 = 1.479209 → [1.479209, 1.479209, 0.041582]
    const w = anscombeWeights(Object.freeze([1, 1, 9]), [1, 1, 1], [0.3, 0.3, 0.3], 1, 2.58);
    expect(w).toEqual([expect.closeTo(1.479209, 6), expect.closeTo(1.479209, 6), expect.closeTo(0.041582, 6)]);
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(3, 12);
  });

  it('IRLS log-linear fit reproduces group means', () => {
    // y = 1, 3 | 2, 6 with a group indicator: MLE μ = group means 2 and 4 → β = (log 2, log 2)
    const fit = fitLogLinear([[1, 0], [1, 0], [1, 1], [1, 1]], Object.freeze([1, 3, 2, 6]));
    expect(fit.converged).toBe(true);
    expect(fit.beta[0]).toBeCloseTo(Math.log(2), 8);
    expect(fit.beta[1]).toBeCloseTo(Math.log(2), 8);
    // unscaled covariance at the MLE: intercept 1/Σμ₁ = 1/4; slope 1/4 + 1/8 = 0.375 (to 1e-4: R's last-step weights)
    expect(fit.unscaledCovariance[1]![1]).toBeCloseTo(0.375, 4);
  });
});

describe('farringtonFlexible by hand', () => {
  it('a flat series of 5s: μ = 5, no overdispersion, bound qpois(0.95, 5) = 9', () => {
    // 260 weeks, b = min(4, floor(256/52)) = 4, evaluated weeks 212..260 (1-based)
    const y = Array<number>(260).fill(5);
    y[259] = 10;
    const out = farringtonFlexible(Object.freeze(y));
    expect(out[210]!.alarm).toBeNull();
    expect(out[211]).toEqual({ expected: expect.closeTo(5, 9), upperbound: 9, alarm: 0 });
    // last week: 10 > 9, and weeks t−3..t hold 5 + 5 + 5 + 10 = 25 ≥ 5 cases
    expect(out[259]).toEqual({ expected: expect.closeTo(5, 9), upperbound: 9, alarm: 1 });
  });

  it('a missing week is left out of the fit and silences weeks t..t+3 (README surprise 7)', () => {
    const y = Array<number>(260).fill(5);
    y[100] = Number.NaN; // inside every baseline of weeks 212..260 (1-based)
    y[250] = Number.NaN;
    y[259] = 10;
    const out = farringtonFlexible(Object.freeze(y));
    expect(out[249]).toEqual({ expected: expect.closeTo(5, 9), upperbound: 9, alarm: 0 });
    for (const t of [250, 251, 252, 253]) expect(out[t]).toEqual({ expected: expect.closeTo(5, 9), upperbound: null, alarm: 0 });
    expect(out[254]!.upperbound).toBe(9);
    expect(out[259]!.alarm).toBe(1);
  });

  it('fewer than 56 weeks (b < 1) evaluate nothing', () => {
    expect(farringtonFlexible(Array<number>(55).fill(3)).every((p) => p.alarm === null)).toBe(true);
  });

  it('limit54: 4 cases in the last 4 weeks leave no bound and no alarm', () => {
    const out = farringtonFlexible(Object.freeze(Array<number>(260).fill(1)));
    expect(out[259]).toEqual({ expected: expect.closeTo(1, 9), upperbound: null, alarm: 0 });
  });

  it('b = 1 (100 weeks): starts at week 56, with the seasonal levels the baseline lacks left out', () => {
    const out = farringtonFlexible(Object.freeze(Array<number>(100).fill(3)));
    expect(out.findIndex((p) => p.alarm !== null)).toBe(55);
    expect(out[99]!.expected).toBeCloseTo(3, 9);
  });
});

describe('farringtonFlexible against R surveillance 1.20.3 farringtonFlexible on the public synthetic set', () => {
  let series: ReferenceSeries[];
  beforeAll(async () => {
    series = await readSeries();
  });

  it('agrees with R on every alarm, every (integer) upper bound and the expected values', async () => {
    const reference = await readReference('farrington_flexible');
    // bounds are integers: compare exactly (tolerance 0)
    // one run per series (≈10 s for 9,800 GLM fits on 2 cores), reused for both comparisons
    const outputs = new Map<string, ReturnType<typeof farringtonFlexible>>();
    const run = (y: readonly number[], name: string): ReturnType<typeof farringtonFlexible> => {
      const out = farringtonFlexible(y);
      outputs.set(name, out);
      return out;
    };
    const a = compareWithR(series, reference, run, 0);
    // 200 series × 49 weeks (README timing table)
    expect(a.rows).toBe(9_800);
    expect(a.extra).toBe(0);
    expect(a.mismatches).toEqual([]);
    // measured: 9,800/9,800 alarms and 7,913/7,913 bounds (R's NA where limit54 fails: 1,887 rows, ours null too)
    expect(a.alarmsAgreeing).toBe(a.rows);
    expect(a.boundsAgreeing).toBe(a.bounds);
    expect(a.bounds).toBe(7_913);
    // expected = exp(η̂_t): measured worst relative difference 2.9e-9 (R's 10 significant digits; README tolerance 1e-8)
    const expected = compareWithR(
      series,
      reference.map((r) => ({ ...r, upperbound: r.expected })),
      (_, name) => outputs.get(name)!.map((p) => ({ ...p, upperbound: p.expected })),
      1e-8,
    );
    expect(expected.boundsAgreeing).toBe(expected.bounds);
  });
});
