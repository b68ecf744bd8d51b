import { dayOf, isoDate } from './dates.ts';
import type { HospitalId } from './model.ts';
import { PLANTED } from './planted.ts';

/**
 * The fixes the sample hospitals recorded (整改, the input folder's fixes.csv, see README "Fixes
 * verified"): one that worked — the lab's double charges, fixed the day after the problem ended —
 * and one that did not — dust screens put up a week into the orthopaedics renovation, which went
 * on for seven more weeks. Each names its planted problem's department, category and keywords.
 */
const SAMPLE_FIXES = [
  { planted: 'cn-lab-double-charge', fixedOn: (end: string) => addDays(end, 1), keywords: ['重复扣费', '扣了两次'], action: '修复自助缴费机重复扣费故障，已为重复扣费的患者退费' },
  { planted: 'vn-orthopaedics-renovation', fixedOn: (_end: string, onset: string) => addDays(onset, 7), keywords: ['bụi', 'khoan'], action: 'Lắp vách ngăn chống bụi quanh khu vực sửa chữa' },
] as const;

const HEADER = 'department,category,keywords,fixed_on,action';

const addDays = (day: string, days: number) => isoDate(dayOf(day) + days);

const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Each hospital's fixes.csv (UTF-8, LF) for the planted problems that fall in the sample's period. */
export function sampleFixes(planted: ReadonlySet<string>): Map<HospitalId, string> {
  const files = new Map<HospitalId, string>();
  for (const fix of SAMPLE_FIXES) {
    const spec = PLANTED.find((p) => p.id === fix.planted);
    if (spec === undefined || !planted.has(spec.id)) continue;
    const row = [spec.department, spec.category, fix.keywords.join(';'), fix.fixedOn(spec.end, spec.onset), fix.action].map(cell).join(',');
    files.set(spec.hospital, `${files.get(spec.hospital) ?? `${HEADER}\n`}${row}\n`);
  }
  return files;
}
