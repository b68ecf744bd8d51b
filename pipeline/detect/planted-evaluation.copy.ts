import type { Copy } from '../languages.ts';

/**
 * Why planted-evaluation.ts cannot use a setting or a series, per language (`--evaluate` tells it
 * after its own words in backtest.copy.ts). Setting and method names are codes and stay as written.
 */
const en = {
  'planted.sizes': 'sizes must be numbers > 0, got [{sizes}]',
  'planted.wholeNumber': '{setting} must be a whole number >= {min}, got {value}',
  'planted.share': 'share must be between 0 and 1, got {value}',
  'planted.spread': 'spread needs a finite meanlog and sdlog > 0',
  'planted.unknownMethod': 'unknown method: {method} (use {methods})',
  'planted.wrongParameter': '{method} takes {expected}, not {given}',
  'planted.takesNoSetting': '{method} takes no setting, not {given}',
  'planted.outOfRange': '{method}: {parameter} {value} is out of range',
  'planted.noValue': '{method}: value {value} is out of range (it takes no setting)',
  'planted.cellTwice': 'cell {cell} is given twice',
  'planted.badCount': 'cell {cell}, week {week}: count must be a whole number >= 0, not {count}',
} as const;

export const plantedEvaluationCopy = {
  en,
  zh: {
    'planted.sizes': 'sizes 须为大于 0 的数，而不是 [{sizes}]',
    'planted.wholeNumber': '{setting} 须为 ≥ {min} 的整数，而不是 {value}',
    'planted.share': 'share 须在 0 与 1 之间，而不是 {value}',
    'planted.spread': 'spread 需要有限的 meanlog 和大于 0 的 sdlog',
    'planted.unknownMethod': '未知的方法：{method}（可用 {methods}）',
    'planted.wrongParameter': '{method} 的参数是 {expected}，而不是 {given}',
    'planted.takesNoSetting': '{method} 没有参数，不接受 {given}',
    'planted.outOfRange': '{method}：{parameter} {value} 超出范围',
    'planted.noValue': '{method}：取值 {value} 超出范围（它没有参数）',
    'planted.cellTwice': '单元 {cell} 出现了两次',
    'planted.badCount': '单元 {cell} 第 {week} 周：count 须为 ≥ 0 的整数，而不是 {count}',
  },
  vi: {
    'planted.sizes': 'sizes phải là các số > 0, không phải [{sizes}]',
    'planted.wholeNumber': '{setting} phải là số nguyên ≥ {min}, không phải {value}',
    'planted.share': 'share phải nằm trong khoảng 0 đến 1, không phải {value}',
    'planted.spread': 'spread cần meanlog hữu hạn và sdlog > 0',
    'planted.unknownMethod': 'phương pháp không xác định: {method} (dùng {methods})',
    'planted.wrongParameter': '{method} nhận tham số {expected}, không phải {given}',
    'planted.takesNoSetting': '{method} không có tham số, không nhận {given}',
    'planted.outOfRange': '{method}: {parameter} {value} nằm ngoài khoảng cho phép',
    'planted.noValue': '{method}: giá trị {value} nằm ngoài khoảng cho phép (phương pháp này không có tham số)',
    'planted.cellTwice': 'ô {cell} xuất hiện hai lần',
    'planted.badCount': 'ô {cell}, tuần {week}: count phải là số nguyên ≥ 0, không phải {count}',
  },
} as const satisfies Copy<keyof typeof en>;
