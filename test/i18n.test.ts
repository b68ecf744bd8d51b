import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reasonText, t } from '../pipeline/i18n.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Every quarantine reason the models and readers can give, read from their source. */
function reasonsInSource(): string[] {
  const staging = readdirSync(join(ROOT, 'models/staging')).map((f) => readFileSync(join(ROOT, 'models/staging', f), 'utf8'));
  const readers = readFileSync(join(ROOT, 'pipeline/ingest/read-raw.ts'), 'utf8');
  const fromModels = staging.flatMap((sql) => [...sql.matchAll(/'reason': '([^']+)'/g)].map((m) => m[1] ?? ''));
  // timestamp_problem('received_at', …) builds its reasons from the column's name
  const macro = readFileSync(join(ROOT, 'models/macros/timestamp_problem.sql'), 'utf8');
  const suffixes = [...macro.matchAll(/column_name \|\| '([^']+)'/g)].map((m) => m[1] ?? '');
  const timeColumns = staging.flatMap((sql) => [...sql.matchAll(/timestamp_problem\('([a-z_]+)'/g)].map((m) => m[1] ?? ''));
  const fromMacro = timeColumns.flatMap((column) => suffixes.map((suffix) => `${column}${suffix}`));
  const fromReaders = [...readers.matchAll(/'(broken [A-Z]+ (?:row|line))'/g)].map((m) => m[1] ?? '');
  return [...new Set([...fromModels, ...fromMacro, ...fromReaders])].sort();
}

describe('what people read is in their language', () => {
  it('finds the reasons in the source (so the check below checks something)', () => {
    expect(reasonsInSource().length).toBeGreaterThanOrEqual(20);
    expect(reasonsInSource()).toContain('broken CSV row');
    expect(reasonsInSource()).toContain('submitted_at is in the future');
  });

  it.each(['zh', 'vi'] as const)('every quarantine reason has a %s translation', (language) => {
    const untranslated = reasonsInSource().filter((reason) => reasonText(language, reason) === reason);
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('en', 'run.published', { out: '/tmp/x' })).toBe('Published to /tmp/x');
    expect(t('zh', 'run.published', { out: '/tmp/x' })).toBe('已发布到 /tmp/x');
    expect(t('vi', 'run.published', {})).toBe('Đã xuất bản vào {out}');
  });
});
