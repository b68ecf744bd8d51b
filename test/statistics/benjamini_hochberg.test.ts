import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../pipeline/statistics/benjamini_hochberg.ts';

describe('benjaminiHochberg', () => {
  it('matches R p.adjust(p, "BH")', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5, 0.2), "BH")
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5, 0.2]);
    [0.03, 0.06, 0.06, 0.03, 0.5, 0.24].forEach((expected, i) => expect(q[i]).toBeCloseTo(expected, 15));
  });

  it('is monotone in p and capped at 1', () => {
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochberg([])).toEqual([]);
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
  });
});
