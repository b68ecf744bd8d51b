import { describe, expect, it } from 'vitest';
import { t } from '../pipeline/i18n.ts';

describe('what people read is in their language', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('en', 'run.published', { out: '/tmp/x' })).toBe('Published to /tmp/x');
    expect(t('zh', 'run.published', { out: '/tmp/x' })).toBe('已发布到 /tmp/x');
    expect(t('vi', 'run.published', {})).toBe('Đã xuất bản vào {out}');
  });
});
