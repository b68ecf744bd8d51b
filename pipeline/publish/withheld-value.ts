import { t } from '../i18n.ts';
import type { Language } from '../languages.ts';

/**
 * What the warehouse stores for a department or coded value withheld whole because it held
 * personal data (withheld_if_redacted, models/macros/redact_pii.sql). The stored value and the
 * machine-read exports keep this token; pages, reports, the CLI and the summaries of warnings.json
 * say it in the reader's words.
 */
export const WITHHELD = '[withheld]';

/**
 * A name or value as a reader of `language` sees it: a withheld one in their words, any other as
 * it is.
 *
 * @example withheldInLanguage('[withheld]', 'zh') // '（已隐去：含个人信息）'
 * @example withheldInLanguage('急诊科', 'vi') // '急诊科'
 */
export function withheldInLanguage(value: string, language: Language): string {
  return value === WITHHELD ? t(language, 'value.withheld') : value;
}
