import type { Language } from '../config.ts';
import { t, type MessageKey } from '../i18n.ts';

/**
 * The words for the rules a satisfaction series is judged by, keyed by the code the marts write:
 * the XmR special causes (NHSRplotthedots' names, mart_satisfaction_spc) and the funnel's limit
 * (mart_satisfaction_drop), so no page or warning shows a code in English to a reader of another language.
 */
export const RULE_WORDS: Readonly<Record<string, MessageKey>> = {
  'Above UCL': 'leadership.spc.aboveUpper',
  'Below LCL': 'leadership.spc.belowLower',
  '7 Point Trend (Increasing)': 'leadership.spc.trendUp',
  '7 Point Trend (Decreasing)': 'leadership.spc.trendDown',
  '2 in 3 Above CL': 'leadership.spc.twoInThreeAbove',
  '2 in 3 Below CL': 'leadership.spc.twoInThreeBelow',
  '7 Points Above CL': 'leadership.spc.runAbove',
  '7 Points Below CL': 'leadership.spc.runBelow',
  'Common Cause': 'leadership.spc.common',
  'below the lower 99.8% limit': 'leadership.funnel.below998',
};

/**
 * A rule's code in the reader's words; a code without words is shown as written.
 *
 * @example ruleText('zh', 'Below LCL') // '低于控制下限'
 */
export function ruleText(language: Language, rule: string): string {
  const key = RULE_WORDS[rule];
  return key === undefined ? rule : t(language, key);
}
