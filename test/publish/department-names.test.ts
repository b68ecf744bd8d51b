import { describe, expect, it } from 'vitest';
import { inPageLanguage, namesIn, type DepartmentNames } from '../../pipeline/publish/pages/department-names.ts';
import { deepFreeze } from '../statistics/vectors.ts';

/** Khoa Nhi (the Vietnamese hospital's) and 小儿科 (the east campus's own) are both pediatrics; the shipped zh name is 儿科. */
const names: DepartmentNames = new Map([
  ['Khoa Nhi', { zh: '儿科', vi: 'Khoa Nhi', en: 'Pediatrics' }],
  ['小儿科', { zh: '小儿科', vi: 'Khoa Nhi', en: 'Pediatrics' }],
]);

describe('inPageLanguage', () => {
  it('renames every department field at any depth, and nothing else', () => {
    const data = deepFreeze({
      hospital: 'Bệnh viện Đa khoa tỉnh Sơn Nam',
      kpis: [{ department: 'Khoa Nhi', received: 3 }, { department: 'ALL', received: 5 }],
      warnings: [{ id: 'W1', department: '小儿科', keywords: ['Khoa Nhi'], signals: [{ department: 'Khoa Nhi' }] }],
      note: 'Khoa Nhi',
      unknown: { department: 'Frailty Hub' },
    });
    expect(inPageLanguage(data, names, 'zh')).toEqual({
      hospital: 'Bệnh viện Đa khoa tỉnh Sơn Nam',
      kpis: [{ department: '儿科', received: 3 }, { department: 'ALL', received: 5 }],
      warnings: [{ id: 'W1', department: '小儿科', keywords: ['Khoa Nhi'], signals: [{ department: '儿科' }] }],
      note: 'Khoa Nhi',
      unknown: { department: 'Frailty Hub' },
    });
    expect(inPageLanguage(data, names, 'en').warnings[0]!.department).toBe('Pediatrics');
  });

  it('gives back what holds no name to change as it is, and leaves dates and maps alone', () => {
    const data = deepFreeze({ rows: [{ department: 'ALL' }], when: new Date('2025-06-30T00:00:00Z'), seen: new Map([['department', 'Khoa Nhi']]) });
    expect(inPageLanguage(data, names, 'zh')).toBe(data);
    expect(inPageLanguage(data, names, 'vi')).toBe(data);
    const own = { rows: [{ department: 'Khoa Nhi' }] };
    expect(inPageLanguage(own, names, 'vi')).toBe(own);
  });
});

describe('namesIn', () => {
  it('gives the names a page’s filters list departments by, only where the page renames them', () => {
    expect(namesIn(names, 'zh')).toEqual({ 'Khoa Nhi': '儿科' });
    expect(namesIn(names, 'vi')).toEqual({ 小儿科: 'Khoa Nhi' });
    expect(namesIn(names, 'en')).toEqual({ 'Khoa Nhi': 'Pediatrics', 小儿科: 'Pediatrics' });
  });
});
