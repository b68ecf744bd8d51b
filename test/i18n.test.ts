import { describe, expect, it } from 'vitest';
import { COPY_TABLES, t } from '../pipeline/i18n.ts';

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
