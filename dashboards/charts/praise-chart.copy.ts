import type { Copy } from '../../pipeline/languages.ts';

/** What praise-chart.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'chart.praise.title': '{scope}: praise by month',
  'chart.praise.description': 'Praise received each month from {from} to {to}: {total} in all, {latest} in {last}.',
  'chart.praise': 'Praise',
} as const;

export const praiseChartCopy = {
  en,
  zh: {
    'chart.praise.title': '{scope}：逐月表扬',
    'chart.praise.description': '{from} 至 {to} 每月收到的表扬：合计 {total} 件，{last} 为 {latest} 件。',
    'chart.praise': '表扬',
  },
  vi: {
    'chart.praise.title': '{scope}: lời khen theo tháng',
    'chart.praise.description': 'Số lời khen nhận được mỗi tháng từ {from} đến {to}: tổng cộng {total}, {latest} trong {last}.',
    'chart.praise': 'Lời khen',
  },
} as const satisfies Copy<keyof typeof en>;
