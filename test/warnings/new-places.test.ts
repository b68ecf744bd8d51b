import { describe, expect, it } from 'vitest';
import { assessWeek } from '../../pipeline/detect/week-assessment.ts';
import { detectionDefaults } from '../../pipeline/warnings/detection-settings.ts';
import { assessmentOptions, corroborated, enoughToOpen, firstComplaints, weeklySignals, type CellSeries } from '../../pipeline/warnings/detector-warnings.ts';
import { groupSignals } from '../../pipeline/warnings/signal-groups.ts';
import { addDays } from '../../pipeline/time.ts';

describe('firstComplaints', () => {
  it('is a week of at least `cases` complaints in a cell that never had one before', () => {
    expect(firstComplaints([0, 0, 0, 3], 3, 3)).toBe(true);
    expect(firstComplaints([0, 0, 0, 4], 3, 3)).toBe(true);
    expect(firstComplaints([0, 0, 0, 2], 3, 3)).toBe(false);
    expect(firstComplaints([0, 1, 0, 3], 3, 3)).toBe(false);
    // 0: the guard holds every cell alike
    expect(firstComplaints([0, 0, 0, 3], 3, 0)).toBe(false);
  });
});

/** 60 weeks from 2025-01-06 (EARS C2 throughout: under two years). */
const WEEKS = Array.from({ length: 60 }, (_, i) => addDays('2025-01-06', 7 * i));
const LAST = WEEKS.at(-1)!;

function cell(kind: CellSeries['kind'], parts: readonly string[], pattern: readonly number[], tail: readonly number[] = []): CellSeries {
  const counts = Array.from({ length: WEEKS.length - tail.length }, (_, i) => pattern[i % pattern.length]!);
  return { kind, hospital: 'Kingsmere', cell: JSON.stringify(parts), start: 0, counts: [...counts, ...tail] };
}

/** The ordinary cells of a hospital's week: 20 departments' categories of one to three complaints a week. */
const ordinary = Array.from({ length: 20 }, (_, i) => cell('spike', ['department', `Ward ${i}`, 'attitude'], [[1, 2, 1, 3, 2, 1, 2], [2, 1, 1, 2, 3, 1, 1], [3, 2, 2, 1, 2, 3, 2]][i % 3]!));

describe('a new place (weeklySignals, newPlaceCases)', () => {
  // a discharge lounge nobody complained about in 59 weeks, then 3 complaints in one week: under the guard's 5 in 4 weeks
  const lounge = cell('hotspot', ['location', 'discharge lounge'], [0], [3]);

  it('is held by the guard with newPlaceCases 0', () => {
    expect(weeklySignals(WEEKS, [...ordinary, lounge], [LAST], { ...detectionDefaults, newPlaceCases: 0 })).toEqual([]);
  });

  it('is tested in its first week from newPlaceCases complaints (3 by default)', () => {
    expect(detectionDefaults.newPlaceCases).toBe(3);
    const signals = weeklySignals(WEEKS, [...ordinary, lounge], [LAST], detectionDefaults);
    // expected 0: EARS's seven empty weeks, and the same weeks a year before as empty (Farrington's fit on zeros, ~1e-12)
    expect(signals.map((s) => [s.cell, s.firstDay, s.observed, s.expected])).toEqual([[lounge.cell, LAST, 3, expect.closeTo(0, 10)]]);
    // EARS C2 on seven weeks of nothing: the mean taken as half a complaint over them (1/14), the
    // predictive negative binomial of size 0.5 and prob 7/8: P(Y ≥ 3) = 6.413e-4
    // (scipy.stats.nbinom.sf(2, 0.5, 0.875)); the first of the week's 21 tests: q = 21 × p = 0.01347
    expect(signals[0]!.pValue).toBeCloseTo(6.413e-4, 6);
    expect(signals[0]!.qValue).toBeCloseTo(0.013467, 5);
  });

  it('is not a place that had a complaint before, nor a first week below newPlaceCases, nor a department or a word', () => {
    const known = cell('hotspot', ['location', 'car park'], [0], [1, ...Array<number>(30).fill(0), 3]);
    const fewer = cell('hotspot', ['location', 'chapel'], [0], [2]);
    const word = cell('emerging_term', ['term', 'en', 'lounge'], [0], [3]);
    const ward = cell('spike', ['department', 'New ward', 'attitude'], [0], [3]);
    expect(weeklySignals(WEEKS, [...ordinary, known, fewer, word, ward], [LAST], detectionDefaults)).toEqual([]);
  });

  it('is its own corroboration when its complaints came on several days, and opens a warning on them', () => {
    // 4 complaints: P(Y ≥ 4) = 7.038e-5 (scipy.stats.nbinom.sf(3, 0.5, 0.875)), q = 21 × p = 0.00148
    const app = cell('hotspot', ['location', 'appointment app'], [0], [4]);
    const [signal] = weeklySignals(WEEKS, [...ordinary, app], [LAST], detectionDefaults);
    expect(signal).toMatchObject({ cell: app.cell, firstComplaints: true, qValue: expect.closeTo(0.00148, 5) });
    const records = ['a', 'b', 'c', 'd'];
    const [onTwoDays] = groupSignals([{ ...signal!, records, days: [addDays(LAST, 1), addDays(LAST, 5)] }], new Set());
    expect(corroborated(onTwoDays!, detectionDefaults)).toBe(true);
    expect(enoughToOpen(onTwoDays!, detectionDefaults)).toBe(true);
    // all on one day: one incident, neither corroborated nor enough
    const [onOneDay] = groupSignals([{ ...signal!, records, days: [addDays(LAST, 1)] }], new Set());
    expect(corroborated(onOneDay!, detectionDefaults)).toBe(false);
    expect(enoughToOpen(onOneDay!, detectionDefaults)).toBe(false);
  });

  it('marks no signal tested over the guard as first complaints', () => {
    const rising = cell('spike', ['department', 'Pharmacy', 'process'], [1, 2, 1, 1, 2, 1, 1], [6, 7]);
    const [signal] = weeklySignals(WEEKS, [...ordinary, rising], [LAST], detectionDefaults);
    expect(signal).toMatchObject({ cell: rising.cell, firstComplaints: false });
  });

  it('is charted with the bound it was judged on: that week alone has the lowered guard', () => {
    const t = lounge.counts.length - 1;
    expect(assessmentOptions(lounge, t, detectionDefaults).guard).toEqual({ cases: 3, weeks: 4 });
    expect(assessmentOptions(lounge, t - 1, detectionDefaults)).toBe(detectionDefaults.assessment);
    // EARS C2 on seven weeks of nothing: mean 0, sd 0, so the bound is 0 and 3 is above it
    expect(assessWeek(lounge.counts, t, assessmentOptions(lounge, t, detectionDefaults))).toMatchObject({ expected: expect.closeTo(0, 10), upperbound: 0, alarm: 1, tested: true });
  });
});
