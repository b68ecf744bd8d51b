import type { Copy } from './languages.ts';

/** What calendar.ts says to people about holidays.csv and the calendars configured, per language; `holidays.<code>` words stg_holidays' problem codes. */
const en = {
  'holidays.row': 'holidays.csv: {calendar} {date}: {problem}',
  'holidays.calendar_empty': 'calendar is empty',
  'holidays.date_invalid': 'date is not a date YYYY-MM-DD',
  'holidays.kind_invalid': 'kind is not holiday or workday',
  'holidays.holiday_and_workday': 'listed both as a holiday and as a workday',
  'calendar.unknown': 'unknown calendar: {calendar} (holidays.csv has {known}; or use none)',
} as const;

export const calendarCopy = {
  en,
  zh: {
    'holidays.row': 'holidays.csv：{calendar} {date}：{problem}',
    'holidays.calendar_empty': 'calendar 为空',
    'holidays.date_invalid': 'date 不是 YYYY-MM-DD 格式的日期',
    'holidays.kind_invalid': 'kind 既不是 holiday 也不是 workday',
    'holidays.holiday_and_workday': '同一天既列为假日又列为调休工作日',
    'calendar.unknown': '未知的日历：{calendar}（holidays.csv 中有 {known}；或用 none）',
  },
  vi: {
    'holidays.row': 'holidays.csv: {calendar} {date}: {problem}',
    'holidays.calendar_empty': 'calendar đang trống',
    'holidays.date_invalid': 'date không phải ngày dạng YYYY-MM-DD',
    'holidays.kind_invalid': 'kind không phải holiday hay workday',
    'holidays.holiday_and_workday': 'vừa được ghi là ngày nghỉ lễ vừa là ngày làm bù',
    'calendar.unknown': 'lịch không xác định: {calendar} (holidays.csv có {known}; hoặc dùng none)',
  },
} as const satisfies Copy<keyof typeof en>;
