import type { Copy } from '../../pipeline/languages.ts';

/** What funnel-chart.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'chart.funnel.title': 'Departments on a funnel plot, {month}',
  'chart.funnel.description': 'The satisfaction index of {count} {count:department|departments} against their effective sample size, around the centre {target}, with the 95% and 99.8% limits the pipeline computed at each department’s size. Below the limits: {below}. Above the limits: {above}.',
  'chart.funnel.x': 'Effective sample size',
  'chart.funnel.effectiveN': 'Effective sample size',
  'chart.funnel.z': 'z (the one judged)',
  'chart.funnel.position': 'Position',
} as const;

export const funnelChartCopy = {
  en,
  zh: {
    'chart.funnel.title': '科室漏斗图，{month}',
    'chart.funnel.description': '{count} 个科室的满意度指数与其有效样本量，中心为 {target}，95% 和 99.8% 控制限由系统按各科室的样本量计算。低于控制限：{below}。高于控制限：{above}。',
    'chart.funnel.x': '有效样本量',
    'chart.funnel.effectiveN': '有效样本量',
    'chart.funnel.z': 'z（判定所用）',
    'chart.funnel.position': '位置',
  },
  vi: {
    'chart.funnel.title': 'Biểu đồ phễu các khoa, {month}',
    'chart.funnel.description': 'Chỉ số hài lòng của {count} khoa theo cỡ mẫu hiệu dụng, quanh tâm {target}, với giới hạn 95% và 99,8% do hệ thống tính theo cỡ mẫu của từng khoa. Dưới giới hạn: {below}. Trên giới hạn: {above}.',
    'chart.funnel.x': 'Cỡ mẫu hiệu dụng',
    'chart.funnel.effectiveN': 'Cỡ mẫu hiệu dụng',
    'chart.funnel.z': 'z (dùng để đánh giá)',
    'chart.funnel.position': 'Vị trí',
  },
} as const satisfies Copy<keyof typeof en>;
