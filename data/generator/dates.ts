/**
 * Calendar arithmetic on plain integers, free of time zones and locales.
 *
 * A day is the number of days since 1970-01-01; a stamp is seconds since 1970-01-01 00:00 in
 * hospital-local wall-clock time. Conversions follow Howard Hinnant's `days_from_civil`
 * (http://howardhinnant.github.io/date_algorithms.html).
 *
 * @example
 * isoDate(dayOf('2025-01-29')) // '2025-01-29'
 */

export const SECONDS_PER_DAY = 86_400;

export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  y: number;
  m: number;
  d: number;
}

export function civilFromDay(day: number): Civil {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** Day number of a `YYYY-MM-DD` string. */
export function dayOf(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`dayOf requires YYYY-MM-DD, got ${iso}`);
  return dayFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** 0 = Monday .. 6 = Sunday. */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Day of year, 1-based. */
export function dayOfYear(day: number): number {
  const { y } = civilFromDay(day);
  return day - dayFromCivil(y, 1, 1) + 1;
}

export function pad(n: number, width = 2): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

export function isoDate(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function dayOfStamp(stamp: number): number {
  return Math.floor(stamp / SECONDS_PER_DAY);
}

export function stampOf(day: number, hour: number, minute: number, second = 0): number {
  return day * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

/** `YYYY-MM-DD HH:MM:SS` (or without seconds). */
export function formatStamp(stamp: number, seconds = true): string {
  const day = dayOfStamp(stamp);
  const rest = stamp - day * SECONDS_PER_DAY;
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  const ss = rest % 60;
  return `${isoDate(day)} ${pad(hh)}:${pad(mm)}${seconds ? `:${pad(ss)}` : ''}`;
}

/** A JS Date whose UTC fields equal the local wall-clock time (what spreadsheets store). */
export function wallClockDate(stamp: number): Date {
  return new Date(stamp * 1000);
}

/** Last Sunday of a month, as a day number. */
function lastSunday(y: number, m: number): number {
  const firstNext = m === 12 ? dayFromCivil(y + 1, 1, 1) : dayFromCivil(y, m + 1, 1);
  const last = firstNext - 1;
  return last - ((weekday(last) + 1) % 7);
}

/** UK offset from UTC in minutes (BST from the last Sunday of March to the last Sunday of October). */
export function ukOffsetMinutes(stamp: number): number {
  const day = dayOfStamp(stamp);
  const { y } = civilFromDay(day);
  const start = lastSunday(y, 3) * SECONDS_PER_DAY + 3600;
  const end = lastSunday(y, 10) * SECONDS_PER_DAY + 7200;
  return stamp >= start && stamp < end ? 60 : 0;
}

/** ISO 8601 with the UK offset: `2025-06-04T10:22:00+01:00`. */
export function formatUkIso(stamp: number): string {
  const off = ukOffsetMinutes(stamp);
  return `${formatStamp(stamp).replace(' ', 'T')}+${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}
