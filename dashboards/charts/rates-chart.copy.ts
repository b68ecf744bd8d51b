import type { Copy } from '../../pipeline/languages.ts';

/** What rates-chart.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'chart.rates.title': '{scope}: complaint handling rates by month',
  'chart.rates.description': 'Complaint handling rates by month from {from} to {to}, in percent. In {to}: {latest}.',
  'chart.rates.axis': 'Rate (%)',
} as const;

export const ratesChartCopy = {
  en,
  zh: {
    'chart.rates.title': '{scope}：逐月投诉处理率',
    'chart.rates.description': '{from} 至 {to} 逐月的投诉处理率（%）。{to}：{latest}。',
    'chart.rates.axis': '比率（%）',
  },
  vi: {
    'chart.rates.title': '{scope}: các tỷ lệ xử lý khiếu nại theo tháng',
    'chart.rates.description': 'Các tỷ lệ xử lý khiếu nại theo tháng từ {from} đến {to}, tính theo %. Tháng {to}: {latest}.',
    'chart.rates.axis': 'Tỷ lệ (%)',
  },
} as const satisfies Copy<keyof typeof en>;
