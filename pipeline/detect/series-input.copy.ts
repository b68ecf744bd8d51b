import type { Copy } from '../languages.ts';

/** What series-input.ts says to people about a count series it cannot use, per language. */
const en = {
  'series.badCount': 'series {series}, period {period}: count must be a whole number ≥ 0, not {count}',
  'series.badPeriod': 'series {series}: period {period} is not an integer, a date or an ISO week',
  'series.mixedPeriods': 'series {series}: periods mix an index, dates and ISO weeks',
  'series.periodTwice': 'series {series}: a period is given twice',
} as const;

export const seriesInputCopy = {
  en,
  zh: {
    'series.badCount': '序列 {series}，时期 {period}：count 须为 ≥ 0 的整数，而不是 {count}',
    'series.badPeriod': '序列 {series}：时期 {period} 既不是整数，也不是日期或 ISO 周',
    'series.mixedPeriods': '序列 {series}：时期混用了序号、日期和 ISO 周',
    'series.periodTwice': '序列 {series}：同一时期出现了两次',
  },
  vi: {
    'series.badCount': 'chuỗi {series}, kỳ {period}: count phải là số nguyên ≥ 0, không phải {count}',
    'series.badPeriod': 'chuỗi {series}: kỳ {period} không phải số nguyên, ngày hay tuần ISO',
    'series.mixedPeriods': 'chuỗi {series}: các kỳ trộn lẫn số thứ tự, ngày và tuần ISO',
    'series.periodTwice': 'chuỗi {series}: một kỳ xuất hiện hai lần',
  },
} as const satisfies Copy<keyof typeof en>;
