import { describe, expect, it } from 'vitest';
import { gSquared2x2 } from '../../pipeline/statistics/log_likelihood_g2.ts';

// Reference values from base R 4.2 with
//   g2 <- function(k) { e <- outer(rowSums(k), colSums(k)) / sum(k); 2 * sum(ifelse(k > 0, k * log(k / e), 0)) }
// on matrix(c(k11, k21, k12, k22), 2).
describe('gSquared2x2', () => {
  it("gives Dunning's 270.72 for the bigram 'the swiss' (Dunning 1993, Table 3)", () => {
    expect(gSquared2x2(110, 2442, 111, 29114)).toBeCloseTo(270.721876936225, 9);
  });

  it('matches R on a table with no empty cell', () => {
    expect(gSquared2x2(10, 30, 20, 40)).toBeCloseTo(0.804348646096483, 12);
  });

  it('treats 0 ln 0 as 0', () => {
    expect(gSquared2x2(0, 7, 5, 100)).toBeCloseTo(0.660740259791621, 12);
  });

  it('is 0 for an exactly independent table and for an empty one', () => {
    expect(gSquared2x2(10, 20, 30, 60)).toBe(0);
    expect(gSquared2x2(0, 0, 0, 0)).toBe(0);
  });

  it('rejects negative or non-finite counts', () => {
    expect(() => gSquared2x2(-1, 1, 1, 1)).toThrow('gSquared2x2 requires finite counts >= 0');
    expect(() => gSquared2x2(Number.NaN, 1, 1, 1)).toThrow('gSquared2x2');
  });
});
