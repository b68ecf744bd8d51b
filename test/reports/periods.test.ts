import { describe, expect, it } from 'vitest';
import { addMonths, DAILY_BULLETIN_DAYS, isoWeekLabel, reportPeriods } from '../../pipeline/publish/reports/periods.ts';

describe('isoWeekLabel', () => {
  // ISO 8601 weeks, checked against Python: date(2024, 12, 30).isocalendar() = (2025, 1, 1),
  // date(2021, 1, 3).isocalendar() = (2020, 53, 7), date(2025, 6, 13).isocalendar() = (2025, 24, 5)
  it.each([
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2025-06-13', '2025-W24'],
    ['2026-12-31', '2026-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekLabel(date)).toBe(week);
  });
});

describe('addMonths', () => {
  it('crosses years both ways', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-03', -12)).toBe('2024-03');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
  });
});

describe('reportPeriods', () => {
  it('reports nothing without data, or with data only after the as-of date', () => {
    expect(reportPeriods('2025-06-13', null)).toEqual({ days: [], weeks: [], months: [] });
    expect(reportPeriods('2025-06-13', '2025-06-14')).toEqual({ days: [], weeks: [], months: [] });
  });

  it('takes a week as ended on its Sunday and a month on its last day', () => {
    const periods = reportPeriods('2025-06-01', '2025-05-26');
    expect(periods.weeks).toEqual([{ label: '2025-W22', start: '2025-05-26', end: '2025-06-01' }]);
    expect(periods.months).toEqual([{ label: '2025-05', start: '2025-05-01', end: '2025-05-31' }]);
    expect(reportPeriods('2025-05-30', '2025-05-26').months).toEqual([]);
    expect(reportPeriods('2025-05-31', '2025-05-26').months).toEqual([{ label: '2025-05', start: '2025-05-01', end: '2025-05-31' }]);
    expect(reportPeriods('2025-05-31', '2025-05-26').weeks).toEqual([]);
  });

  it('starts the first week on the Monday before the first record, across a year end', () => {
    const periods = reportPeriods('2025-01-12', '2025-01-01');
    expect(periods.weeks.map((week) => [week.label, week.start, week.end])).toEqual([
      ['2025-W01', '2024-12-30', '2025-01-05'],
      ['2025-W02', '2025-01-06', '2025-01-12'],
    ]);
  });

  it('keeps every week and month since the first record, but only the last 90 days', () => {
    const periods = reportPeriods('2025-06-13', '2023-01-01');
    expect(periods.days).toHaveLength(DAILY_BULLETIN_DAYS);
    expect(periods.days[0]).toEqual({ label: '2025-03-16', start: '2025-03-16', end: '2025-03-16' });
    expect(periods.days.at(-1)?.label).toBe('2025-06-13');
    expect(periods.months).toHaveLength(29); // 2023-01 .. 2025-05
    expect(periods.months[1]).toEqual({ label: '2023-02', start: '2023-02-01', end: '2023-02-28' });
    expect(periods.weeks[0]).toEqual({ label: '2022-W52', start: '2022-12-26', end: '2023-01-01' });
    expect(periods.weeks.at(-1)).toEqual({ label: '2025-W23', start: '2025-06-02', end: '2025-06-08' });
  });
});
