import type { Copy } from './languages.ts';

/**
 * What config.ts says to people about a settings file or option they must fix, per language
 * (wording several places share is in pipeline/i18n.ts). `{what}` is settings.configFile or
 * settings.mappingFile; `{ or [` is not a placeholder (fillTemplate fills `{name}` and `{name:forms}` only).
 */
const en = {
  'settings.configFile': 'config file',
  'settings.mappingFile': 'mapping file',
  'settings.missing': '{what} {path} does not exist',
  'settings.notFile': '{what} {path} is not a file',
  'settings.tooLarge': '{what} {path} is too large to be a settings file',
  'settings.unreadable': '{what} {path} cannot be read',
  'settings.empty': '{what} {path} is empty',
  'settings.notJsonAt': '{what} {path} is not valid JSON (line {line}, column {column})',
  'settings.notJsonStart': '{what} {path} is not valid JSON (it does not start with { or [)',
  'settings.notJson': '{what} {path} is not valid JSON',
  'config.unknownLanguage': 'unknown language: {language} (use en, zh or vi)',
  'config.unknownTimeZone': 'unknown time zone: {zone}',
  'config.asOf': '--as-of must be a date YYYY-MM-DD, not {given}',
  'config.asOfFuture': '--as-of {given} is after today ({today}); give a day up to today',
  'config.wait': '--wait must be a number of seconds, not {given}',
} as const;

export const configCopy = {
  en,
  zh: {
    'settings.configFile': '配置文件',
    'settings.mappingFile': '列映射文件',
    'settings.missing': '{what} {path} 不存在',
    'settings.notFile': '{what} {path} 不是文件',
    'settings.tooLarge': '{what} {path} 太大，不像是设置文件',
    'settings.unreadable': '无法读取{what} {path}',
    'settings.empty': '{what} {path} 是空的',
    'settings.notJsonAt': '{what} {path} 不是有效的 JSON（第 {line} 行，第 {column} 列）',
    'settings.notJsonStart': '{what} {path} 不是有效的 JSON（开头不是 { 或 [）',
    'settings.notJson': '{what} {path} 不是有效的 JSON',
    'config.unknownLanguage': '未知的语言：{language}（可用 en、zh 或 vi）',
    'config.unknownTimeZone': '未知的时区：{zone}',
    'config.asOf': '--as-of 必须是 YYYY-MM-DD 格式的日期，而不是 {given}',
    'config.asOfFuture': '--as-of {given} 晚于今天（{today}）；请给出不晚于今天的日期',
    'config.wait': '--wait 必须是秒数，而不是 {given}',
  },
  vi: {
    'settings.configFile': 'tệp cấu hình',
    'settings.mappingFile': 'tệp ánh xạ cột',
    'settings.missing': '{what} {path} không tồn tại',
    'settings.notFile': '{what} {path} không phải là tệp',
    'settings.tooLarge': '{what} {path} quá lớn để là tệp thiết lập',
    'settings.unreadable': 'không đọc được {what} {path}',
    'settings.empty': '{what} {path} đang trống',
    'settings.notJsonAt': '{what} {path} không phải JSON hợp lệ (dòng {line}, cột {column})',
    'settings.notJsonStart': '{what} {path} không phải JSON hợp lệ (không bắt đầu bằng { hoặc [)',
    'settings.notJson': '{what} {path} không phải JSON hợp lệ',
    'config.unknownLanguage': 'ngôn ngữ không xác định: {language} (dùng en, zh hoặc vi)',
    'config.unknownTimeZone': 'múi giờ không xác định: {zone}',
    'config.asOf': '--as-of phải là ngày dạng YYYY-MM-DD, không phải {given}',
    'config.asOfFuture': '--as-of {given} ở sau hôm nay ({today}); hãy đưa một ngày không muộn hơn hôm nay',
    'config.wait': '--wait phải là số giây, không phải {given}',
  },
} as const satisfies Copy<keyof typeof en>;
