// publishedFiles (pipeline/publish/run-summary.ts): every string a file report brought in from the
// input folder is redacted alike, an input file's or a fixes file's: path, error, the names its
// rejection quotes. Hand-made reports, errors as a reader's own words could quote a file's content.
import { describe, expect, it } from 'vitest';
import type { FixesFileReport } from '../../pipeline/fixes/fixes.ts';
import { publishedFiles } from '../../pipeline/publish/run-summary.ts';
import { macroConnection } from '../support/macro-connection.ts';

const db = macroConnection('redact_pii');

const fixes: FixesFileReport = {
  path: '联系 13812345678/fixes.xlsx',
  status: 'rejected',
  rows_read: 0,
  reviewed: 0,
  quarantined: 0,
  quarantine_reasons: {},
  quarantine_reason_codes: {},
  error: 'fixes.xlsx is not a valid .xlsx file: unexpected text "pt@example.com 0912345678"',
  rejection: { reason: 'rejection.xlsxUnreadable', values: { file: 'fixes.xlsx', reason: 'unexpected text "pt@example.com 0912345678" in 110101199003074518' } },
};

describe('publishedFiles', () => {
  it('redacts a fixes file’s path, error and rejection as an input file’s', async () => {
    const published = await publishedFiles(db(), [], [], [fixes]);
    expect(published).toEqual({
      files: [],
      notRead: [],
      fixes: [
        {
          ...fixes,
          path: '联系 [phone]/fixes.xlsx',
          error: 'fixes.xlsx is not a valid .xlsx file: unexpected text "[email] [phone]"',
          rejection: { reason: 'rejection.xlsxUnreadable', values: { file: 'fixes.xlsx', reason: 'unexpected text "[email] [phone]" in [id]' } },
        },
      ],
    });
  });

  it('leaves a fixes file without personal data as it is', async () => {
    const plain: FixesFileReport = { ...fixes, path: 'east/fixes.csv', error: 'no fixed_on column', rejection: { reason: 'rejection.noFixedOn' } };
    expect((await publishedFiles(db(), [], [], [plain])).fixes).toEqual([plain]);
  });
});
