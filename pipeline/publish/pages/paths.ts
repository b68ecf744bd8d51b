import type { HospitalPages } from '../../../dashboards/group-view.ts';
import { hospitalFileName } from '../reports/scope.ts';
import { hospitalKey } from '../hospital-key.ts';

/**
 * Where a hospital's own pages go: today's names where the warehouse holds one hospital, else the
 * names with the hospital's file name before `.html`, as the reports name theirs (contract section 7).
 *
 * @example hospitalPages('分院', true) // { issues: 'issues.分院.html', leadership: 'leadership.分院.html', departments: 'departments/index.分院.html' }
 */
export function hospitalPages(hospital: string | null, several: boolean): HospitalPages {
  const suffix = several && hospital !== null ? `.${hospitalFileName(hospital)}` : '';
  return { issues: `issues${suffix}.html`, leadership: `leadership${suffix}.html`, departments: `departments/index${suffix}.html` };
}

/**
 * A pack's file name where there are several hospitals: its hospital's key (hospitalKey) before its
 * department's slug, so that the same department in two hospitals gets two files, whatever
 * characters the hospitals' names hold.
 *
 * @example packSlug('南院', 'emergency-zh') // 'h4bd041ce-emergency-zh'
 */
export function packSlug(hospital: string | null, departmentSlug: string): string {
  return `${hospitalKey(hospital ?? '')}-${departmentSlug}`;
}
