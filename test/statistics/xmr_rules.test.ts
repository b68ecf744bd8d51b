import { describe, expect, it } from 'vitest';
import { assuranceType } from '../../pipeline/statistics/assurance_type.ts';
import { partOfRun } from '../../pipeline/statistics/part_of_run.ts';
import { pointType } from '../../pipeline/statistics/point_type.ts';
import { shiftRule } from '../../pipeline/statistics/shift_rule.ts';
import { specialCauseType } from '../../pipeline/statistics/special_cause_type.ts';
import { trendRule } from '../../pipeline/statistics/trend_rule.ts';
import { twoInThreeRule } from '../../pipeline/statistics/two_in_three_rule.ts';
import { deepFreeze } from './vectors.ts';

// Hand-built sequences for each rule of NHSRplotthedots 0.2.2 (R/ptd_calculate_point_type.R),
// including the quirks its README lists; xmr_chart.test.ts checks them on the package's output.
const t = true;
const f = false;

describe('partOfRun', () => {
  it('marks the window that ends at each run end', () => {
    expect(partOfRun(deepFreeze([0, 0, 1, 0]), 3)).toEqual([t, t, t, f]);
  });
});

describe('shiftRule', () => {
  it('needs 7 on one side: 6 do not trigger, 8 flag all 8', () => {
    expect(shiftRule(deepFreeze([1, 1, 1, 1, 1, 1, -1])).flagged).toEqual(Array(7).fill(f));
    const eight = shiftRule([-1, -1, -1, -1, -1, -1, -1, -1]);
    expect(eight.runEnd).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    expect(eight.flagged).toEqual(Array(8).fill(t));
  });
  it('a point on the mean breaks the run (package, not the skip-it guidance)', () => {
    expect(shiftRule([1, 1, 1, 0, 1, 1, 1, 1]).flagged).toEqual(Array(8).fill(f));
  });
});

describe('trendRule', () => {
  it('needs 7 strictly monotone points, may cross the mean, and a tie breaks it', () => {
    expect(trendRule(deepFreeze([1, 2, 3, 4, 5, 6])).flagged).toEqual(Array(6).fill(f));
    expect(trendRule([7, 6, 5, 4, 3, 2, 1]).trendEnd).toEqual([0, 0, 0, 0, 0, 0, -1]);
    expect(trendRule([1, 2, 3, 3, 4, 5, 6, 7]).flagged).toEqual(Array(8).fill(f));
  });
});

describe('twoInThreeRule', () => {
  it('flags only the close points of a window whose three points share a side', () => {
    expect(twoInThreeRule(deepFreeze([t, f, t]), deepFreeze([1, 1, 1]))).toEqual([t, f, t]);
  });
  it('does not flag when a neighbour sits on the other side or on the mean (stricter than WE rule 2)', () => {
    expect(twoInThreeRule([f, t, t, f], [-1, 1, 1, -1])).toEqual([f, f, f, f]);
    expect(twoInThreeRule([t, t, f], [1, 1, 0])).toEqual([f, f, f]);
    expect(twoInThreeRule([t, t, f], [1, 1, 1])).toEqual([t, t, f]);
  });
  it('treats unknown closeness (NaN limits) as not close', () => {
    expect(twoInThreeRule([null, null, null], [0, 0, 0])).toEqual([f, f, f]);
  });
});

describe('specialCauseType', () => {
  it('applies the priority outside > trend > 2-in-3 > shift', () => {
    const types = specialCauseType({
      values: [1, 2, 3],
      relativeToMean: [1, 1, -1],
      outsideLimits: [t, f, f],
      trend: [t, t, f],
      twoInThree: [t, t, t],
      shift: [t, t, t],
    });
    expect(types).toEqual(['Above UCL', '7 Point Trend (Increasing)', '2 in 3 Below CL']);
  });
  it('labels a trend point by the next step when the trend continues, else the previous step', () => {
    const types = specialCauseType({
      values: [5, 4, 5],
      relativeToMean: [1, 1, 1],
      outsideLimits: [f, f, f],
      trend: [t, t, f],
      twoInThree: [f, f, f],
      shift: [f, f, f],
    });
    expect(types.slice(0, 2)).toEqual(['7 Point Trend (Decreasing)', '7 Point Trend (Decreasing)']);
  });
});

describe('pointType', () => {
  it('orients labels by the improvement direction, from the label not the side of the mean', () => {
    expect(pointType('Above UCL', 'decrease')).toBe('special_cause_concern');
    expect(pointType('7 Point Trend (Decreasing)', 'decrease')).toBe('special_cause_improvement');
    expect(pointType('7 Points Below CL', 'neutral')).toBe('special_cause_neutral_low');
    expect(pointType('2 in 3 Above CL', 'neutral')).toBe('special_cause_neutral_high');
    expect(pointType('Common Cause', 'increase')).toBe('common_cause');
  });
});

describe('assuranceType', () => {
  it('compares the target strictly with the latest limits', () => {
    expect(assuranceType(70, 74, 84, 'increase')).toBe('consistent_pass');
    expect(assuranceType(95, 74, 84, 'increase')).toBe('consistent_fail');
    expect(assuranceType(95, 74, 84, 'decrease')).toBe('consistent_pass');
    expect(assuranceType(84, 74, 84, 'increase')).toBe('inconsistent'); // on the limit
    expect(assuranceType(95, 74, 84, 'neutral')).toBeNull();
    expect(assuranceType(null, 74, 84, 'increase')).toBeNull();
  });
});
