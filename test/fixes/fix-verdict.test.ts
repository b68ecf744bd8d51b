import { describe, expect, it } from 'vitest';
import { fixVerdict, type FixCounts } from '../../pipeline/fixes/fix-verdict.ts';
import { reopenedWarnings } from '../../pipeline/fixes/reopen.ts';
import type { FixReviewRow } from '../../pipeline/fixes/fixes.ts';
import type { Warning } from '../../pipeline/warnings/warnings.ts';
import { expectClose } from '../statistics/vectors.ts';

const counts = (values: Partial<FixCounts>): FixCounts =>
  Object.freeze({ before: 12, after: 3, beforeDays: 84, afterDays: 70, seasonBefore: null, seasonAfter: null, ...values });

describe('fixVerdict', () => {
  it('says complaints fell when the whole interval is below 1', () => {
    // R: poisson.test(c(0, 9), c(84, 84)) → rate ratio 0, 95% CI 0 0.5066302
    const review = fixVerdict(counts({ before: 9, after: 0, afterDays: 84 }));
    expect(review.verdict).toBe('fell');
    expect(review.reopens).toBe(false);
    expectClose(review.ratio.high, 0.5066301902946674, 1e-8, 'high');
  });

  it('is not clear yet while the interval holds 1 and the after window is not complete', () => {
    // R: poisson.test(c(3, 12), c(70, 84)) → 0.3, CI 0.0543274 1.1116538
    const review = fixVerdict(counts({}));
    expect(review.verdict).toBe('unclear');
    expectClose(review.ratio.high, 1.1116538324612455, 1e-8, 'high');
  });

  it('says complaints did not fall when the whole after window shows no fall, and reopens', () => {
    // R: poisson.test(c(12, 12), c(84, 84)) → 1, CI 0.4109184 2.4335731
    const review = fixVerdict(counts({ after: 12, afterDays: 84 }));
    expect([review.verdict, review.reopens]).toEqual(['not_fallen', true]);
    // the same counts with 83 days after: the window is not complete yet, so not judged a failure
    expect(fixVerdict(counts({ after: 12, afterDays: 83 })).verdict).toBe('unclear');
  });

  it('says complaints rose when the whole interval is above 1, and reopens', () => {
    // R: poisson.test(c(9, 3), c(28, 84)) → 9, CI 2.246053 51.684009
    const review = fixVerdict(counts({ before: 3, after: 9, afterDays: 28 }));
    expect([review.verdict, review.reopens]).toEqual(['rose', true]);
    expectClose(review.ratio.low, 2.2460533505911924, 1e-8, 'low');
  });

  it('is too soon before 28 days after the waiting period, and too few with under 3 complaints before', () => {
    expect(fixVerdict(counts({ after: 30, afterDays: 27 })).verdict).toBe('too_soon');
    expect(fixVerdict(counts({ before: 2, after: 1, afterDays: 84 })).verdict).toBe('too_few');
  });

  it('adjusts for the season by the same weeks a year earlier when both hold 10 complaints or more', () => {
    // a year earlier the department had 40 complaints in the 84 days before and 20 in the 40 after:
    // its own ratio per day (20/40)/(40/84) = 1.05; the problem's 5 after against 20 before becomes
    // poisson.test(c(5, 20), c(20, 40)) → 0.5, CI 0.1466401 1.3728942 (exposures = those counts)
    const review = fixVerdict(counts({ before: 20, after: 5, afterDays: 40, seasonBefore: 40, seasonAfter: 20 }));
    expectClose(review.expectedRatio, 1.05, 1e-12, 'expected ratio');
    expectClose(review.ratio.estimate, 0.5, 1e-12, 'estimate');
    expectClose(review.ratio.low, 0.14664012998738743, 1e-8, 'low');
    expectClose(review.ratio.high, 1.3728941907509227, 1e-8, 'high');
    // 9 complaints in a season window are too few: days are the exposures, 5/40 against 20/84
    const unadjusted = fixVerdict(counts({ before: 20, after: 5, afterDays: 40, seasonBefore: 40, seasonAfter: 9 }));
    expect(unadjusted.expectedRatio).toBeNull();
    expectClose(unadjusted.ratio.estimate, 0.525, 1e-12, 'estimate by days');
  });
});

