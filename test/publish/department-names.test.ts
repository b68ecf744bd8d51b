import { describe, expect, it } from 'vitest';
import { departmentsIn, inPageLanguage, namesIn, namesShown, type DepartmentNames } from '../../pipeline/publish/pages/department-names.ts';
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
    const shown = new Set(['Khoa Nhi', '小儿科']);
    expect(namesIn(namesShown(names, shown), 'zh')).toEqual({ 'Khoa Nhi': '儿科' });
    expect(namesIn(namesShown(names, shown), 'vi')).toEqual({ 小儿科: 'Khoa Nhi' });
    expect(namesIn(namesShown(names, shown), 'en')).toEqual({ 'Khoa Nhi': 'Pediatrics', 小儿科: 'Pediatrics' });
  });

  it('names only the departments the page shows: one hospital’s page carries no other hospital’s names', () => {
    expect(namesIn(namesShown(names, new Set(['小儿科'])), 'en')).toEqual({ 小儿科: 'Pediatrics' });
    expect(namesIn(namesShown(names, new Set()), 'en')).toEqual({});
    expect([...namesShown(names, new Set(['小儿科', 'Khoa Nhi'])).keys()]).toEqual([...names.keys()]);
  });
});

describe('departmentsIn', () => {
  it('finds every department field at any depth, in data and tables alike', () => {
    const data = { rows: [{ department: 'Khoa Nhi', received: 3 }], nested: { cells: [{ department: '小儿科' }] }, when: new Date(0) };
    expect(departmentsIn(data, { open_cases: [{ department: '眼科' }] })).toEqual(new Set(['Khoa Nhi', '小儿科', '眼科']));
    expect(departmentsIn(undefined, null)).toEqual(new Set());
  });
});
