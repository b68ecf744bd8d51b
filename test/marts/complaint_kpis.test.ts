import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Contract section 5, complaint_kpis, worked by hand on six records (run date 2025-06-30; the
 * workspace's zone Asia/Shanghai gives calendar CN; SLAs are working days, the day of receipt not
 * counted, March 2025 has no CN holiday):
 * 急诊科, March: C1 process, received Sat 1 Mar, 3 working days Mon 3 .. Wed 5 → due Wed 5 Mar,
 * resolved Mon 3 (within), satisfied yes; C2 process, received Sun 2 Mar → due Wed 5 Mar, resolved
 * Thu 6 (late), satisfied no; C3 cost, open, pending; C4 no category, takes `other`'s 15 working
 * days from Mon 10 Mar → due Mon 31 Mar, resolved Thu 20 (within); P1 is praise and does not
 * count. 心内科, April: C5 responded, still open.
 * 急诊科 March: received 4, responded 3 (C1, C2, C4), resolved 3, satisfied 1;
 *   response 3/4 = 75 %, resolution 3/4 = 75 %, satisfaction yes/(yes+no) = 1/2 = 50 %,
 *   within SLA 2/3 = 66.67 %, median hours to resolve of 48, 96, 240 = 96; beyond the contract,
 *   median hours to respond of 1, 2, 8 = 2, none escalated, 2 resolved within SLA.
 * 心内科 April: received 1, responded 1, resolved 0: resolution 0 %; satisfaction, SLA and median
 *   have no denominator and stay blank.
 */
const CSV = [
  'id,received_at,department,category,kind,text,responded_at,resolved_at,satisfied',
  'C1,2025-03-01 08:00,急诊科,process,complaint,排队,2025-03-01 09:00,2025-03-03 08:00,yes',
  'C2,2025-03-02 08:00,急诊科,process,complaint,排队,2025-03-02 10:00,2025-03-06 08:00,no',
  'C3,2025-03-05 08:00,急诊科,cost,complaint,收费,,,pending',
  'C4,2025-03-10 00:00,急诊科,,complaint,其他,2025-03-10 08:00,2025-03-20 00:00,',
  'P1,2025-03-11 00:00,急诊科,,praise,感谢,,,',
  'C5,2025-04-02 00:00,心内科,attitude,complaint,态度,2025-04-02 10:00,,',
].join('\n');

let ws: Workspace;
let rows: Record<string, string>[];
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('complaints.csv', CSV);
  await ws.run();
  rows = ws.exported('complaint_kpis');
});
afterAll(async () => {
  await ws.dispose();
});

describe('complaint_kpis export', () => {
  it('has the contract columns first, then its own', () => {
    expect(Object.keys(rows[0]!)).toEqual([
      'hospital', 'department', 'month', 'received', 'responded', 'resolved', 'satisfied', 'response_rate', 'resolution_rate',
      'satisfaction_rate', 'within_sla_rate', 'median_hours_to_resolve',
      'median_hours_to_respond', 'escalated', 'resolved_within_sla', 'satisfaction_answers', 'run_id',
    ]);
  });

  it('matches the hand-worked month of 急诊科, and ALL equals it', () => {
    const march = rows.filter((r) => r.month === '2025-03');
    expect(march.map((r) => r.department)).toEqual(['ALL', '急诊科']);
    for (const row of march) {
      expect(row).toMatchObject({ received: '4', responded: '3', resolved: '3', satisfied: '1', response_rate: '75.0', resolution_rate: '75.0', satisfaction_rate: '50.0' });
      expect(Number(row.within_sla_rate)).toBeCloseTo(66.6667, 3);
      expect(Number(row.median_hours_to_resolve)).toBe(96);
      expect(row).toMatchObject({ escalated: '0', resolved_within_sla: '2' });
      expect(Number(row.median_hours_to_respond)).toBe(2);
    }
  });

  it('leaves a rate blank when it has no denominator, and writes 0 when it has one', () => {
    const april = rows.find((r) => r.month === '2025-04' && r.department !== 'ALL');
    expect(april).toMatchObject({ received: '1', responded: '1', resolved: '0', resolution_rate: '0.0', satisfaction_rate: '', within_sla_rate: '', median_hours_to_resolve: '' });
  });
});
