import { describe, expect, it } from 'vitest';
import { dateInZone, isoInZone } from '../pipeline/time.ts';

describe('dates in the hospital zone', () => {
  const instant = new Date('2025-03-02T23:00:00Z');
  it('gives the local date, which may be the next day', () => {
    expect(dateInZone(instant, 'Asia/Shanghai')).toBe('2025-03-03');
    expect(dateInZone(instant, 'Europe/London')).toBe('2025-03-02');
  });
  it('writes ISO 8601 with the offset', () => {
    expect(isoInZone(instant, 'Asia/Ho_Chi_Minh')).toBe('2025-03-03T06:00:00+07:00');
    expect(isoInZone(instant, 'UTC')).toBe('2025-03-02T23:00:00+00:00');
    expect(isoInZone(new Date('2025-07-01T12:00:00Z'), 'Europe/London')).toBe('2025-07-01T13:00:00+01:00');
  });
});
