import { describe, expect, it } from 'vitest';
import { reportWords } from '../dashboards/reports/copy.ts';
import { COPY_TABLES, fillTemplate, pluralForm, t } from '../pipeline/i18n.ts';

describe('what people read is in their language', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('en', 'run.published', { out: '/tmp/x' })).toBe('Published to /tmp/x');
    expect(t('zh', 'run.published', { out: '/tmp/x' })).toBe('已发布到 /tmp/x');
    expect(t('vi', 'run.published', {})).toBe('Đã xuất bản vào {out}');
  });
});

describe('the tables of copy', () => {
  it('hold each key once, so no table hides another', () => {
    const keys = COPY_TABLES.flatMap((table) => Object.keys(table.en));
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('give every key in every language', () => {
    for (const table of COPY_TABLES) {
      const keys = Object.keys(table.en).sort();
      expect(Object.keys(table.zh).sort()).toEqual(keys);
      expect(Object.keys(table.vi).sort()).toEqual(keys);
    }
  });
});

describe('counts in English take the singular of one', () => {
  it('picks the form Intl.PluralRules gives the count, read back from the language\'s own writing of it', () => {
    // CLDR English: 'one' is exactly 1 with no decimals; 0, 1.5 and 1,000 are 'other'
    expect([0, 1, 2, 1.5].map((count) => pluralForm('en', count, ['day', 'days']))).toEqual(['days', 'day', 'days', 'days']);
    expect(['1', '1,000', '21'].map((count) => pluralForm('en', count, ['day', 'days']))).toEqual(['day', 'days', 'days']);
    // Chinese and Vietnamese have only 'other': the one form given
    expect(pluralForm('vi', '1', ['ngày'])).toBe('ngày');
    expect(pluralForm('zh', 1, ['天'])).toBe('天');
    expect(fillTemplate('en', '{count} {count:record was|records were} read', { count: 1 })).toBe('1 record was read');
    expect(fillTemplate('en', '{count} {count:record was|records were} read', { count: '2,041' })).toBe('2,041 records were read');
    expect(fillTemplate('en', '{count:record|records}', {})).toBe('{count:record|records}');
  });

  it('in the run summary, warnings, fixes and reports', () => {
    expect(t('en', 'run.fileCounts', { read: '1', loaded: '0', duplicates: '1', quarantined: '0' })).toBe('1 read, 0 loaded, 1 duplicate, 0 quarantined');
    expect(t('en', 'run.totals', { files: '1', read: '1', loaded: '1', duplicates: '0', quarantined: '0' })).toBe('1 file: 1 row read, 1 loaded, 0 duplicates, 0 quarantined');
    expect(t('en', 'run.warehouse', { feedback: '1', survey: '47,596' })).toBe('Warehouse: 1 feedback record, 47,596 survey responses');
    expect(t('zh', 'run.warehouse', { feedback: '1', survey: '47,596' })).toBe('数据仓库：反馈记录 1 条，满意度问卷 47,596 份');
    expect(t('vi', 'run.warehouse', { feedback: '1', survey: '47.596' })).toBe('Kho dữ liệu: 1 ý kiến phản hồi, 47.596 phiếu khảo sát');
    expect(t('en', 'warning.sentinel.newRecords', { count: 1 })).toBe('1 new record this run.');
    expect(t('en', 'fix.detailTooSoon', { before: '1', beforeDays: '28', fixed: '2026-10-01', afterStart: '2026-10-02', wait: '1' })).toBe(
      '1 complaint in the 28 days before 2026-10-01; complaints are counted from 2026-10-02 (the first 1 day after the fix is not counted)',
    );
    expect(reportWords('en').say('daily.overdueSummary', { all: '1', newly: '1' })).toBe('At the end of the day 1 complaint was open past its due date; 1 of them became overdue that day.');
  });

  it('nowhere: no English message with a count of one says "1 records"', () => {
    const plural = /\b1 (?:[a-z×-]+ ){0,2}(?:records|complaints|days|files|rows|lines|responses|departments|months|warnings|duplicates|compliments|patients|mondays|rises)\b/i;
    const ones = (template: string) => Object.fromEntries([...template.matchAll(/\{(\w+)/g)].map(([, name]) => [name!, 1]));
    const written = COPY_TABLES.flatMap((table) => Object.values(table.en).map((template: string) => fillTemplate('en', template, ones(template))));
    expect(written.filter((text) => plural.test(text))).toEqual([]);
  });

  it('are not written in Chinese or Vietnamese, which have no plural forms', () => {
    for (const table of COPY_TABLES) for (const language of ['zh', 'vi'] as const) for (const template of Object.values(table[language]) as string[]) expect(template).not.toMatch(/\{\w+:/);
  });
});
