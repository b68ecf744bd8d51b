// Invariants of the shipped holiday calendars, data/reference/holidays.csv (see its README for the
// sources of each year).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const path = fileURLToPath(new URL('../../data/reference/holidays.csv', import.meta.url));
const text = readFileSync(path, 'utf8');
const [header, ...lines] = text.trimEnd().split('\n');
const rows = lines.map((line) => {
  const [calendar = '', date = '', kind = '', name = '', ...rest] = line.split(',');
  return { line, calendar, date, kind, name, extra: rest.length };
});

const YEARS = ['2024', '2025', '2026'];
const CALENDARS = ['CN', 'VN'];

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

describe('holidays.csv', () => {
  it('has the documented columns, in NFC, with four fields on every row', () => {
    expect(header).toBe('calendar,date,kind,name');
    expect(text.normalize('NFC')).toBe(text);
    expect(rows.filter((row) => row.extra > 0 || row.name.trim() === '').map((row) => row.line)).toEqual([]);
  });

  it('has real dates YYYY-MM-DD and kinds holiday or workday', () => {
    for (const row of rows) {
      expect(row.date, row.line).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${row.date}T00:00:00Z`).toISOString().slice(0, 10), row.line).toBe(row.date);
      expect(['holiday', 'workday'], row.line).toContain(row.kind);
    }
  });

  it('holds CN and VN for each of 2024, 2025 and 2026, holidays and adjusted working days alike', () => {
    for (const calendar of CALENDARS) {
      for (const year of YEARS) {
        const ofYear = rows.filter((row) => row.calendar === calendar && row.date.startsWith(year));
        expect(ofYear.some((row) => row.kind === 'holiday'), `${calendar} ${year}`).toBe(true);
        expect(ofYear.some((row) => row.kind === 'workday'), `${calendar} ${year}`).toBe(true);
      }
    }
  });

  it('lists each date once per calendar, in order', () => {
    const keys = rows.map((row) => `${row.calendar} ${row.date}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const calendar of CALENDARS) {
      const dates = rows.filter((row) => row.calendar === calendar).map((row) => row.date);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('puts adjusted working days (调休, làm bù) on Saturdays and Sundays only', () => {
    expect(rows.filter((row) => row.kind === 'workday' && !isWeekend(row.date)).map((row) => row.line)).toEqual([]);
  });

  // Days taken off Monday to Friday, less the weekend days worked in exchange, are the statutory
  // holidays of the year: China 11 days until 2024, 13 from 2025 (全国年节及纪念日放假办法 as revised
  // in November 2024: one more day each for 春节 and 劳动节); Viet Nam 11 days (Labour Code 2019,
  // art. 112), where the government's swaps net to zero and a holiday on a Sunday moves to Monday
  // (art. 111(3)). A day missing from or added to a notice's period breaks this count.
  it.each([
    ['CN', '2024', 11],
    ['CN', '2025', 13],
    ['CN', '2026', 13],
    ['VN', '2024', 11],
    ['VN', '2025', 11],
    ['VN', '2026', 11],
  ])('%s %s: weekday days off less weekend working days = %i statutory days', (calendar, year, statutory) => {
    const ofYear = rows.filter((row) => row.calendar === calendar && row.date.startsWith(year));
    const weekdaysOff = ofYear.filter((row) => row.kind === 'holiday' && !isWeekend(row.date)).length;
    const weekendsWorked = ofYear.filter((row) => row.kind === 'workday').length;
    expect(weekdaysOff - weekendsWorked).toBe(statutory);
  });

  // The State Council notices give each period's length ("共N天"); these are their totals per year.
  it.each([
    ['2024', 28, 8],
    ['2025', 28, 5],
    ['2026', 33, 6],
  ])('CN %s: %i days off in the notice\'s periods and %i adjusted working days', (year, daysOff, workdays) => {
    const ofYear = rows.filter((row) => row.calendar === 'CN' && row.date.startsWith(year));
    expect(ofYear.filter((row) => row.kind === 'holiday')).toHaveLength(daysOff);
    expect(ofYear.filter((row) => row.kind === 'workday')).toHaveLength(workdays);
  });
});
