import type { Copy } from '../languages.ts';

/** What category-lexicon.ts says to people about a lexicon file or line it cannot use, per language; the categories are codes and stay as written. */
const en = {
  'lexicon.name': 'category lexicon',
  'lexicon.unknownCategory': '{source} line {line}: unknown category: {category} (use {categories}, then a tab and the phrase)',
  'lexicon.noPhrase': '{source} line {line}: no phrase after the category',
  'lexicon.unreadable': 'the category lexicon {source} cannot be read ({reason})',
  'lexicon.notUtf8': 'the category lexicon {source} is not UTF-8: save it as UTF-8 and run again',
} as const;

export const categoryLexiconCopy = {
  en,
  zh: {
    'lexicon.name': '类别词典',
    'lexicon.unknownCategory': '{source} 第 {line} 行：未知的类别：{category}（请用 {categories}，再接一个制表符和短语）',
    'lexicon.noPhrase': '{source} 第 {line} 行：类别后面没有短语',
    'lexicon.unreadable': '无法读取类别词典 {source}（{reason}）',
    'lexicon.notUtf8': '类别词典 {source} 不是 UTF-8 编码：请另存为 UTF-8 后再运行',
  },
  vi: {
    'lexicon.name': 'từ điển phân loại',
    'lexicon.unknownCategory': '{source} dòng {line}: loại không xác định: {category} (dùng {categories}, rồi một dấu tab và cụm từ)',
    'lexicon.noPhrase': '{source} dòng {line}: không có cụm từ sau loại',
    'lexicon.unreadable': 'không đọc được từ điển phân loại {source} ({reason})',
    'lexicon.notUtf8': 'từ điển phân loại {source} không phải UTF-8: hãy lưu lại dạng UTF-8 rồi chạy lại',
  },
} as const satisfies Copy<keyof typeof en>;
