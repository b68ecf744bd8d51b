import type { Copy } from '../pipeline/languages.ts';

/** What praise-section.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'praise.title': 'Recognition: praise from patients',
  'praise.intro': '{total} {total:compliment|compliments} in the 12 months to {month}. What patients praise most, and some of their words (names, numbers and addresses removed).',
  'praise.themes': 'What patients praise',
  'praise.quotes': 'In their words',
  'praise.none': 'No praise recorded in the 12 months to {month}.',
} as const;

export const praiseSectionCopy = {
  en,
  zh: {
    'praise.title': '表扬与认可',
    'praise.intro': '截至 {month} 的 12 个月内共收到表扬 {total} 件。患者最常表扬的方面及部分原话（已去除姓名、号码和地址）。',
    'praise.themes': '患者表扬的方面',
    'praise.quotes': '患者原话',
    'praise.none': '截至 {month} 的 12 个月内没有表扬记录。',
  },
  vi: {
    'praise.title': 'Ghi nhận: lời khen của người bệnh',
    'praise.intro': '{total} lời khen trong 12 tháng đến {month}. Điều người bệnh khen nhiều nhất và một số lời của họ (đã xoá tên, số điện thoại và địa chỉ).',
    'praise.themes': 'Người bệnh khen điều gì',
    'praise.quotes': 'Lời người bệnh',
    'praise.none': 'Không có lời khen nào trong 12 tháng đến {month}.',
  },
} as const satisfies Copy<keyof typeof en>;
