import type { Copy } from '../../pipeline/languages.ts';

/** What warning-chart.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'chart.week': 'Week',
  'chart.warning.title': '{cell}: complaints per week',
  'chart.warning.description': 'Complaints per week from {from} to {to} (bars), the count the detector expected (line) and the bound above which it alarms (dashed), each judged on the weeks before it. The week of {week}: {observed} against {expected} expected.',
  'chart.bound': 'Alarm bound',
} as const;

export const warningChartCopy = {
  en,
  zh: {
    'chart.week': '周',
    'chart.warning.title': '{cell}：每周投诉',
    'chart.warning.description': '{from} 至 {to} 每周的投诉数（柱），检测方法的期望值（实线）和报警界限（虚线），均仅依据此前各周计算。{week} 这一周：{observed}，期望 {expected}。',
    'chart.bound': '报警界限',
  },
  vi: {
    'chart.week': 'Tuần',
    'chart.warning.title': '{cell}: khiếu nại mỗi tuần',
    'chart.warning.description': 'Số khiếu nại mỗi tuần từ {from} đến {to} (cột), số dự kiến của phương pháp phát hiện (đường) và ngưỡng cảnh báo (đứt nét), mỗi giá trị chỉ tính từ các tuần trước đó. Tuần {week}: {observed} so với {expected} dự kiến.',
    'chart.bound': 'Ngưỡng cảnh báo',
  },
} as const satisfies Copy<keyof typeof en>;
