import type { Copy } from './languages.ts';

/** What backtest.ts says to people about dates and settings they must fix, per language; why a setting cannot be evaluated is worded in detect/planted-evaluation.copy.ts. */
const en = {
  'backtest.notDate': '--{name} must be a date YYYY-MM-DD, not {value}',
  'backtest.fromAfterTo': '--from {from} is after --to {to}',
  'backtest.noMonday': 'no Monday between {from} and {to}',
  'backtest.evaluateSetting': '--evaluate: {reason}',
} as const;

export const backtestCopy = {
  en,
  zh: {
    'backtest.notDate': '--{name} 必须是 YYYY-MM-DD 格式的日期，而不是 {value}',
    'backtest.fromAfterTo': '--from {from} 晚于 --to {to}',
    'backtest.noMonday': '{from} 与 {to} 之间没有星期一',
    'backtest.evaluateSetting': '--evaluate 的设置不可用：{reason}',
  },
  vi: {
    'backtest.notDate': '--{name} phải là ngày dạng YYYY-MM-DD, không phải {value}',
    'backtest.fromAfterTo': '--from {from} muộn hơn --to {to}',
    'backtest.noMonday': 'không có thứ Hai nào từ {from} đến {to}',
    'backtest.evaluateSetting': 'thiết lập của --evaluate không dùng được: {reason}',
  },
} as const satisfies Copy<keyof typeof en>;
