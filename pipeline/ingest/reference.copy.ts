import type { Copy } from '../languages.ts';

/** What reference.ts says to people about a reference table they must fix, per language; the file names, rows and values are kept as written. */
const en = {
  'reference.none': 'no {file} in {dirs}',
  'reference.responseLimit': 'response_limits.csv: {channel}: needs a response_limit from 0 to 3650 in hours or working_days, not {limit} {unit}',
  'reference.visits': 'visits.csv: {hospital} {month}: needs a hospital, a month as YYYY-MM and a whole number of visits above 0, not {visits}',
  'reference.slaDays': 'complaint_sla.csv: {category}: sla_days is not a number of days from 0 to 3650: {days}',
} as const;

export const referenceCopy = {
  en,
  zh: {
    'reference.none': '{dirs} 中没有 {file}',
    'reference.responseLimit': 'response_limits.csv：{channel}：response_limit 须为 0 到 3650，单位为 hours 或 working_days，而不是 {limit} {unit}',
    'reference.visits': 'visits.csv：{hospital} {month}：须有医院、YYYY-MM 格式的月份和大于 0 的整数就诊人次，而不是 {visits}',
    'reference.slaDays': 'complaint_sla.csv：{category}：sla_days 不是 0 到 3650 之间的天数：{days}',
  },
  vi: {
    'reference.none': 'không có {file} trong {dirs}',
    'reference.responseLimit': 'response_limits.csv: {channel}: response_limit phải từ 0 đến 3650, đơn vị hours hoặc working_days, không phải {limit} {unit}',
    'reference.visits': 'visits.csv: {hospital} {month}: cần bệnh viện, tháng dạng YYYY-MM và số lượt khám là số nguyên lớn hơn 0, không phải {visits}',
    'reference.slaDays': 'complaint_sla.csv: {category}: sla_days không phải số ngày từ 0 đến 3650: {days}',
  },
} as const satisfies Copy<keyof typeof en>;
