import { describe, expect, it } from 'vitest';
import { clusteredProportion } from '../../pipeline/statistics/clustered_proportion.ts';
import { wilsonInterval } from '../../pipeline/statistics/wilson_interval.ts';

describe('clusteredProportion', () => {
  it('works the textbook case by hand: four respondents, two answers each', () => {
    // y = 2, 2, 2, 0 satisfied of m = 2 each: p = 6/8 = 0.75; y − p·m = 0.5, 0.5, 0.5, −1.5;
    // Σ squares = 3·0.25 + 2.25 = 3; v = 3 / (4·3·2²) = 0.0625; n_eff = 0.75·0.25/0.0625 = 3.
    // Wilson on n = 3, z = 1.959964: z²/n = 1.280486; centre = (0.75 + 0.640243)/2.280486 = 0.609624;
    // half = 1.959964·√(0.1875/3 + 3.841459/36)/2.280486 = 0.353533 → [0.256091, 0.963157].
    const counts = Object.freeze({ n: 4, sumY: 6, sumM: 8, sumYY: 12, sumYM: 12, sumMM: 16 });
    const result = clusteredProportion(counts);
    expect(result.estimate).toBe(0.75);
    expect(result.effectiveN).toBeCloseTo(3, 12);
    expect(result.lower).toBeCloseTo(0.256091, 5);
    expect(result.upper).toBeCloseTo(0.963157, 5);
  });

  it('counts respondents, not answers, when each respondent answers alike', () => {
    // 10 respondents each giving 5 answers, 7 of them all satisfied: 50 answers, but n_eff = n − 1 = 9,
    // so the interval is as wide as for 9 independent answers, not 50
    const counts = { n: 10, sumY: 35, sumM: 50, sumYY: 7 * 25, sumYM: 7 * 25, sumMM: 10 * 25 };
    expect(clusteredProportion(counts).effectiveN).toBeCloseTo(9, 10);
  });

  it("is Wilson's interval on the respondents when everyone is satisfied (R: prop.test(12, 12, correct = FALSE))", () => {
    const counts = { n: 12, sumY: 36, sumM: 36, sumYY: 12 * 9, sumYM: 12 * 9, sumMM: 12 * 9 };
    const result = clusteredProportion(counts);
    const wilson = wilsonInterval(12, 12);
    expect(result.upper).toBe(1);
    expect(result.lower).toBeCloseTo(wilson.lower, 12);
  });
});
