import type { Copy } from '../languages.ts';

/** What fix-words.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'fix.warning': 'warning {id}',
  'fix.detail': '{before} {before:complaint|complaints} in the {beforeDays} {beforeDays:day|days} before {fixed}; {after} in the {afterDays} {afterDays:day|days} from {afterStart} (the first {wait} {wait:day after the fix is|days after the fix are} not counted); rate ratio after/before {ratio}, 95% interval {low}–{high}',
  'fix.detailTooSoon': '{before} {before:complaint|complaints} in the {beforeDays} {beforeDays:day|days} before {fixed}; complaints are counted from {afterStart} (the first {wait} {wait:day after the fix is|days after the fix are} not counted)',
  'fix.season': ', adjusted for the season by the same weeks a year earlier (their ratio {expected})',
  'fix.noSeason': ', not adjusted for the season (less than a year of history)',
} as const;

export const fixWordsCopy = {
  en,
  zh: {
    'fix.warning': '预警 {id}',
    'fix.detail': '{fixed} 前 {beforeDays} 天投诉 {before} 件；自 {afterStart} 起 {afterDays} 天投诉 {after} 件（整改后前 {wait} 天不计）；整改后/前率比 {ratio}，95% 区间 {low}–{high}',
    'fix.detailTooSoon': '{fixed} 前 {beforeDays} 天投诉 {before} 件；自 {afterStart} 起计算整改后投诉（整改后前 {wait} 天不计）',
    'fix.season': '，已按去年同期各周做季节调整（去年同期比值 {expected}）',
    'fix.noSeason': '，未做季节调整（历史数据不足一年）',
  },
  vi: {
    'fix.warning': 'cảnh báo {id}',
    'fix.detail': '{before} khiếu nại trong {beforeDays} ngày trước {fixed}; {after} trong {afterDays} ngày từ {afterStart} (không tính {wait} ngày đầu sau khắc phục); tỷ số tỷ suất sau/trước {ratio}, khoảng tin cậy 95% {low}–{high}',
    'fix.detailTooSoon': '{before} khiếu nại trong {beforeDays} ngày trước {fixed}; khiếu nại sau được tính từ {afterStart} (không tính {wait} ngày đầu sau khắc phục)',
    'fix.season': ', đã hiệu chỉnh theo mùa bằng cùng các tuần năm trước (tỷ số năm trước {expected})',
    'fix.noSeason': ', chưa hiệu chỉnh theo mùa (dữ liệu chưa đủ một năm)',
  },
} as const satisfies Copy<keyof typeof en>;
