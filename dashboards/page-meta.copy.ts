import type { Copy } from '../pipeline/languages.ts';

/** What page-meta.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'site.hospital': 'Hospital: {hospital}',
  'site.runId': 'run {runId}',
} as const;

export const pageMetaCopy = {
  en,
  zh: {
    'site.hospital': '医院：{hospital}',
    'site.runId': '运行编号 {runId}',
  },
  vi: {
    'site.hospital': 'Bệnh viện: {hospital}',
    'site.runId': 'lần chạy {runId}',
  },
} as const satisfies Copy<keyof typeof en>;
