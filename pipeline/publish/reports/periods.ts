import { addDays } from '../../time.ts';

/** The daily bulletins kept: the as-of date and the days before it, at most this many in all. */
export const DAILY_BULLETIN_DAYS = 90;

/** A period a report covers: its name in file names (2025-06-13, 2025-W24, 2025-06) and its first and last day. */
export interface ReportPeriod {
  label: string;
  start: string;
  end: string;
}

/** Every report a run publishes: the days, the ISO weeks that have ended and the months that have ended. */
export interface ReportPeriods {
  days: ReportPeriod[];
  weeks: ReportPeriod[];
  months: ReportPeriod[];
}

/**
 * The ISO 8601 week of a date, as YYYY-Www: weeks start on Monday, and week 1 is the one holding
 * the year's first Thursday, so 2024-12-30 falls in 2025-W01.
 *
 * @example isoWeekLabel('2025-06-13') // '2025-W24'
 */
export function isoWeekLabel(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of a date's ISO week. */
function weekStart(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The last day of a month YYYY-MM. */
function monthEnd(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

/** The month YYYY-MM moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1 + months, 1)).toISOString().slice(0, 7);
}

/**
 * The periods the warehouse can report, from the day of its first record to the as-of date: each
 * day (the last DAILY_BULLETIN_DAYS of them), each ISO week whose Sunday is on or before the as-of
 * date, each month whose last day is. Oldest first; empty without data (firstDay null) or when
 * the first record comes after the as-of date.
 *
 * @example reportPeriods('2025-06-02', '2025-05-30').weeks // [{ label: '2025-W22', start: '2025-05-26', end: '2025-06-01' }]
 */
export function reportPeriods(asOf: string, firstDay: string | null): ReportPeriods {
  if (firstDay === null || firstDay > asOf) return { days: [], weeks: [], months: [] };
  const firstBulletin = [firstDay, addDays(asOf, 1 - DAILY_BULLETIN_DAYS)].reduce((a, b) => (a > b ? a : b));
  const days: ReportPeriod[] = [];
  for (let day = firstBulletin; day <= asOf; day = addDays(day, 1)) days.push({ label: day, start: day, end: day });
  const weeks: ReportPeriod[] = [];
  for (let start = weekStart(firstDay); addDays(start, 6) <= asOf; start = addDays(start, 7)) {
    weeks.push({ label: isoWeekLabel(start), start, end: addDays(start, 6) });
  }
  const months: ReportPeriod[] = [];
  for (let month = firstDay.slice(0, 7); monthEnd(month) <= asOf; month = addMonths(month, 1)) {
    months.push({ label: month, start: `${month}-01`, end: monthEnd(month) });
  }
  return { days, weeks, months };
}
