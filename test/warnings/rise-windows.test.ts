import { describe, expect, it } from 'vitest';
import { assessWeek, type WeekAssessment } from '../../pipeline/detect/week-assessment.ts';
import { detectionDefaults } from '../../pipeline/warnings/detection-settings.ts';
import { corroborated, enoughToOpen, twoWeekPValue, weeklySignals } from '../../pipeline/warnings/detector-warnings.ts';
import { groupSignals } from '../../pipeline/warnings/signal-groups.ts';
import { addDays } from '../../pipeline/time.ts';
import { cell, LAST, ordinary, WEEKS } from '../support/rising-cells.ts';

const week = (expected: number): WeekAssessment => ({
  method: 'ears_c2',
  expected,
  upperbound: 4,
  alarm: 0,
  tested: true,
  pValue: 0.5,
  dispersion: 1,
  baselineWeeks: 10,
  baselineFrom: 0,
  baselineTo: 6,
});

describe('twoWeekPValue', () => {
  it('judges two weeks of 3 and 4 against 1 expected each as one total of 7 against 2', () => {
    // negative binomial with mean 2 and variance 2 × (1 + 2/10) = 2.4 (size 10, prob 5/6):
    // P(Y ≥ 7) = 0.0100687 (scipy.stats.nbinom.sf(6, 10, 5/6)); the weeks alone: 0.0887 and 0.0250
    expect(twoWeekPValue([0, 3, 4], 2, week(1), week(1))).toBeCloseTo(0.0100687, 6);
  });

  it('is 1 unless both weeks are above their expectation: a rise that goes on, not one week high', () => {
    expect(twoWeekPValue([0, 1, 8], 2, week(1), week(1))).toBe(1);
    expect(twoWeekPValue([0, 8, 0], 2, week(1), week(1))).toBe(1);
  });
});

describe('a rise over two weeks (weeklySignals)', () => {
  // 9 attitude complaints in 7 weeks (1.29 expected a week), then 6 and 7: five times as many
  const rising = cell('Khoa Nhi', [1, 2, 1, 1, 2, 1, 1], [6, 7]);

  it('opens on a department’s category up fivefold two weeks running, where the week alone is too weak to', () => {
    const signals = weeklySignals(WEEKS, [...ordinary, rising], [LAST], detectionDefaults);
    expect(signals.map((s) => [s.cell, s.week, s.firstDay])).toEqual([[rising.cell, LAST, addDays(LAST, -7)]]);
    // p 1.22e-3 alone, 1.04e-4 over the two weeks (13 against 2.57), doubled: q = 2.08e-4 × 21 = 0.0044
    expect(signals[0]!.qValue).toBeCloseTo(0.0044, 4);
    expect(signals[0]!.qValue).toBeLessThanOrEqual(detectionDefaults.openFdr);
    // the week alone passes the week's FDR of 5% (q 0.0257), not the 1% a new warning needs
    const alone = weeklySignals(WEEKS, [...ordinary, rising], [LAST], { ...detectionDefaults, riseWeeks: 1 });
    expect(alone.map((s) => [s.firstDay, Number(s.qValue.toFixed(4))])).toEqual([[LAST, 0.0257]]);
  });

  it('is corroborated by its two weeks, and opens a warning on complaints of several days', () => {
    const [signal] = weeklySignals(WEEKS, [...ordinary, rising], [LAST], detectionDefaults);
    const [group] = groupSignals([{ ...signal!, records: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'], days: [addDays(LAST, -6), addDays(LAST, -3), addDays(LAST, 1), addDays(LAST, 4)] }], new Set());
    expect(corroborated(group!, detectionDefaults)).toBe(true);
    expect(enoughToOpen(group!, detectionDefaults)).toBe(true);
  });
});

describe('tiny counts', () => {
  // a rare category of a large department: 0.3 complaints a week (2 in 7), then 3 in one week, with
  // 1 in each of the two before (so the guard's 5 in 4 weeks lets the week be tested)
  const rare = cell('Khoa Khám bệnh', [0, 1, 0, 0, 1, 0, 0], [0, 1, 1, 3]);

  it('3 complaints against 0.3 expected do not open a warning alone', () => {
    const t = WEEKS.length - 1;
    const judged = assessWeek(rare.counts, t, detectionDefaults.assessment)!;
    expect(judged.expected).toBeCloseTo(2 / 7, 6);
    expect(judged.tested).toBe(true);
    expect(judged.alarm).toBe(1);
    // unusual on its own (p = 0.0071), but not among the week's 21 tests, over one week or two
    expect(judged.pValue).toBeCloseTo(0.00708, 5);
    expect(weeklySignals(WEEKS, [...ordinary, rare], [LAST], detectionDefaults)).toEqual([]);
  });

  it('and where a busier week lets them pass the FDR, they still need a second view or a week before', () => {
    const [signal] = weeklySignals(WEEKS, [rare], [LAST], detectionDefaults);
    // the week alone (q = p = 0.0071): a cell expecting under half a complaint a week is not judged over two weeks
    expect(signal).toMatchObject({ firstDay: LAST, qValue: expect.closeTo(0.00708, 5) });
    const [group] = groupSignals([{ ...signal!, records: ['a', 'b', 'c'], days: [addDays(LAST, 0), addDays(LAST, 2), addDays(LAST, 5)] }], new Set());
    expect(corroborated(group!, detectionDefaults)).toBe(false);
  });
});
