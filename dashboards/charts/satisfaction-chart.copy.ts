import type { Copy } from '../../pipeline/languages.ts';

/** What satisfaction-chart.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'chart.mean': 'Mean',
  'chart.satisfaction.title': '{scope}: satisfaction index by month',
  'chart.satisfaction.description': 'The satisfaction index of each month from {from} to {to} (line; {latest} in {to}) with its 95% interval (shaded), on the XmR control chart the pipeline computed: the mean (thin line) and the process limits (dashed). Special causes, improvement: {improvement}; concern: {concern}.',
} as const;

export const satisfactionChartCopy = {
  en,
  zh: {
    'chart.mean': '均值',
    'chart.satisfaction.title': '{scope}：逐月满意度指数',
    'chart.satisfaction.description': '{from} 至 {to} 每月的满意度指数（折线；{to} 为 {latest}）及其 95% 区间（阴影），绘于系统计算的 XmR 控制图上：均值（细线）和控制限（虚线）。特殊原因变异，改进：{improvement}；需要关注：{concern}。',
  },
  vi: {
    'chart.mean': 'Trung bình',
    'chart.satisfaction.title': '{scope}: chỉ số hài lòng theo tháng',
    'chart.satisfaction.description': 'Chỉ số hài lòng của từng tháng từ {from} đến {to} (đường; {latest} trong {to}) kèm khoảng 95% (vùng tô), trên biểu đồ kiểm soát XmR do hệ thống tính: giá trị trung bình (đường mảnh) và các giới hạn kiểm soát (đứt nét). Nguyên nhân đặc biệt, cải thiện: {improvement}; cần lưu ý: {concern}.',
  },
} as const satisfies Copy<keyof typeof en>;