describe('reopenedWarnings', () => {
  const review = (values: Partial<FixReviewRow>): FixReviewRow => ({
    hospital: 'h', warning_id: 'W-1', department: '骨科', departments: ['骨科'], category: 'quality', location: null, keywords: [],
    fixed_on: '2025-03-10', reviewed_on: '2025-04-20', is_current: true, action: null, before_start: '2024-12-16', before_end: '2025-03-09',
    after_start: '2025-03-24', after_end: '2025-04-20', after_window_end: '2025-06-15', before_days: 84, after_days: 28,
    before_complaints: 3, after_complaints: 9, season_adjusted: false, expected_ratio: null, rate_ratio: 9, ci_low: 2.246, ci_high: 51.684,
    verdict: 'rose', judge_from: '2025-04-20', reopens: true, ...values,
  });

  it('reopens a warning whose latest current review failed, with the reason in words in every language', () => {
    const reopened = reopenedWarnings([review({})]);
    expect(reopened.get('W-1')?.zh).toMatch(/^2025-03-10 的整改复查后重新开启：整改后投诉反而增加（/);
    expect(reopened.get('W-1')?.vi).toMatch(/^Mở lại sau biện pháp ngày 2025-03-10: /);
    expect(reopened.get('W-1')?.en).toBe(
      'Reopened after the fix of 2025-03-10: Complaints rose after the fix (3 complaints in the 84 days before 2025-03-10; 9 in the 28 days from 2025-03-24 (the first 14 days after the fix are not counted); rate ratio after/before 9.00, 95% interval 2.25–51.68, not adjusted for the season (less than a year of history)).',
    );
  });

  it('goes by the latest fix of a warning and by the review to the as-of date only', () => {
    const later = review({ fixed_on: '2025-04-01', verdict: 'too_soon', reopens: false });
    expect(reopenedWarnings([review({}), later]).size).toBe(0);
    expect(reopenedWarnings([review({ is_current: false })]).size).toBe(0);
    expect(reopenedWarnings([review({ warning_id: null })]).size).toBe(0);
  });

  it('reopens, for a fix naming the problem rather than a warning, the latest complaint warning about it raised by the fix', () => {
    const warning = (id: string, values: Partial<Warning>) =>
      [id, { id, kind: 'spike', hospital: 'h', department: '骨科', category: 'quality', location: null, keywords: ['术后', '感染'], period_start: '2025-02-03', ...values } as Warning] as const;
    const published = new Map([
      warning('W-A', { keywords: ['跌倒'], period_start: '2025-01-06' }),
      warning('W-B', { period_start: '2025-02-24' }),
      // raised after the fix: not what it fixed
      warning('W-C', { period_start: '2025-03-17' }),
      warning('W-D', { hospital: 'another', period_start: '2025-03-03' }),
      warning('W-E', { category: 'cost', period_start: '2025-03-03' }),
      // a serious single event is no count a fix brings down
      warning('W-F', { kind: 'sentinel', period_start: '2025-03-03' }),
    ]);
    const byProblem = (values: Partial<FixReviewRow>) => [...reopenedWarnings([review({ warning_id: null, ...values })], published).keys()];
    expect(byProblem({})).toEqual(['W-B']);
    expect(byProblem({ category: null, keywords: ['跌倒'] })).toEqual(['W-A']);
    expect(byProblem({ category: null, location: '7病区' })).toEqual([]);
    expect(byProblem({ departments: ['眼科'], department: '眼科' })).toEqual([]);
    // a fix that worked reopens nothing; the latest fix about a warning decides, by id or by problem
    expect(byProblem({ verdict: 'fell', reopens: false })).toEqual([]);
    expect(reopenedWarnings([review({ warning_id: 'W-B', fixed_on: '2025-03-01' }), review({ warning_id: null, verdict: 'fell', reopens: false })], published).size).toBe(0);
  });
});
