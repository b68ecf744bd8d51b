import type { Copy } from '../languages.ts';

/**
 * Why a whole file was not read as records, per language: on the terminal and the run report in
 * the reader's language, in run-summary.json in English (its `error`). Column, mapping and
 * extension names are the file's or the contract's and stay as written.
 */
const en = {
  'rejection.empty': 'the file is empty',
  'rejection.notATable': 'not a table',
  'rejection.xls': 'old Excel .xls files are not supported; save the sheet as .xlsx',
  'rejection.xlsm': 'macro-enabled .xlsm files are not supported; save the sheet as .xlsx',
  'rejection.ods': 'OpenDocument .ods files are not supported; save the sheet as .xlsx or .csv',
  'rejection.bothKinds': 'the file has both received_at (feedback) and submitted_at (survey) columns; split it or add a column mapping',
  'rejection.noKind': 'no received_at (feedback) or submitted_at (survey) column; add a column mapping for files of this shape',
  'rejection.notFeedbackColumn': 'mapping {mapping}: {column} is not a feedback column of the contract',
  'rejection.notSurveyColumn': 'mapping {mapping}: {column} is not a survey column of the contract',
  'rejection.missingColumn': 'missing required column: {columns}',
  'rejection.missingColumns': 'missing required columns: {columns}',
  'rejection.noAnswerColumn': 'a survey file needs at least one q_<code> answer column',
  'rejection.mappingNoColumn': 'mapping {mapping}: the file has no column {column}',
} as const;

export const fileRejectionCopy = {
  en,
  zh: {
    'rejection.empty': '文件是空的',
    'rejection.notATable': '不是表格',
    'rejection.xls': '不支持旧版 Excel .xls 文件；请将工作表另存为 .xlsx',
    'rejection.xlsm': '不支持启用宏的 .xlsm 文件；请将工作表另存为 .xlsx',
    'rejection.ods': '不支持 OpenDocument .ods 文件；请将工作表另存为 .xlsx 或 .csv',
    'rejection.bothKinds': '文件同时有 received_at（投诉反馈）和 submitted_at（满意度调查）列；请拆分文件或添加列映射',
    'rejection.noKind': '没有 received_at（投诉反馈）或 submitted_at（满意度调查）列；请为这种格式的文件添加列映射',
    'rejection.notFeedbackColumn': '映射 {mapping}：{column} 不是约定中的投诉反馈列',
    'rejection.notSurveyColumn': '映射 {mapping}：{column} 不是约定中的满意度调查列',
    'rejection.missingColumn': '缺少必需的列：{columns}',
    'rejection.missingColumns': '缺少必需的列：{columns}',
    'rejection.noAnswerColumn': '满意度调查文件至少需要一个 q_<代码> 答题列',
    'rejection.mappingNoColumn': '映射 {mapping}：文件中没有 {column} 列',
  },
  vi: {
    'rejection.empty': 'tệp trống',
    'rejection.notATable': 'không phải bảng',
    'rejection.xls': 'không hỗ trợ tệp Excel cũ .xls; hãy lưu trang tính thành .xlsx',
    'rejection.xlsm': 'không hỗ trợ tệp .xlsm có macro; hãy lưu trang tính thành .xlsx',
    'rejection.ods': 'không hỗ trợ tệp OpenDocument .ods; hãy lưu trang tính thành .xlsx hoặc .csv',
    'rejection.bothKinds': 'tệp có cả cột received_at (phản hồi) và submitted_at (khảo sát); hãy tách tệp hoặc thêm ánh xạ cột',
    'rejection.noKind': 'không có cột received_at (phản hồi) hay submitted_at (khảo sát); hãy thêm ánh xạ cột cho tệp dạng này',
    'rejection.notFeedbackColumn': 'ánh xạ {mapping}: {column} không phải cột phản hồi của hợp đồng dữ liệu',
    'rejection.notSurveyColumn': 'ánh xạ {mapping}: {column} không phải cột khảo sát của hợp đồng dữ liệu',
    'rejection.missingColumn': 'thiếu cột bắt buộc: {columns}',
    'rejection.missingColumns': 'thiếu các cột bắt buộc: {columns}',
    'rejection.noAnswerColumn': 'tệp khảo sát cần ít nhất một cột câu trả lời q_<mã>',
    'rejection.mappingNoColumn': 'ánh xạ {mapping}: tệp không có cột {column}',
  },
} as const satisfies Copy<keyof typeof en>;
