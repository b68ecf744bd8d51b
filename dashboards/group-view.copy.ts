import type { Copy } from '../pipeline/languages.ts';

/** What group-view.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'group.title': 'Hospitals side by side',
  'group.intro': 'One row per hospital, {month} (the latest complete month); each hospital counted on its own, never added up with the others.',
  'group.hospital': 'Hospital',
  'group.complaints': 'Complaints',
  'group.previous': 'previous month {count}',
  'group.openOverdue': 'Open (overdue)',
  'group.warnings': 'Open warnings (high / medium / low)',
  'group.index': 'Satisfaction index',
  'group.perVisits': 'Complaints per 1,000 visits',
  'group.issues': 'issues',
  'group.leadership': 'index and rates',
  'group.departments': 'departments',
} as const;

export const groupViewCopy = {
  en,
  zh: {
    'group.title': '各医院对比',
    'group.intro': '每家医院一行，{month}（最近一个完整月份）；各医院分别统计，从不相加。',
    'group.hospital': '医院',
    'group.complaints': '投诉',
    'group.previous': '上月 {count}',
    'group.openOverdue': '未办结（超期）',
    'group.warnings': '未关闭预警（高 / 中 / 低）',
    'group.index': '满意度指数',
    'group.perVisits': '每千人次就诊投诉数',
    'group.issues': '高频事项',
    'group.leadership': '指数与三率',
    'group.departments': '科室',
  },
  vi: {
    'group.title': 'Các bệnh viện so sánh',
    'group.intro': 'Mỗi bệnh viện một dòng, {month} (tháng đầy đủ gần nhất); mỗi bệnh viện tính riêng, không bao giờ cộng gộp.',
    'group.hospital': 'Bệnh viện',
    'group.complaints': 'Khiếu nại',
    'group.previous': 'tháng trước {count}',
    'group.openOverdue': 'Đang mở (quá hạn)',
    'group.warnings': 'Cảnh báo đang mở (cao / trung bình / thấp)',
    'group.index': 'Chỉ số hài lòng',
    'group.perVisits': 'Khiếu nại trên 1.000 lượt khám',
    'group.issues': 'vấn đề',
    'group.leadership': 'chỉ số và tỷ lệ',
    'group.departments': 'khoa',
  },
} as const satisfies Copy<keyof typeof en>;
