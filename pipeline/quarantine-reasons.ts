import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT, type Language } from './config.ts';

/**
 * The wording of every quarantine reason, one row per code: staging and the readers write the
 * code (quarantine.reason); the warehouse reads this file as table stg_quarantine_reasons, whose
 * `en` is what the run summary shows (contract section 6), and people read it in their language
 * through quarantineReasonText.
 */
export const QUARANTINE_REASONS_FILE = join(PROJECT_ROOT, 'data', 'reference', 'quarantine_reasons.json');

const reasonSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]+$/),
  /** A row held back for a time after the run's day: it may pass later, so its file is read again. */
  may_pass_later: z.boolean(),
  en: z.string().min(1),
  zh: z.string().min(1),
  vi: z.string().min(1),
});

export type QuarantineReason = z.infer<typeof reasonSchema>;

export const QUARANTINE_REASONS: readonly QuarantineReason[] = z.array(reasonSchema).parse(JSON.parse(readFileSync(QUARANTINE_REASONS_FILE, 'utf8')));

const byCode = new Map(QUARANTINE_REASONS.map((reason) => [reason.code, reason]));

/**
 * A quarantine reason's code in words, in the given language; a code the file does not word (a
 * warehouse's row from a newer hearken) is shown as it is.
 * @example quarantineReasonText('zh', 'text_empty') // '内容为空'
 */
export function quarantineReasonText(language: Language, code: string): string {
  return byCode.get(code)?.[language] ?? code;
}
