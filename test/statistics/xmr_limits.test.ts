import { describe, expect, it } from 'vitest';
import { movingRanges } from '../../pipeline/statistics/moving_ranges.ts';
import { screenMovingRanges } from '../../pipeline/statistics/screen_moving_ranges.ts';
import { xmrLimits } from '../../pipeline/statistics/xmr_limits.ts';
import { xmrPointPositions } from '../../pipeline/statistics/xmr_point_position.ts';
import { deepFreeze, expectClose } from './vectors.ts';

// Hand calculations; the same code is checked against NHSRplotthedots in xmr_chart.test.ts.
describe('movingRanges', () => {
  it('is |y[i] − y[i−1]| with nothing for the first point or next to a gap', () => {
    expect(movingRanges(deepFreeze([3, 5, 4, null, 7]))).toEqual([null, 2, 1, null, null]);
  });
});

describe('screenMovingRanges', () => {
  it('drops ranges ≥ 3.267 × mean once, keeping strictly smaller ones', () => {
    // mean = 28/9 = 3.111, threshold 10.164: 20 goes, the 1s stay; not repeated afterwards.
    expect(screenMovingRanges(deepFreeze([null, 1, 1, 1, 1, 1, 1, 1, 1, 20]))).toEqual([null, 1, 1, 1, 1, 1, 1, 1, 1, null]);
  });
  it('drops every range of a constant series (0 < 0 is false), as the package does (xmr_09)', () => {
    expect(screenMovingRanges([null, 0, 0])).toEqual([null, null, null]);
  });
});

describe('xmrLimits', () => {
  it('is mean ∓ 2.66 × mean moving range', () => {
    // mean 11.5; ranges 2, 1, 2 → 5/3.
    const l = xmrLimits(deepFreeze([10, 12, 11, 13]));
    expect(l.mean).toBe(11.5);
    expectClose(l.upperProcessLimit, 11.5 + (2.66 * 5) / 3, 1e-15, 'upl');
    expectClose(l.lowerNearLimit, 11.5 - ((2 * 2.66) / 3) * (5 / 3), 1e-15, 'nlpl');
  });
  it('fixes the baseline after n points', () => {
    const l = xmrLimits([10, 12, 11, 13, 100, 200], { fixAfterNPoints: 4 });
    expect(l.mean).toBe(11.5);
    expect(l.baseline).toEqual([10, 12, 11, 13, null, null]);
    expectClose(l.meanMovingRange, 5 / 3, 1e-15, 'amr');
  });
  it('gives NaN limits when no range survives', () => {
    expect(xmrLimits([12, 12, 12]).upperProcessLimit).toBeNaN();
    expect(xmrLimits([12, 12, 12], { screenOutliers: false }).upperProcessLimit).toBe(12);
  });
});

describe('xmrPointPositions', () => {
  it('classifies outside (strict), side of the mean and beyond 2σ', () => {
    const l = xmrLimits([10, 12, 11, 13]); // upl 15.933, nupl 14.456
    expect(xmrPointPositions([16, 15, 11.5, 12, 15.9333333333333], l)).toEqual([
      { outsideLimits: true, relativeToMean: 1, closeToLimits: false },
      { outsideLimits: false, relativeToMean: 1, closeToLimits: true },
      { outsideLimits: false, relativeToMean: 0, closeToLimits: false },
      { outsideLimits: false, relativeToMean: 1, closeToLimits: false },
      { outsideLimits: false, relativeToMean: 1, closeToLimits: true },
    ]);
  });
});
