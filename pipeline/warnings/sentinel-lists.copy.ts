import type { Copy } from '../languages.ts';

/** What sentinel-lists.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'sentinel.notJson': 'sentinel list {path} is not valid JSON',
  'sentinel.invalid': 'sentinel list {path}: {detail}',
  'sentinel.classCode': 'a class is a lower-case code such as fall',
  'sentinel.class': 'class {eventClass}',
  'sentinel.notRegex': 'sentinel list {list}: {what} entry {entry} ({pattern}) is not a regular expression: {reason}',
} as const;

export const sentinelListsCopy = {
  en,
  zh: {
    'sentinel.notJson': '严重事件词表 {path} 不是有效的 JSON',
    'sentinel.invalid': '严重事件词表 {path}：{detail}',
    'sentinel.classCode': '事件类别须为小写代码，如 fall',
    'sentinel.class': '类别 {eventClass}',
    'sentinel.notRegex': '严重事件词表 {list}：{what} 第 {entry} 条（{pattern}）不是有效的正则表达式：{reason}',
  },
  vi: {
    'sentinel.notJson': 'danh sách sự cố nghiêm trọng {path} không phải JSON hợp lệ',
    'sentinel.invalid': 'danh sách sự cố nghiêm trọng {path}: {detail}',
    'sentinel.classCode': 'loại sự cố là một mã chữ thường, ví dụ fall',
    'sentinel.class': 'loại {eventClass}',
    'sentinel.notRegex': 'danh sách sự cố nghiêm trọng {list}: {what} mục {entry} ({pattern}) không phải biểu thức chính quy: {reason}',
  },
} as const satisfies Copy<keyof typeof en>;
