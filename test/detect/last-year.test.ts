import { describe, expect, it } from 'vitest';
import { againstLastYear, assessWeek } from '../../pipeline/detect/week-assessment.ts';

// A cell of 2 complaints a week whose same weeks a year before (weeks 5..11, around week 60 − 52)
// were 8 a week: its season. Week 60 holds 7.
const seasonal = Array.from({ length: 61 }, (_, t): number => (t >= 5 && t <= 11 ? 8 : 2));
seasonal[60] = 7;
const flat = Array.from({ length: 61 }, () => 2);
flat[60] = 7;

describe('assessWeek in a series’ second year', () => {
  it('judges a week against the same weeks a year before as well as EARS’s seven: its usual season is no rise', () => {
    const week = assessWeek(seasonal, 60)!;
    // EARS alone: 2 expected (weeks 51..57), bound 2, p 0.0084; a year before: the seven weeks
    // around week 8 held 8 each, Farrington's bound qpois(0.95, 8) = 13
    // the week names the method and weeks of the expectation it shows: the year before's fit, on
    // weeks 5..33 (a year back, up to the 26 weeks before the week that fit leaves out)
    expect(week).toMatchObject({ method: 'farrington_flexible', upperbound: 13, dispersion: 1, alarm: 0, baselineFrom: 5, baselineTo: 33 });
    expect(week.expected).toBeCloseTo(8, 10);
    // R: m <- 8; v <- m * 8/7; pnbinom(6, size = m^2/(v − m), mu = m, lower.tail = FALSE)
    expect(week.pValue).toBeCloseTo(0.6704112671887901, 10);
  });

  it('leaves EARS’s p-value where the year before was as quiet: a rise is still a rise', () => {
    const week = assessWeek(flat, 60)!;
    // both expect 2; the bound is the larger, qpois(0.95, 2) = 5 against EARS's 2, and 7 is above both
    expect(week).toMatchObject({ method: 'ears_c2', expected: expect.closeTo(2, 10), upperbound: 5, alarm: 1, baselineFrom: 51, baselineTo: 57 });
    // R: m <- 2; v <- m * 8/7; pnbinom(6, size = m^2/(v − m), mu = m, lower.tail = FALSE)
    expect(week.pValue).toBeCloseTo(0.008366828488613868, 10);
  });

  it('uses EARS alone before a whole year of history (week 54: 51 weeks back from three before)', () => {
    const short = seasonal.slice(0, 55);
    short[54] = 7;
    const week = assessWeek(short, 54)!;
    expect(week).toMatchObject({ method: 'ears_c2', expected: 2, upperbound: 2, alarm: 1 });
    expect(week.pValue).toBeCloseTo(0.008366828488613868, 10);
  });
});

describe('againstLastYear', () => {
  it('takes the larger expectation, bound and dispersion, and EARS alone where no year-ago fit exists', () => {
    const ears = { expected: 5.29, upperbound: 8.1, dispersion: 1 };
    expect(againstLastYear(ears, { expected: 9.6, upperbound: 16, dispersion: 1.7 })).toEqual({ expected: 9.6, upperbound: 16, dispersion: 1.7 });
    expect(againstLastYear(ears, { expected: 3, upperbound: 6, dispersion: 1.2 })).toEqual({ expected: 5.29, upperbound: 8.1, dispersion: 1.2 });
    expect(againstLastYear(ears, null)).toBe(ears);
    expect(againstLastYear(ears, { expected: 9.6, upperbound: null, dispersion: 1 })).toBe(ears);
  });
});
