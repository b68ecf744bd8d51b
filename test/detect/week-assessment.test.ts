import { describe, expect, it } from 'vitest';
import { assessWeek, assessmentDefaults, baselinePValue, passesGuard } from '../../pipeline/detect/week-assessment.ts';
import { farringtonFlexible } from '../../pipeline/detect/farrington-flexible.ts';

// Reference values from R 4 (stats): ppois / pnbinom upper tails, qnorm.
describe('assessWeek', () => {
  it('uses EARS C2 on a short series, with the Poisson–gamma predictive p-value when the baseline is under-dispersed', () => {
    const y = [2, 3, 2, 4, 3, 2, 3, 2, 3, 12];
    const week = assessWeek(y, 9)!;
    expect(week).toMatchObject({ method: 'ears_c2', expected: 19 / 7, alarm: 1, tested: true, baselineFrom: 0, baselineTo: 6 });
    // R: m <- 19/7; v <- m * 8/7; pnbinom(11, size = m^2/(v − m), mu = m, lower.tail = FALSE)
    expect(week.pValue / 1.4086896941112531e-4).toBeCloseTo(1, 10);
  });

  it('widens the predictive distribution by an over-dispersed EARS baseline', () => {
    const y = [2, 8, 1, 9, 3, 7, 2, 5, 5, 20];
    const week = assessWeek(y, 9)!;
    // R: m + qnorm(0.999) * sd(y[1:7]); phi <- var/m; v <- phi * m * 8/7; pnbinom(19, size = m^2/(v − m), mu = m, lower.tail = FALSE)
    expect(week.upperbound).toBeCloseTo(14.798361296903394, 12);
    expect(week.pValue).toBeCloseTo(0.0024977687611390876, 15);
  });

  it('does not test a week with fewer than 5 complaints in 4 weeks', () => {
    const week = assessWeek([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4], 11)!;
    expect(week).toMatchObject({ tested: false, alarm: 0, upperbound: null });
    // still how unusual the week was, for the next week's corroboration: R ppois-gamma as above, y = 4
    expect(week.pValue).toBeLessThan(1e-3);
  });

  it('counts a zero baseline as half a complaint over its weeks', () => {
    // R: mu <- 0.5/7; v <- mu * 8/7; pnbinom(4, size = mu^2/(v − mu), mu = mu, lower.tail = FALSE)
    expect(baselinePValue(5, 0, 1, 7) / 7.9359477906276493e-6).toBeCloseTo(1, 10);
  });

  it('switches to Farrington flexible once two years of history exist, on every whole year up to four, with its own bound', () => {
    const y = Array.from({ length: 160 }, (_, t) => 4 + ((t * 7) % 5));
    y[159] = 30;
    const early = assessWeek(y, 100)!;
    const late = assessWeek(y, 159)!;
    expect(early.method).toBe('ears_c2');
    expect(late.method).toBe('farrington_flexible');
    // week 159 has three whole years behind it (52·3 + 3): the bound of farringtonFlexible with b = 3
    expect(late.upperbound).toBe(farringtonFlexible(y, { b: 3 })[159]!.upperbound);
    expect(late.expected).toBeCloseTo(farringtonFlexible(y, { b: 3 })[159]!.expected!, 12);
    expect(late.alarm).toBe(1);
    expect(late.pValue).toBeLessThan(1e-6);
    expect(assessWeek(y, 159, { ...assessmentDefaults, farringtonYears: 1 })!.method).toBe('farrington_flexible');
  });

  it('needs seven weeks of baseline three weeks back before it judges anything', () => {
    expect(assessWeek([1, 2, 3, 4, 5, 6, 7, 8, 9], 8)).toBeNull();
  });
});

describe('passesGuard', () => {
  it('counts the complaints of the last guard.weeks weeks to t (fewer at the start of a series), as assessWeek marks a week tested', () => {
    const guard = { cases: 5, weeks: 4 };
    const y = [3, 1, 0, 2, 3, 0, 0, 0, 0, 0, 0, 5];
    // weeks 1..4: 1 + 0 + 2 + 3 = 6; weeks 0..1: 4; weeks 5..8: 0
    expect([passesGuard(y, 4, guard), passesGuard(y, 1, guard), passesGuard(y, 8, guard), passesGuard(y, 11, guard)]).toEqual([true, false, false, true]);
    expect(passesGuard(y, 4, { cases: 7, weeks: 4 })).toBe(false);
    for (let t = 0; t < y.length; t++) expect(assessWeek(y, t)?.tested ?? passesGuard(y, t, assessmentDefaults.guard)).toBe(passesGuard(y, t, assessmentDefaults.guard));
  });
});
