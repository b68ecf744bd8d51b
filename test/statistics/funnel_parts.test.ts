import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { averageRank } from '../../pipeline/statistics/average_rank.ts';
import { funnelLimitGrid, funnelLimits } from '../../pipeline/statistics/funnel_limits.ts';
import { funnelZScores } from '../../pipeline/statistics/funnel_z_scores.ts';
import { overdispersion } from '../../pipeline/statistics/overdispersion.ts';
import { roundR } from '../../pipeline/statistics/round_r.ts';
import { truncateZScores } from '../../pipeline/statistics/truncate_z_scores.ts';
import { winsoriseZScores } from '../../pipeline/statistics/winsorise_z_scores.ts';
import { deepFreeze, expectClose } from './vectors.ts';

// Hand calculations for the funnel building blocks; funnel_plot.test.ts checks them against
// FunnelPlotR 0.6.0 output.
// The winsorising quantiles and the median delay rely on simple-statistics' quantile being R's default.
describe('simple-statistics quantile', () => {
  it('interpolates order statistics like R quantile(type = 7)', () => {
    // h = (4 − 1) × 0.1 = 0.3 → 1 + 0.3 × (2 − 1)
    expectClose(quantile(deepFreeze([4, 3, 2, 1]), 0.1), 1.3, 1e-15, 'q10');
    expect(quantile([4, 3, 2, 1], 1)).toBe(4);
    expect(quantile([-Infinity, 0, 1], 0)).toBe(-Infinity);
    // R: quantile(c(5, 1, 4, 2), c(0.25, 0.75)) = 1.75, 4.25; median(c(3, 1, 4, 2)) = 2.5
    expect(quantile(deepFreeze([5, 1, 4, 2]), [0.25, 0.75])).toEqual([1.75, 4.25]);
    expect(quantile([3, 1, 4, 2], 0.5)).toBe(2.5);
  });
});

describe('averageRank', () => {
  it('averages tied ranks like R rank(ties.method = "average")', () => {
    expect(averageRank(deepFreeze([10, 20, 10]))).toEqual([1.5, 3, 1.5]);
  });
});

describe('roundR', () => {
  it('rounds to the nearer neighbour of the double, ties to even (R ≥ 4.0.0)', () => {
    expect(roundR(523.6963043991925, 2)).toBe(523.7); // fp_05 unit 030001
    expect(roundR(0.285, 2)).toBe(0.28); // the double is 0.28499999999999998002
    expect(roundR(1.005, 2)).toBe(1); // the double is 1.00499999999999989342
    expect(roundR(0.125, 2)).toBe(0.12); // exact tie → even
    expect(roundR(0.375, 2)).toBe(0.38); // exact tie → even
  });
});

describe('funnelZScores', () => {
  it('uses the pooled proportion on the arcsine scale for PR', () => {
    const z = funnelZScores(deepFreeze([{ numerator: 1, denominator: 4 }, { numerator: 3, denominator: 4 }]), 'PR');
    expect(z.target).toBe(0.5);
    expectClose(z.zScores[0]!, (Math.asin(0.5) - Math.PI / 4) * 4, 1e-15, 'z'); // s = 1/(2√4)
  });
  it('is √E·log(O/E) for SHMI', () => {
    expectClose(funnelZScores([{ numerator: 20, denominator: 10 }], 'SR').zScores[0]!, Math.sqrt(10) * Math.log(2), 1e-15, 'z');
  });
});

describe('winsoriseZScores and truncateZScores', () => {
  it('winsorises at the type-7 quantiles and flags points equal to them', () => {
    const w = winsoriseZScores(deepFreeze([0, 1, 2, 3, 100]), 0.25);
    expect(w.zScores).toEqual([1, 1, 2, 3, 3]);
    expect(w.winsorised).toEqual([1, 1, 0, 1, 1]);
  });
  it('drops the first and last of k = 1/trimBy rank groups (SHMI)', () => {
    // ranks 1, 6 (×9), 11; sp = floor(r × 10/12) = 0, 5, 9 → first and last dropped.
    const t = truncateZScores([-3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3], 0.1);
    expect(t.truncated).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(t.zScores[0]).toBeNull();
  });
});

describe('overdispersion', () => {
  it('is φ = mean z², τ² by DerSimonian–Laird', () => {
    // φ = 4; w = 100, 100; τ² = (2·4 − 1)/(200 − 20000/200) = 0.07
    const o = overdispersion(deepFreeze([2, -2, null]), deepFreeze([0.1, 0.1, 0.5]));
    expect(o.n).toBe(2);
    expect(o.phi).toBe(4);
    expectClose(o.tau2, 0.07, 1e-15, 'tau2');
  });
  it('is 0 when nφ < n − 1', () => {
    expect(overdispersion([0.1, 0.1, 0.1], [0.1, 0.1, 0.1]).tau2).toBe(0);
  });
});

describe('funnelLimitGrid and funnelLimits', () => {
  it('merges the units’ denominators into R’s seq(3, ceiling(max), length.out = 1000)', () => {
    const grid = funnelLimitGrid(deepFreeze([10, 50]), 'PR');
    expect(grid).toHaveLength(1001);
    expect(grid[0]).toBe(3);
    expect(grid.at(-1)).toBe(50);
    expect(grid).toContain(10);
  });
  it('resets non-monotone PR lower limits to 0 at small n (arcsine wrap-around)', () => {
    // target 0.01: asin(0.1) − 1.96/(2√3) < 0, and sin² of it exceeds the next row's limit.
    const rows = funnelLimits([3, 4, 5], 0, { dataType: 'PR', srMethod: 'SHMI', target: 0.01, multiplier: 1 });
    expect(rows[0]!.unadjusted.lower95).toBe(0);
    expect(rows[2]!.unadjusted.lower95).toBeGreaterThan(0); // last row has no neighbour to compare
  });
});
