import { addDays } from '../time.ts';

/**
 * The day a period of `days` working days from `date` ends, counted as complaint deadlines are
 * (int_complaint_deadlines, data/reference/README.md): the day itself is not counted, so the count
 * starts on the next working day; 0 days ends on `date` when it is a working day, else on the next
 * one. `workingDays` are the calendar's working days, ascending (YYYY-MM-DD, int_working_days);
 * past their end, Monday to Friday count.
 *
 * @example workingDayDue('2025-03-02', 1, ['2025-02-28', '2025-03-03', '2025-03-04']) // '2025-03-03' (a Sunday, then Monday)
 */
export function workingDayDue(date: string, days: number, workingDays: readonly string[]): string {
  let remaining = Math.max(days, isWorkingDay(date, workingDays) ? 0 : 1);
  let day = date;
  while (remaining > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, workingDays)) remaining -= 1;
  }
  return day;
}

function isWorkingDay(day: string, workingDays: readonly string[]): boolean {
  const last = workingDays.at(-1);
  if (last === undefined || day > last) return isWeekday(day);
  return binarySearch(workingDays, day);
}

function isWeekday(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function binarySearch(sorted: readonly string[], value: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = sorted[middle]!;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
