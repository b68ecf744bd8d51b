import { describe, expect, it } from 'vitest';
import { dailyRate } from '../../pipeline/frequency/daily-rate.ts';

describe('dailyRate', () => {
  it('puts a half month and whole months on one scale', () => {
    // by hand: 37 records from 1 to 15 November against 67 in the 31 days of October
    expect(dailyRate([{ records: 37, days: 15 }])).toBeCloseTo(37 / 15, 12); // 2.467 a day: a rise, not a fall
    expect(dailyRate([{ records: 67, days: 31 }])).toBeCloseTo(2.161290322580645, 12);
  });

  it('pools stretches by their days and leaves out those the data do not cover', () => {
    const stretches = Object.freeze([{ records: 67, days: 31 }, { records: 60, days: 30 }, { records: 0, days: 0 }].map((s) => Object.freeze(s)));
    expect(dailyRate(stretches)).toBeCloseTo(127 / 61, 12);
    expect(dailyRate([{ records: 0, days: 0 }])).toBeNull();
    expect(dailyRate([])).toBeNull();
  });

  it('refuses negative counts and fractional days', () => {
    expect(() => dailyRate([{ records: -1, days: 3 }])).toThrow('dailyRate requires');
    expect(() => dailyRate([{ records: 1, days: 1.5 }])).toThrow('dailyRate requires');
  });
});
