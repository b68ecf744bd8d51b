import type { Copy } from '../../pipeline/languages.ts';

/** What sections-chart.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'chart.sections.title': '{scope}: satisfaction by section and patient type',
  'chart.sections.description': 'The satisfaction index of each section by month from {from} to {to}, one panel per section and patient type, with its 95% interval and its process limits (held from a baseline, recalculated only at a sustained shift). Special causes of concern: {concern}. Improvements: {improvement}.',
  'chart.section': 'Section',
  'chart.patientType': 'Patients',
} as const;

export const sectionsChartCopy = {
  en,
  zh: {
    'chart.sections.title': '{scope}：按部分和患者类型的满意度',
    'chart.sections.description': '{from} 至 {to} 各部分满意度指数的逐月变化，每个部分和患者类型一格，附 95% 区间和过程控制限（按基线期计算并保持，仅在持续偏移时重新计算）。需关注的特殊原因变异：{concern}。改善：{improvement}。',
    'chart.section': '部分',
    'chart.patientType': '患者',
  },
  vi: {
    'chart.sections.title': '{scope}: sự hài lòng theo phần và đối tượng người bệnh',
    'chart.sections.description': 'Chỉ số hài lòng của từng phần theo tháng từ {from} đến {to}, mỗi phần và đối tượng người bệnh một ô, kèm khoảng tin cậy 95% và giới hạn kiểm soát (tính trên giai đoạn cơ sở, chỉ tính lại khi có dịch chuyển bền vững). Nguyên nhân đặc biệt cần lưu ý: {concern}. Cải thiện: {improvement}.',
    'chart.section': 'Phần',
    'chart.patientType': 'Người bệnh',
  },
} as const satisfies Copy<keyof typeof en>;
