/**
 * Public holidays, weekday patterns and seasonal curves of the three sample countries.
 *
 * Holiday dates are the official ones (China: State Council notices; Viet Nam: the labour code
 * schedule announced each year; England: gov.uk bank holidays). Factors multiply a department's
 * smooth daily rate; "acute" departments (emergency, fever clinic) barely dip on holidays.
 */
import { civilFromDay, dayFromCivil, dayOf, dayOfYear, weekday } from './dates.ts';

export type Country = 'cn' | 'vn' | 'uk';

export interface Holiday {
  name: string;
  start: string;
  end: string;
  /** Spring Festival, Tết, Christmas: long closures followed by a rebound. */
  major: boolean;
}

export const HOLIDAYS: Record<Country, readonly Holiday[]> = {
  cn: [
    { name: '元旦', start: '2024-01-01', end: '2024-01-01', major: false },
    { name: '春节', start: '2024-02-10', end: '2024-02-17', major: true },
    { name: '清明节', start: '2024-04-04', end: '2024-04-06', major: false },
    { name: '劳动节', start: '2024-05-01', end: '2024-05-05', major: false },
    { name: '端午节', start: '2024-06-10', end: '2024-06-10', major: false },
    { name: '中秋节', start: '2024-09-15', end: '2024-09-17', major: false },
    { name: '国庆节', start: '2024-10-01', end: '2024-10-07', major: true },
    { name: '元旦', start: '2025-01-01', end: '2025-01-01', major: false },
    { name: '春节', start: '2025-01-28', end: '2025-02-04', major: true },
    { name: '清明节', start: '2025-04-04', end: '2025-04-06', major: false },
    { name: '劳动节', start: '2025-05-01', end: '2025-05-05', major: false },
    { name: '端午节', start: '2025-05-31', end: '2025-06-02', major: false },
    { name: '国庆节、中秋节', start: '2025-10-01', end: '2025-10-08', major: true },
    { name: '元旦', start: '2026-01-01', end: '2026-01-03', major: false },
    { name: '春节', start: '2026-02-15', end: '2026-02-23', major: true },
    { name: '清明节', start: '2026-04-04', end: '2026-04-06', major: false },
    { name: '劳动节', start: '2026-05-01', end: '2026-05-05', major: false },
    { name: '端午节', start: '2026-06-19', end: '2026-06-21', major: false },
    { name: '中秋节', start: '2026-09-25', end: '2026-09-27', major: false },
    { name: '国庆节', start: '2026-10-01', end: '2026-10-07', major: true },
  ],
  vn: [
    { name: 'Tết Dương lịch', start: '2024-01-01', end: '2024-01-01', major: false },
    { name: 'Tết Nguyên đán', start: '2024-02-08', end: '2024-02-14', major: true },
    { name: 'Giỗ Tổ Hùng Vương', start: '2024-04-18', end: '2024-04-18', major: false },
    { name: '30/4 - 1/5', start: '2024-04-27', end: '2024-05-01', major: false },
    { name: 'Quốc khánh 2/9', start: '2024-08-31', end: '2024-09-03', major: false },
    { name: 'Tết Dương lịch', start: '2025-01-01', end: '2025-01-01', major: false },
    { name: 'Tết Nguyên đán', start: '2025-01-25', end: '2025-02-02', major: true },
    { name: 'Giỗ Tổ Hùng Vương', start: '2025-04-07', end: '2025-04-07', major: false },
    { name: '30/4 - 1/5', start: '2025-04-30', end: '2025-05-04', major: false },
    { name: 'Quốc khánh 2/9', start: '2025-08-30', end: '2025-09-02', major: false },
    { name: 'Tết Dương lịch', start: '2026-01-01', end: '2026-01-01', major: false },
    { name: 'Tết Nguyên đán', start: '2026-02-14', end: '2026-02-22', major: true },
    { name: 'Giỗ Tổ Hùng Vương', start: '2026-04-26', end: '2026-04-27', major: false },
    { name: '30/4 - 1/5', start: '2026-04-30', end: '2026-05-03', major: false },
    { name: 'Quốc khánh 2/9', start: '2026-08-29', end: '2026-09-02', major: false },
  ],
  uk: [
    { name: "New Year's Day", start: '2024-01-01', end: '2024-01-01', major: false },
    { name: 'Easter', start: '2024-03-29', end: '2024-04-01', major: false },
    { name: 'Early May bank holiday', start: '2024-05-06', end: '2024-05-06', major: false },
    { name: 'Spring bank holiday', start: '2024-05-27', end: '2024-05-27', major: false },
    { name: 'Summer bank holiday', start: '2024-08-26', end: '2024-08-26', major: false },
    { name: 'Christmas', start: '2024-12-24', end: '2025-01-01', major: true },
    { name: 'Easter', start: '2025-04-18', end: '2025-04-21', major: false },
    { name: 'Early May bank holiday', start: '2025-05-05', end: '2025-05-05', major: false },
    { name: 'Spring bank holiday', start: '2025-05-26', end: '2025-05-26', major: false },
    { name: 'Summer bank holiday', start: '2025-08-25', end: '2025-08-25', major: false },
    { name: 'Christmas', start: '2025-12-24', end: '2026-01-01', major: true },
    { name: 'Easter', start: '2026-04-03', end: '2026-04-06', major: false },
    { name: 'Early May bank holiday', start: '2026-05-04', end: '2026-05-04', major: false },
    { name: 'Spring bank holiday', start: '2026-05-25', end: '2026-05-25', major: false },
    { name: 'Summer bank holiday', start: '2026-08-31', end: '2026-08-31', major: false },
  ],
};

