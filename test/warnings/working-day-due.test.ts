import { describe, expect, it } from 'vitest';
import { workingDayDue } from '../../pipeline/warnings/working-day-due.ts';

// CN working days around 端午节 2025 (Sat 31 May .. Mon 2 Jun off), worked by hand from holidays.csv
const CN = Object.freeze(['2025-05-29', '2025-05-30', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06', '2025-06-09']);

describe('workingDayDue', () => {
  it('skips weekends and holidays, the start day not counted', () => {
    expect(workingDayDue('2025-05-30', 1, CN)).toBe('2025-06-03');
    expect(workingDayDue('2025-05-30', 3, CN)).toBe('2025-06-05');
    // from a Sunday (a detector's as-of date) one working day is Tuesday here, as Monday is a holiday
    expect(workingDayDue('2025-06-01', 1, CN)).toBe('2025-06-03');
  });

  it('ends 0 days on the day itself, or the next working day after a day off', () => {
    expect(workingDayDue('2025-06-04', 0, CN)).toBe('2025-06-04');
    expect(workingDayDue('2025-05-31', 0, CN)).toBe('2025-06-03');
  });

  it('counts Monday to Friday past the end of the calendar', () => {
    // Fri 6 Jun + 3: Mon 9 (listed), then Tue 10 and Wed 11 beyond the list
    expect(workingDayDue('2025-06-06', 3, CN)).toBe('2025-06-11');
  });
});
