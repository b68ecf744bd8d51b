import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../pipeline/statistics/normal_quantile.ts';
import { expectClose, numOrThrow, readCsv } from './vectors.ts';

describe('normalQuantile', () => {
  it('matches R qnorm(0.975) bit for bit', () => {
    // intervals.csv column z = qnorm(0.975) from R 4.2.2 (exact double); AS 241 is R's algorithm.
    const z = numOrThrow(readCsv('intervals.csv')[0]!, 'z');
    expect(normalQuantile(0.975)).toBe(z);
  });

  it('agrees with the 7-digit constants FunnelPlotR hard-codes for qnorm(0.975) and qnorm(0.999)', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.959964)).toBeLessThan(5e-7);
    expect(Math.abs(normalQuantile(0.999) - 3.090232)).toBeLessThan(5e-7);
  });

  it('matches R 4.2.2 qnorm where the detectors use it', () => {
    // confirmed in R: qnorm(0.999) = 3.090232306167813, qnorm(0.95) = 1.644853626951472,
    // qnorm(1e-10) = -6.361340902404056 (EARS bounds use alpha 0.001 and 0.05)
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853626951472, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
  });

  it('is antisymmetric and handles the tails and the ends', () => {
    // Dyadic p, so that 1 − p is exact.
    for (const p of [2 ** -30, 2 ** -10, 0.125, 0.375]) expectClose(normalQuantile(p), -normalQuantile(1 - p), 1e-12, `p=${p}`);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(/normalQuantile/);
  });
});
