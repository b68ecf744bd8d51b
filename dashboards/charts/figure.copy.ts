import type { Copy } from '../../pipeline/languages.ts';

/** What figure.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'chart.numbers': 'The numbers behind the chart',
  'chart.none': 'none',
  'chart.monthsMore': '{count} {count:month|months}, the latest {months}',
} as const;

export const figureCopy = {
  en,
  zh: {
    'chart.numbers': '图表数据',
    'chart.none': '无',
    'chart.monthsMore': '{count} 个月，最近为 {months}',
  },
  vi: {
    'chart.numbers': 'Số liệu của biểu đồ',
    'chart.none': 'không có',
    'chart.monthsMore': '{count} tháng, gần nhất là {months}',
  },
} as const satisfies Copy<keyof typeof en>;
