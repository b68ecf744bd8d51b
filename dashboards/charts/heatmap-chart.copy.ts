import type { Copy } from '../../pipeline/languages.ts';

/** What heatmap-chart.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'chart.heatmap.title': '{month}: complaints by department and category against their usual level',
  'chart.heatmap.description': 'Each cell is one department’s complaints of one category in {month} over its expected level, the mean of the 12 months before (observed / expected; darker orange is further above, purple below). At least twice the usual and 3 or more: {high}.',
  'chart.heatmap.observed': 'Complaints',
  'chart.heatmap.expected': 'Expected (12-month mean)',
  'chart.heatmap.ratio': 'Observed / expected',
  'chart.heatmap.category': 'Category',
  'chart.heatmap.newCell': 'new',
} as const;

export const heatmapChartCopy = {
  en,
  zh: {
    'chart.heatmap.title': '{month}：各科室各类别投诉与常态水平之比',
    'chart.heatmap.description': '每格为一个科室某一类别在 {month} 的投诉数与其预期水平（前 12 个月的月均数）之比（实际/预期；橙色越深越高于常态，紫色为低于常态）。达到常态两倍且不少于 3 件：{high}。',
    'chart.heatmap.observed': '投诉数',
    'chart.heatmap.expected': '预期（前 12 个月月均）',
    'chart.heatmap.ratio': '实际/预期',
    'chart.heatmap.category': '类别',
    'chart.heatmap.newCell': '新出现',
  },
  vi: {
    'chart.heatmap.title': '{month}: khiếu nại theo khoa và nhóm so với mức thường lệ',
    'chart.heatmap.description': 'Mỗi ô là số khiếu nại của một khoa thuộc một nhóm trong {month} so với mức kỳ vọng, trung bình 12 tháng trước (thực tế / kỳ vọng; cam càng đậm càng cao hơn, tím là thấp hơn). Từ gấp đôi mức thường lệ và từ 3 khiếu nại trở lên: {high}.',
    'chart.heatmap.observed': 'Khiếu nại',
    'chart.heatmap.expected': 'Kỳ vọng (trung bình 12 tháng)',
    'chart.heatmap.ratio': 'Thực tế / kỳ vọng',
    'chart.heatmap.category': 'Nhóm',
    'chart.heatmap.newCell': 'mới',
  },
} as const satisfies Copy<keyof typeof en>;
