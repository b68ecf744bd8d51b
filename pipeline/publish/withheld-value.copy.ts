import type { Copy } from '../languages.ts';

/** What withheld-value.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'value.withheld': '(withheld: personal data)',
} as const;

export const withheldValueCopy = {
  en,
  zh: {
    'value.withheld': '（已隐去：含个人信息）',
  },
  vi: {
    'value.withheld': '(đã ẩn: có thông tin cá nhân)',
  },
} as const satisfies Copy<keyof typeof en>;
