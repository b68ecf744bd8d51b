import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatMonth } from '../pipeline/dates.ts';
import { dayTag, instantTag, periodTag } from '../dashboards/time-tag.ts';

// The forms each language writes a date in: zh 2026年11月30日 (GB/T 7408 in words), vi 30/11/2026
// (day/month/year, as Vietnamese documents date themselves), en 30 Nov 2026 (British order).
describe('dates as people of each language write them', () => {
  it('writes a calendar date in zh, vi and en, the same day whatever the zone', () => {
    expect(formatDate('zh', '2026-11-30')).toBe('2026年11月30日');
    expect(formatDate('vi', '2026-11-30')).toBe('30/11/2026');
    expect(formatDate('en', '2026-11-30')).toBe('30 Nov 2026');
    expect(formatDate('vi', '2026-01-05')).toBe('05/01/2026');
    expect(formatDate('en', 'not a date')).toBe('not a date');
  });

  it('writes a month in zh, vi and en', () => {
    expect(formatMonth('zh', '2026-11')).toBe('2026年11月');
    expect(formatMonth('vi', '2026-11')).toBe('11/2026');
    expect(formatMonth('en', '2026-11')).toBe('Nov 2026');
  });

  it('writes the build time in the hospital’s zone, with its offset', () => {
    // 12:17 UTC is 20:17 in Shanghai, 19:17 in Hanoi, 12:17 in London in winter
    const built = '2026-12-06T20:17:05+08:00';
    expect(formatInstant('zh', built, 'Asia/Shanghai')).toBe('2026年12月6日 20:17 (GMT+8)');
    expect(formatInstant('vi', built, 'Asia/Ho_Chi_Minh')).toBe('19:17 06/12/2026 (GMT+7)');
    expect(formatInstant('en', built, 'Europe/London')).toBe('6 Dec 2026, 12:17 (GMT+0)');
    // with no zone, the wall clock as written
    expect(formatInstant('en', built)).toBe('6 Dec 2026, 20:17 (+08:00)');
  });

  it('keeps the ISO value in the datetime attribute of the <time> it shows', () => {
    expect(String(dayTag('vi', '2025-06-30'))).toBe('<time datetime="2025-06-30">30/06/2025</time>');
    expect(dayTag('zh', null)).toBe('–');
    expect(instantTag('zh', '2025-07-01T06:00:00+08:00', 'Asia/Shanghai').value).toBe('<time datetime="2025-07-01T06:00:00+08:00">2025年7月1日 06:00 (GMT+8)</time>');
    expect(periodTag('en', '2025-06').value).toBe('<time datetime="2025-06">Jun 2025</time>');
    expect(periodTag('zh', '2025-W26').value).toBe('<time datetime="2025-W26">2025-W26</time>');
  });
});
