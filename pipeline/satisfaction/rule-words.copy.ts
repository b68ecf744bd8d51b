import type { Copy } from '../languages.ts';

/** What rule-words.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'leadership.spc.aboveUpper': 'above the upper limit',
  'leadership.spc.belowLower': 'below the lower limit',
  'leadership.spc.trendUp': 'rising 7 months in a row',
  'leadership.spc.trendDown': 'falling 7 months in a row',
  'leadership.spc.common': 'no special cause',
} as const;

export const ruleWordsCopy = {
  en,
  zh: {
    'leadership.spc.aboveUpper': '高于控制上限',
    'leadership.spc.belowLower': '低于控制下限',
    'leadership.spc.trendUp': '连续 7 个月上升',
    'leadership.spc.trendDown': '连续 7 个月下降',
    'leadership.spc.common': '无特殊原因变异',
  },
  vi: {
    'leadership.spc.aboveUpper': 'trên giới hạn trên',
    'leadership.spc.belowLower': 'dưới giới hạn dưới',
    'leadership.spc.trendUp': 'tăng liên tục 7 tháng',
    'leadership.spc.trendDown': 'giảm liên tục 7 tháng',
    'leadership.spc.common': 'không có nguyên nhân đặc biệt',
  },
} as const satisfies Copy<keyof typeof en>;
