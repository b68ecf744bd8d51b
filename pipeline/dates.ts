import type { Language } from './config.ts';

/**
 * Dates as people of each language write them (zh 2026年11月30日, vi 30/11/2026, en 30 Nov 2026),
 * for text people read; data files and machine-read attributes keep ISO 8601. The locales are
 * formatNumber's, so a page's dates and numbers agree.
 */
const LOCALES: Record<Language, string> = { zh: 'zh-CN', vi: 'vi-VN', en: 'en-GB' };

const DAY: Record<Language, Intl.DateTimeFormatOptions> = {
  zh: { year: 'numeric', month: 'long', day: 'numeric' },
  vi: { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { day: 'numeric', month: 'short', year: 'numeric' },
};

// vi has none: Intl writes "tháng 11, 2026", and the copy says "tháng {month}" itself, so formatMonth writes 11/2026
const MONTH: Record<Exclude<Language, 'vi'>, Intl.DateTimeFormatOptions> = {
  zh: { year: 'numeric', month: 'long' },
  en: { year: 'numeric', month: 'short' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language, kind and zone, as making one is slow. */
function formatter(language: Language, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${kind}:${options.timeZone ?? ''}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[language], options);
    formats.set(key, format);
  }
  return format;
}

/**
 * A calendar date (YYYY-MM-DD, a hospital's day: no zone to convert) as the language writes it;
 * anything else is returned as it is.
 *
 * @example formatDate('zh', '2026-11-30') // '2026年11月30日'
 * @example formatDate('vi', '2026-11-30') // '30/11/2026'
 * @example formatDate('en', '2026-11-30') // '30 Nov 2026'
 */
export function formatDate(language: Language, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return formatter(language, 'day', { ...DAY[language], timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * A month (YYYY-MM) as the language writes it; anything else is returned as it is.
 *
 * @example formatMonth('zh', '2026-11') // '2026年11月'
 * @example formatMonth('vi', '2026-11') // '11/2026' (the copy writes "tháng 11/2026")
 * @example formatMonth('en', '2026-11') // 'Nov 2026'
 */
export function formatMonth(language: Language, month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  if (language === 'vi') return `${month.slice(5)}/${month.slice(0, 4)}`;
  return formatter(language, 'month', { ...MONTH[language], timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * An instant (ISO 8601 with its offset, as run summaries write generated_at) as the language
 * writes a date and time in `timeZone` (the hospital's), with the zone's offset, so a page read in
 * another zone is not misread. Without a zone, the wall-clock time as written and its offset.
 *
 * @example formatInstant('zh', '2026-12-06T20:17:00+08:00', 'Asia/Shanghai') // '2026年12月6日 20:17 (GMT+8)'
 * @example formatInstant('en', '2026-12-06T20:17:00+08:00') // '6 Dec 2026, 20:17 (+08:00)'
 */
export function formatInstant(language: Language, instant: string, timeZone?: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  const clock: Intl.DateTimeFormatOptions = { ...DAY[language], hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (timeZone !== undefined) {
    const offset = formatter(language, 'offset', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(time)
      .find((part) => part.type === 'timeZoneName')?.value;
    return `${formatter(language, 'instant', { ...clock, timeZone }).format(time)} (${offset ?? timeZone})`;
  }
  // the wall clock the string was written in: its digits read as UTC
  const written = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(instant);
  if (written === null) return instant;
  const wall = Date.parse(`${written[1]}T${written[2]}:00Z`);
  return `${formatter(language, 'instant', { ...clock, timeZone: 'UTC' }).format(wall)} (${written[3] === undefined || written[3] === 'Z' ? 'UTC' : written[3]})`;
}
