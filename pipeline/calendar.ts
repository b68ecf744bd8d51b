import type { DuckDBConnection } from '@duckdb/node-api';
import picomatch from 'picomatch';
import { timeZoneOf, type Config } from './config.ts';
import { queryRows } from './db.ts';
import type { StepModels } from './plan.ts';
import { EXIT_USAGE, PipelineError } from './errors.ts';
import { t } from './i18n.ts';

/** The calendar with no holidays: Monday to Friday are working days. */
export const NO_CALENDAR = 'none';

/**
 * The holiday calendar a time zone implies when the config names none. Only zones whose country
 * has one national calendar: Hong Kong, Macau and Taipei keep their own holidays, not the
 * mainland's, so they fall back to weekends only.
 */
const calendarOfZone: Readonly<Record<string, string>> = {
  'Asia/Shanghai': 'CN',
  'Asia/Chongqing': 'CN',
  'Asia/Chungking': 'CN',
  'Asia/Harbin': 'CN',
  'Asia/Urumqi': 'CN',
  'Asia/Kashgar': 'CN',
  PRC: 'CN',
  'Asia/Ho_Chi_Minh': 'VN',
  'Asia/Saigon': 'VN',
};

/**
 * The holiday calendar of an input file (path relative to the input folder): the first
 * `calendars` glob that matches, else `calendar`, else the one its time zone implies, else `none`.
 *
 * @example calendarOf('vn/sonnam.xlsx', config) // 'VN' when vn/** is in Asia/Ho_Chi_Minh
 */
export function calendarOf(relativePath: string, config: Config): string {
  const byPath = config.calendarsByPath.find(({ glob }) => picomatch(glob, { dot: true })(relativePath));
  if (byPath) return byPath.calendar;
  return config.calendar ?? calendarOfZone[timeZoneOf(relativePath, config)] ?? NO_CALENDAR;
}

/**
 * Readies the working-day calendars for the marts: stages holidays.csv (refusing a row that
 * cannot be used, or a configured calendar it does not hold) and writes the temp table
 * `file_calendar` (file_id → calendar) for every file the warehouse has read.
 */
export async function prepareCalendars(connection: DuckDBConnection, config: Config, models: StepModels): Promise<void> {
  await models.run('staging/stg_holidays');
  const [bad] = await queryRows<{ calendar: string | null; date_raw: string | null; problem: 'calendar_empty' | 'date_invalid' | 'kind_invalid' | 'holiday_and_workday' }>(
    connection,
    'select calendar, date_raw, problem from stg_holidays where problem is not null order by all limit 1',
  );
  if (bad) throw new PipelineError('reference', t(config.language, 'holidays.row', { calendar: bad.calendar ?? '', date: bad.date_raw ?? '', problem: t(config.language, `holidays.${bad.problem}`) }));

  const known = (await queryRows<{ calendar: string }>(connection, 'select distinct calendar from stg_holidays order by 1')).map(
    (row) => row.calendar,
  );
  const configured = [config.calendar, ...config.calendarsByPath.map((entry) => entry.calendar)];
  for (const calendar of configured) {
    if (calendar !== null && calendar !== NO_CALENDAR && !known.includes(calendar)) {
      throw new PipelineError('config', t(config.language, 'calendar.unknown', { calendar, known: known.join(', ') }), EXIT_USAGE);
    }
  }

  const files = await queryRows<{ file_id: number; path: string }>(connection, 'select file_id, path from ingested_files');
  await models.run('intermediate/file_calendar');
  const appender = await connection.createAppender('file_calendar', 'main', 'temp');
  for (const file of files) {
    appender.appendInteger(file.file_id);
    appender.appendVarchar(calendarOf(file.path, config));
    appender.endRow();
  }
  appender.closeSync();
}
