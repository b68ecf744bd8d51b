import { t } from '../i18n.ts';
import type { Language } from '../languages.ts';
import type { fileRejectionCopy } from './file-rejection.copy.ts';

/**
 * Why a whole file was not read as records: a key of file-rejection.copy.ts and the names its
 * wording quotes (the file's column and mapping names, as written), so each reader is told in their
 * language. A reader's own failure (DuckDB's or the spreadsheet library's words) has none: its
 * file report carries only `error`.
 */
export interface FileRejection {
  reason: keyof (typeof fileRejectionCopy)['en'];
  values?: Record<string, string>;
}

/**
 * What a file report says went wrong, in `language`: its rejection worded, else its `error` as
 * written, else nothing.
 *
 * @example fileErrorText('vi', { error: 'the file is empty', rejection: { reason: 'rejection.empty' } }) // 'tệp trống'
 */
export function fileErrorText(language: Language, file: { error?: string; rejection?: FileRejection }): string | undefined {
  return file.rejection === undefined ? file.error : t(language, file.rejection.reason, file.rejection.values);
}

/**
 * A file that cannot be read as a table at all: the run rejects it with this reason, or with a
 * reader's own one-line words where hearken has none to add.
 */
export class UnreadableFile extends Error {
  readonly rejection: FileRejection | undefined;

  constructor(reason: FileRejection | string) {
    super(typeof reason === 'string' ? reason : t('en', reason.reason, reason.values));
    this.rejection = typeof reason === 'string' ? undefined : reason;
  }
}
