import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../pipeline/statistics/wilson_interval.ts';
import { expectClose, numOrThrow, readCsv } from './vectors.ts';

// Expected values: base R 4.2.2 prop.test(x, n, conf.level = 0.95, correct = FALSE)$conf.int,
// from ../shared/vectors/spc-funnel/intervals.csv (exact doubles). The port evaluates prop.test's
// own expression, so any difference is in the last bit: tolerance 1e-15 relative, exact at 0 and 1.
const rows = readCsv('intervals.csv').filter((r) => r.kind === 'wilson');

describe('wilsonInterval', () => {
  it('has all 20 Wilson rows', () => expect(rows).toHaveLength(20));

  it.each(rows.map((r) => [r.id, r] as const))('%s matches prop.test(correct = FALSE)', (_id, row) => {
    const got = wilsonInterval(numOrThrow(row, 'successes'), numOrThrow(row, 'n'));
    expectClose(got.estimate, numOrThrow(row, 'estimate'), 0, 'estimate');
    expectClose(got.lower, numOrThrow(row, 'lower'), 1e-15, 'lower');
    expectClose(got.upper, numOrThrow(row, 'upper'), 1e-15, 'upper');
  });

  it('is exactly 0 at x = 0 and exactly 1 at x = n, where the bare formula is not', () => {
    // intervals.csv W11: formula_lower = -6.9e-18; prop.test gives 0.
    expect(wilsonInterval(0, 50).lower).toBe(0);
    expect(wilsonInterval(50, 50).upper).toBe(1);
  });

  it('does not use the Hmisc boundary modification', () => {
    // W02: Hmisc::binconf gives lower 0.0513 at x = n = 1; prop.test and epitools give 0.2065.
    expectClose(wilsonInterval(1, 1).lower, 0.2065493143772375, 1e-15, 'lower');
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(6, 5)).toThrow(/wilsonInterval/);
    expect(() => wilsonInterval(1, 0)).toThrow(/wilsonInterval/);
  });
});
