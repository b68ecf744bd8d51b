import type { Copy } from '../languages.ts';

/** What planted-truth.ts says to people about a planted-truth file they must fix, per language. */
const en = {
  'truth.notJson': '--truth {path}: is not valid JSON',
  'truth.unreadable': '--truth {path}: cannot be read',
  'truth.invalid': '--truth {path}: {detail}',
  'truth.date': 'a date YYYY-MM-DD',
} as const;

export const plantedTruthCopy = {
  en,
  zh: {
    'truth.notJson': '--truth {path}：不是有效的 JSON',
    'truth.unreadable': '--truth {path}：无法读取',
    'truth.invalid': '--truth {path}：{detail}',
    'truth.date': '应为 YYYY-MM-DD 格式的日期',
  },
  vi: {
    'truth.notJson': '--truth {path}: không phải JSON hợp lệ',
    'truth.unreadable': '--truth {path}: không đọc được',
    'truth.invalid': '--truth {path}: {detail}',
    'truth.date': 'cần một ngày dạng YYYY-MM-DD',
  },
} as const satisfies Copy<keyof typeof en>;
