import type { Copy } from '../languages.ts';

/** What command.ts (`hearken detect`) says to people, per language; DuckDB's own reason is kept as it says it. */
const en = {
  'detect.inputFolder': '{path} is a folder: detect reads one CSV file of series, period, count',
  'detect.inputMissing': '{path} does not exist: detect reads one CSV file of series, period, count',
  'detect.noColumn': '{path} has no {columns} column (the input is series, period, count)',
  'detect.unreadable': 'cannot read {path}: {reason}',
  'detect.notUtf8': '{path} is not UTF-8 (Excel saves CSV as GBK or cp1252): save it as "CSV UTF-8" and run again',
  'detect.unknownMethod': 'unknown method: {method} (use {methods})',
} as const;

export const detectCommandCopy = {
  en,
  zh: {
    'detect.inputFolder': '{path} 是文件夹：detect 读取一个 CSV 文件，列为 series、period、count',
    'detect.inputMissing': '{path} 不存在：detect 读取一个 CSV 文件，列为 series、period、count',
    'detect.noColumn': '{path} 没有 {columns} 列（输入的列为 series、period、count）',
    'detect.unreadable': '无法读取 {path}：{reason}',
    'detect.notUtf8': '{path} 不是 UTF-8 编码（Excel 会把 CSV 存为 GBK 或 cp1252）：请另存为“CSV UTF-8”后再运行',
    'detect.unknownMethod': '未知的方法：{method}（可用 {methods}）',
  },
  vi: {
    'detect.inputFolder': '{path} là một thư mục: detect đọc một tệp CSV gồm các cột series, period, count',
    'detect.inputMissing': '{path} không tồn tại: detect đọc một tệp CSV gồm các cột series, period, count',
    'detect.noColumn': '{path} thiếu cột {columns} (dữ liệu vào gồm series, period, count)',
    'detect.unreadable': 'không đọc được {path}: {reason}',
    'detect.notUtf8': '{path} không phải UTF-8 (Excel lưu CSV dạng GBK hoặc cp1252): hãy lưu lại dạng "CSV UTF-8" rồi chạy lại',
    'detect.unknownMethod': 'phương pháp không xác định: {method} (dùng {methods})',
  },
} as const satisfies Copy<keyof typeof en>;
