import type { Copy } from '../../pipeline/languages.ts';

/** What complaints-chart.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'chart.byCategory.title': '{scope}: complaints by category and month',
  'chart.byCategory.description': 'Complaints received each month from {from} to {to}, stacked by category. In all: {totals}.',
  'chart.byDepartment.title': 'Complaints by month in the {top} {top:department|departments} with the most',
  'chart.byDepartment.description': 'Complaints received each month from {from} to {to} in the {top} {top:department|departments} with the most complaints, stacked by department. In all: {totals}.',
  'chart.byChannel.title': '{scope}: complaints by channel and month',
  'chart.byChannel.description': 'Complaints received each month from {from} to {to}, stacked by channel, social media by platform. In all: {totals}.',
} as const;

export const complaintsChartCopy = {
  en,
  zh: {
    'chart.byCategory.title': '{scope}：按类别和月份的投诉',
    'chart.byCategory.description': '{from} 至 {to} 每月受理的投诉，按类别堆叠。合计：{totals}。',
    'chart.byDepartment.title': '投诉最多的 {top} 个科室逐月投诉',
    'chart.byDepartment.description': '{from} 至 {to} 投诉最多的 {top} 个科室每月受理的投诉，按科室堆叠。合计：{totals}。',
    'chart.byChannel.title': '{scope}：按渠道和月份的投诉',
    'chart.byChannel.description': '{from} 至 {to} 每月受理的投诉，按渠道堆叠，社交媒体按平台分列。合计：{totals}。',
  },
  vi: {
    'chart.byCategory.title': '{scope}: khiếu nại theo nhóm và theo tháng',
    'chart.byCategory.description': 'Số khiếu nại tiếp nhận mỗi tháng từ {from} đến {to}, xếp chồng theo nhóm. Tổng cộng: {totals}.',
    'chart.byDepartment.title': 'Khiếu nại theo tháng của {top} khoa nhiều khiếu nại nhất',
    'chart.byDepartment.description': 'Số khiếu nại tiếp nhận mỗi tháng từ {from} đến {to} của {top} khoa nhiều khiếu nại nhất, xếp chồng theo khoa. Tổng cộng: {totals}.',
    'chart.byChannel.title': '{scope}: khiếu nại theo kênh và theo tháng',
    'chart.byChannel.description': 'Số khiếu nại tiếp nhận mỗi tháng từ {from} đến {to}, xếp chồng theo kênh, mạng xã hội theo từng nền tảng. Tổng cộng: {totals}.',
  },
} as const satisfies Copy<keyof typeof en>;
