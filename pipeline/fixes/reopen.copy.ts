import type { Copy } from '../languages.ts';

/** What reopen.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'fix.reopened': 'Reopened after the fix of {fixed}: {verdict} ({detail}).',
} as const;

export const reopenCopy = {
  en,
  zh: {
    'fix.reopened': '{fixed} 的整改复查后重新开启：{verdict}（{detail}）。',
  },
  vi: {
    'fix.reopened': 'Mở lại sau biện pháp ngày {fixed}: {verdict} ({detail}).',
  },
} as const satisfies Copy<keyof typeof en>;
