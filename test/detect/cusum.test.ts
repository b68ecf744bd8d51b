import { beforeAll, describe, expect, it } from 'vitest';
import { cusum } from '../../pipeline/detect/cusum.ts';
import { seasonalBaseline } from '../../pipeline/detect/seasonal-baseline.ts';
import { compareWithR } from './compare.ts';
import { readReference, readSeries, type ReferenceSeries } from './r-reference.ts';

describe('Poisson CUSUM by hand', () => {
  it('accumulates θ·y − (e^θ − 1)·μ0, alarms above 5 and restarts from 0', () => {
    // 78 weeks, so phase 1 = weeks 1..52 (all 2): the seasonal Poisson fit is flat, μ0 = 2.
    // θ = log 2 = 0.693147, e^θ − 1 = 1, so each week adds 0.693147·y − 2.
    // week 53 (index 52), y = 4:  bound = (5 − 0 + 2)/0.693147 = 10.098865;  S = 2.772589 − 2 = 0.772589
    // week 54, y = 4:             bound = (5 − 0.772589 + 2)/0.693147 = 6.227411/0.693147 = 8.984255;  S = 1.545177
    // week 55, y = 10:            bound = (5 − 1.545177 + 2)/0.693147 = 5.454823/0.693147 = 7.869645;  S = 1.545177 + 6.931472 − 2 = 6.476649 > 5 → alarm, S = 0
    // week 56, y = 0:             bound = 7/0.693147 = 10.098865 again, S = 0
    const y = Object.freeze([...Array<number>(52).fill(2), 4, 4, 10, 0, ...Array<number>(22).fill(2)]);
    const out = cusum(y);
    expect(out[51]).toEqual({ expected: null, upperbound: null, alarm: null });
    // tolerance: 1e-7 on μ0 (IRLS stops at R's deviance criterion), 5e-6 on the hand-rounded bounds
    expect(out[52]!.expected).toBeCloseTo(2, 7);
    expect(out.slice(52, 56).map((p) => p.alarm)).toEqual([0, 0, 1, 0]);
    expect(out.slice(52, 56).map((p) => p.upperbound)).toEqual([
      expect.closeTo(10.098865, 5),
      expect.closeTo(8.984255, 5),
      expect.closeTo(7.869645, 5),
      expect.closeTo(10.098865, 5),
    ]);
  });

  it('skips a missing week (S carries over it) and evaluates nothing on a series shorter than 78 weeks', () => {
    // same data as above with a NaN inserted before the 10: the 10 still completes the alarm
    const y = Object.freeze([...Array<number>(52).fill(2), 4, 4, Number.NaN, 10, 0, ...Array<number>(21).fill(2)]);
    const out = cusum(y);
    expect(out[54]).toEqual({ expected: null, upperbound: null, alarm: null });
    expect(out.slice(52, 57).map((p) => p.alarm)).toEqual([0, 0, null, 1, 0]);
    expect(out[55]!.upperbound).toBeCloseTo(7.869645, 5);
    expect(cusum(Array<number>(77).fill(1)).every((p) => p.alarm === null)).toBe(true);
  });

  it('seasonalBaseline: a pure annual cosine in phase 1 is recovered by the Poisson fit', () => {
    // counts equal to their own mean exp(1 + 0.5·cos(2πt/52)) are the MLE's fixed point
    const y = Array.from({ length: 104 }, (_, i) => Math.exp(1 + 0.5 * Math.cos((2 * Math.PI * (i + 1)) / 52)));
    const mu = seasonalBaseline(Object.freeze(y), 104);
    expect(mu[10]).toBeCloseTo(y[10]!, 6);
    expect(mu[60]).toBeCloseTo(y[60]!, 6);
  });
});

describe('CUSUM against R surveillance 1.20.3 glrpois on the public synthetic set', () => {
  let series: ReferenceSeries[];
  beforeAll(async () => {
    series = await readSeries();
  });

  it('agrees with R on every alarm, upper bound and μ0', async () => {
    const reference = await readReference('cusum');
    const a = compareWithR(series, reference, (y) => cusum(y));
    // README timing table: 28,132 evaluated series-weeks
    expect(a.rows).toBe(28_132);
    expect(a.extra).toBe(0);
    expect(a.mismatches).toEqual([]);
    // measured: 100% of alarms and bounds; worst relative bound difference 4.9e-10 (10-digit rounding)
    expect(a.alarmsAgreeing).toBe(a.rows);
    expect(a.boundsAgreeing).toBe(a.bounds);
    expect(a.worstBoundRelative).toBeLessThan(1e-8);
    const expectedOf = compareWithR(
      series,
      reference.map((r) => ({ ...r, upperbound: r.expected, alarm: r.alarm })),
      (y) => cusum(y).map((p) => ({ ...p, upperbound: p.expected })),
    );
    expect(expectedOf.worstBoundRelative).toBeLessThan(1e-8);
  });
});
