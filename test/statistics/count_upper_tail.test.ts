import { describe, expect, it } from 'vitest';
import { negativeBinomialUpperTail, poissonUpperTail } from '../../pipeline/statistics/count_upper_tail.ts';

// Reference values from R 4 (stats): ppois(y − 1, mu, lower.tail = FALSE) and pnbinom likewise.
describe('count upper tails P(Y ≥ y)', () => {
  it('matches R for the Poisson, including a tail far below 1 − CDF precision', () => {
    expect(poissonUpperTail(10, 4)).toBeCloseTo(0.0081322427969338675, 15);
    expect(poissonUpperTail(30, 4) / 9.1341356369720599e-17).toBeCloseTo(1, 10);
    expect(poissonUpperTail(5, 0.5 / 7) / 1.4599896701003527e-8).toBeCloseTo(1, 10);
  });

  it('matches R for the negative binomial', () => {
    expect(negativeBinomialUpperTail(14, 4.2 / 0.8, 1 / 1.8)).toBeCloseTo(0.0053003964287522487, 14);
    expect(negativeBinomialUpperTail(60, 2, 0.3) / 9.6524153540528444e-9).toBeCloseTo(1, 10);
  });

  it('has the closed forms of the edge cases', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
    expect(poissonUpperTail(1, 0)).toBe(0);
    // size 1 is the geometric distribution: P(Y ≥ y) = (1 − prob)^y
    expect(negativeBinomialUpperTail(6, 1, 0.25)).toBeCloseTo(0.75 ** 6, 15);
    expect(() => poissonUpperTail(2.5, 1)).toThrow(RangeError);
  });
});
