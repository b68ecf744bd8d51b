import { describe, expect, it } from 'vitest';
import { xmrRecalculatedChart } from '../../pipeline/statistics/xmr_recalculated_chart.ts';
import { xmrRecalculations } from '../../pipeline/statistics/xmr_recalculations.ts';
import { deepFreeze, expectClose, num, numOrThrow, readCsv } from './vectors.ts';

// A baseline of 12 points alternating 10 and 12: mean 11 exactly.
const baseline = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

describe('xmrRecalculations (hand-worked)', () => {
  it('recalculates only at 7 points in a row on one side of the held mean, from the run’s first point', () => {
    // index 12 on the mean (breaks nothing yet), 13-18 six above (not enough), 19 below, 20-26 seven above
    const values = deepFreeze([...baseline, 11, 14, 14, 14, 14, 14, 14, 10, 13, 13, 13, 13, 13, 13, 13]);
    expect(xmrRecalculations(values)).toEqual([20]);
  });

  it('a point exactly on the mean breaks the run', () => {
    expect(xmrRecalculations([...baseline, 14, 14, 14, 11, 14, 14, 14, 14])).toEqual([]);
  });

  it('never recalculates on a shift inside the baseline', () => {
    // the 12-point baseline holds 7 points below its own mean (127/12); the 7 at 20 after it start period 2
    const values = [8, 8, 8, 8, 8, 8, 8, 16, 14, 14, 14, 13, 20, 20, 20, 20, 20, 20, 20];
    expect(xmrRecalculations(values)).toEqual([12]);
  });

  it('judges a new period by its own baseline', () => {
    // baseline of 3: mean 2; seven 9s start period 2 (index 3), whose baseline of three 9s has mean 9,
    // so the next four 9s sit on it and the seven 0s after them start period 3 (index 10)
    const values = [1, 2, 3, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0];
    expect(xmrRecalculations(values, { baselinePoints: 3 })).toEqual([3, 10]);
  });

  it('refuses a baseline that is not a positive whole number of points', () => {
    expect(() => xmrRecalculations([1, 2], { baselinePoints: 0 })).toThrow(RangeError);
  });
});

describe('xmrRecalculatedChart against NHSRplotthedots 0.2.2 vectors', () => {
  // xmr_04 / xmr_05 / xmr_19: 30 months of waits, a step down at month 16 (2022-07-01)
  const rows = readCsv('spc/xmr_04_step_change_no_rebase.csv');
  const input = deepFreeze(rows.map((row) => ({ x: row.x ?? '', y: numOrThrow(row, 'y') })));

  it('finds the recalculation where the package was told to rebase (xmr_05: 2022-07-01)', () => {
    const rebased = readCsv('spc/xmr_05_step_change_rebased.csv');
    const firstOfGroup1 = rebased.find((row) => num(row, 'rebase_group') === 1)?.x;
    expect(firstOfGroup1).toBe('2022-07-01');
    const chart = xmrRecalculatedChart(input, { improvementDirection: 'decrease' });
    expect(chart.points.find((p) => p.rebaseGroup === 1)?.x).toBe(firstOfGroup1);
    expect(chart.groups.map((g) => g.n)).toEqual([15, 15]);
  });

  it('holds the first period’s limits from its first 12 points, as fix_after_n_points = 12 (xmr_19)', () => {
    const fixed = readCsv('spc/xmr_19_fix_after_12.csv');
    const chart = xmrRecalculatedChart(input, { improvementDirection: 'decrease' });
    chart.points
      .filter((p) => p.rebaseGroup === 0)
      .forEach((p, i) => {
        expectClose(p.mean, num(fixed[i]!, 'mean_col'), 1e-9, `mean ${p.x}`);
        expectClose(p.lowerProcessLimit, num(fixed[i]!, 'lpl'), 1e-9, `lpl ${p.x}`);
        expectClose(p.upperProcessLimit, num(fixed[i]!, 'upl'), 1e-9, `upl ${p.x}`);
      });
  });

  it('paints no old month as a concern after a lasting improvement, where limits over all months would', () => {
    const chart = xmrRecalculatedChart(input, { improvementDirection: 'decrease' });
    expect(chart.points.filter((p) => p.pointType === 'special_cause_concern')).toEqual([]);
    // xmr_04 (limits over all 30 months) paints the first 15 months as a run above the mean: concern
    const whole = readCsv('spc/xmr_04_step_change_no_rebase.csv');
    expect(whole.filter((row) => row.point_type === 'special_cause_concern').length).toBeGreaterThanOrEqual(15);
  });
});
