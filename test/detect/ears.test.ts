import { beforeAll, describe, expect, it } from 'vitest';
import { earsC1, earsC2, earsC3, earsC3Textbook } from '../../pipeline/detect/ears.ts';
import type { DetectionPoint } from '../../pipeline/detect/types.ts';
import { compareWithR } from './compare.ts';
import { readReference, readSeries, type ReferenceSeries } from './r-reference.ts';

describe('EARS by hand', () => {
  it('C1: baseline 1..7 has mean 4 and sd √(28/6) = 2.160247', () => {
    // Σ(y − 4)² = 9+4+1+0+1+4+9 = 28, sd = √(28/6) = 2.1602469; z = qnorm(0.999) = 3.0902323
    // upperbound = 4 + 3.0902323·2.1602469 = 10.6756648 (tolerance 1e-9); 20 > 10.68 → alarm
    const y = Object.freeze([1, 2, 3, 4, 5, 6, 7, 20]);
    const out = earsC1(y);
    expect(out.slice(0, 7).every((p) => p.alarm === null && p.upperbound === null)).toBe(true);
    expect(out[7]!.expected).toBe(4);
    expect(out[7]!.upperbound).toBeCloseTo(10.675664758, 9);
    expect(out[7]!.alarm).toBe(1);
    // alpha 0.05: z = 1.6448536, bound = 4 + 1.6448536·2.1602469 = 7.5533 (tolerance 1e-6)
    expect(earsC1(y, { alpha: 0.05 })[7]!.upperbound).toBeCloseTo(7.553290, 6);
  });

  it('C2: the same baseline two weeks earlier (weeks t−9..t−3), so weeks t−2, t−1 are ignored', () => {
    const out = earsC2(Object.freeze([1, 2, 3, 4, 5, 6, 7, 50, 50, 20]));
    expect(out[8]!.alarm).toBeNull();
    expect(out[9]).toEqual({ expected: 4, upperbound: expect.closeTo(10.675664758, 9), alarm: 1 });
  });

  it('C1: a constant baseline gives sd 0, so any count above the mean alarms (minSigma 0)', () => {
    const out = earsC1(Object.freeze([0, 0, 0, 0, 0, 0, 0, 1]));
    expect(out[7]).toEqual({ expected: 0, upperbound: 0, alarm: 1 });
    // minSigma 1 widens the band: 0 + 3.0902·1
    expect(earsC1([0, 0, 0, 0, 0, 0, 0, 1], { minSigma: 1 })[7]!.alarm).toBe(0);
  });

  it('C3 (R form): a spike alarms in the week after it, not in its own week', () => {
    // y (0-based weeks 0..12) = 1..7, 4, 4, 4, 4, 20, 4. C2 baselines are weeks t−9..t−3:
    //  t=9:  mean 4,        sd 2.160247, C2 = 0
    //  t=10: mean 31/7,     sd 1.718249, C2 = (4 − 4.428571)/1.718249 = −0.249
    //  t=11: mean 33/7,     sd 1.380131, C2 = (20 − 4.714286)/1.380131 = 11.0756
    //  t=12: mean 34/7,     sd 1.214986
    // week 11: lagged = (0 − 1)⁺ + (−0.249 − 1)⁺ = 0 → bound = 20 + 1.380131·3.090232 = 24.264926 → no alarm at 20
    // week 12: lagged = (−0.249 − 1)⁺ + (11.0756 − 1)⁺ = 10.0756 → bound = max(0, 4 + 1.214986·(3.0902 − 10.0756)) = 0 → alarm
    const y = Object.freeze([1, 2, 3, 4, 5, 6, 7, 4, 4, 4, 4, 20, 4]);
    const out = earsC3(y);
    expect(out[10]!.alarm).toBeNull();
    expect(out[11]).toEqual({ expected: expect.closeTo(33 / 7, 12), upperbound: expect.closeTo(24.264925770, 8), alarm: 0 });
    expect(out[12]).toEqual({ expected: expect.closeTo(34 / 7, 12), upperbound: 0, alarm: 1 });
    // textbook: week 11 sums its own (11.0756 − 1)⁺ = 10.0756 > 3.09 → alarm; bound = 4.714286 + 1.380131·(1 + 3.090232) = 10.359343
    const textbook = earsC3Textbook(y);
    expect(textbook[11]).toEqual({ expected: expect.closeTo(33 / 7, 12), upperbound: expect.closeTo(10.359342603, 8), alarm: 1 });
    expect(textbook[12]!.alarm).toBe(1);
  });

  it('C3: a constant baseline with the count at its mean is 0/0, so bound and alarm are null as in R', () => {
    const out = earsC3(Object.freeze(Array.from({ length: 12 }, () => 0)));
    expect(out[11]).toEqual({ expected: 0, upperbound: null, alarm: null });
  });
});

describe('EARS against R surveillance 1.20.3 earsC on the public synthetic set (200 series)', () => {
  let series: ReferenceSeries[];
  beforeAll(async () => {
    series = await readSeries();
  });

  const cases: [string, (y: readonly number[]) => DetectionPoint[], number][] = [
    ['ears_c1', (y) => earsC1(y), 47_532],
    ['ears_c2', (y) => earsC2(y), 47_132],
    ['ears_c3', (y) => earsC3(y), 46_732],
    ['ears_c1_a05', (y) => earsC1(y, { alpha: 0.05 }), 47_532],
    ['ears_c2_a05', (y) => earsC2(y, { alpha: 0.05 }), 47_132],
    ['ears_c3_a05', (y) => earsC3(y, { alpha: 0.05 }), 46_732],
  ];
  it.each(cases)('%s: every alarm and upper bound agrees with R', async (method, detect, rows) => {
    const a = compareWithR(series, await readReference(method), detect);
    // README: rows = series × evaluated weeks, as in its timing table
    expect(a.rows).toBe(rows);
    expect(a.extra).toBe(0);
    expect(a.mismatches).toEqual([]);
    // measured: 100% of alarms (including R's NA for C3's 0/0) and of bounds; worst relative
    // bound difference ≈ 5e-10, the 10-significant-digit rounding of r_alarms.csv
    expect(a.alarmsAgreeing).toBe(a.rows);
    expect(a.boundsAgreeing).toBe(a.bounds);
    expect(a.worstBoundRelative).toBeLessThan(1e-8);
  });
});