const defaults = {
  /** Multiplier inside a major closure (non-acute / acute departments). */
  majorDip: 0.35,
  majorDipAcute: 0.9,
  minorDip: 0.6,
  minorDipAcute: 1.0,
  /** Post-holiday catch-up: extra share on the first day, falling linearly to 0. */
  reboundMajor: { days: 10, extra: 0.45 },
  reboundMinor: { days: 3, extra: 0.2 },
};

interface Span {
  start: number;
  end: number;
  holiday: Holiday;
}

const spans: Record<Country, Span[]> = {
  cn: toSpans(HOLIDAYS.cn),
  vn: toSpans(HOLIDAYS.vn),
  uk: toSpans(HOLIDAYS.uk),
};

function toSpans(list: readonly Holiday[]): Span[] {
  return list.map((holiday) => ({ start: dayOf(holiday.start), end: dayOf(holiday.end), holiday }));
}

export function holidayOn(country: Country, day: number): Holiday | undefined {
  return spans[country].find((s) => day >= s.start && day <= s.end)?.holiday;
}

/** Holiday dip or post-holiday rebound for a day; 1 on ordinary days. */
export function holidayFactor(country: Country, day: number, acute: boolean): number {
  for (const s of spans[country]) {
    if (day >= s.start && day <= s.end) {
      if (s.holiday.major) return acute ? defaults.majorDipAcute : defaults.majorDip;
      return acute ? defaults.minorDipAcute : defaults.minorDip;
    }
    const rebound = s.holiday.major ? defaults.reboundMajor : defaults.reboundMinor;
    const after = day - s.end;
    if (after >= 1 && after <= rebound.days) {
      const extra = rebound.extra * (1 - (after - 1) / rebound.days);
      return 1 + (acute ? extra / 3 : extra);
    }
  }
  return 1;
}

const weekdayShape: Record<Country, { normal: number[]; acute: number[] }> = {
  cn: { normal: [1.4, 1.18, 1.1, 1.05, 1.0, 0.7, 0.57], acute: [1.08, 1.0, 0.98, 0.98, 1.0, 0.98, 0.98] },
  vn: { normal: [1.38, 1.15, 1.1, 1.05, 1.0, 0.77, 0.55], acute: [1.06, 1.0, 1.0, 0.98, 1.0, 0.98, 0.98] },
  uk: { normal: [1.38, 1.2, 1.12, 1.08, 1.0, 0.62, 0.6], acute: [1.1, 1.0, 0.97, 0.97, 1.0, 0.98, 0.98] },
};

/** Weekday pattern normalised to a weekly mean of 1 (Monday peak, weekends low). */
export function weekdayFactor(country: Country, day: number, acute: boolean): number {
  const shape = acute ? weekdayShape[country].acute : weekdayShape[country].normal;
  let sum = 0;
  for (const v of shape) sum += v;
  return ((shape[weekday(day)] ?? 1) * 7) / sum;
}

/** Winter respiratory season strength by the year in which the winter starts. */
const winterAmplitude: Record<number, number> = { 2023: 1.0, 2024: 1.15, 2025: 0.9, 2026: 1.0 };

/**
 * Smooth winter curve in 0..1: peak in mid-January, half height around 1 December and 1 March,
 * zero from mid-April to mid-October.
 */
export function winterBump(day: number): number {
  const { y, m } = civilFromDay(day);
  const seasonYear = m >= 7 ? y : y - 1;
  const peak = dayFromCivil(seasonYear + 1, 1, 15);
  const phase = Math.cos((2 * Math.PI * (day - peak)) / 365.25);
  const base = phase > 0 ? phase * phase : 0;
  return base * (winterAmplitude[seasonYear] ?? 1);
}

/** Dengue season in northern Viet Nam: rises in July, peaks in late September, gone by December. */
export function dengueBump(day: number): number {
  const t = dayOfYear(day);
  const peak = 268;
  const width = 38;
  return Math.exp(-((t - peak) * (t - peak)) / (2 * width * width));
}

/** Summer dip in elective activity (school holidays, staff leave). */
export function summerDip(day: number): number {
  const t = dayOfYear(day);
  return 1 - 0.08 * Math.exp(-((t - 215) * (t - 215)) / (2 * 20 * 20));
}
