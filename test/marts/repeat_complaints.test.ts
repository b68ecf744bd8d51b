import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * int_complaint_grievances and mart_repeat_complaints, worked by hand. Links need 30 days or less
 * between two complaints, and the same contact, or the same department and Jaccard ≥ 0.6 of terms.
 *   P1 急诊科 hotline 3 Mar, phone "+86 138 0013 8000": first of its grievance.
 *   P2 急诊科 gov_hotline (12345) 10 Mar, "13800138000": same phone, repeat of P1, cross-channel.
 *   K1 急诊科 consultation 12 Mar, same phone: not a complaint, neither linked nor counted.
 *   P3 急诊科 social 20 Mar, "138-0013-8000": linked to P1 (17 days) and P2; its parent is the
 *      earliest, P1; cross-channel (social after hotline).
 *   E1 心血管内科 email 5 Mar, Li.Wei@Example.com; E2 心血管内科 email 28 Mar, li.wei@example.com:
 *      the e-mail in another case links them (23 days), a repeat on the same channel.
 *   T1 急诊科 walk_in 1 Apr; T2 急诊科 website 2 Apr, the same text with one word more: near-
 *      duplicate terms, T2 a cross-channel repeat of T1.
 *   T3 心血管内科 3 Apr, T1's text in another department: not linked.
 *   T4 急诊科 12 May, T1's text 41 days after T1 and 40 after T2: not linked.
 *   N1 心血管内科 20 Apr, fewer than 4 terms: never compared.
 * 2025-03: 急诊科 3 complaints (P1 P2 P3), 2 repeats, rate 2/3 = 66.667%, 2 cross-channel;
 *          心血管内科 2 (E1 E2), 1 repeat, 50%, 0 cross; ALL 5, 3 repeats, 60%, 2 cross.
 * 2025-04: 急诊科 2 (T1 T2), 1 repeat, 50%, 1 cross; 心血管内科 2 (T3 N1), 0, 0%;
 *          ALL 4, 1 repeat, 25%, 1 cross.
 * 2025-05: 急诊科 1 (T4), 0, 0%; ALL the same.
 */
const NEAR = 'The car park barrier was broken and the security guard shouted at my elderly mother';
const CSV = [
  'id,received_at,channel,kind,department,text',
  'P1,2025-03-03 09:00,hotline,complaint,急诊科,Rude triage nurse at the emergency desk. Call me back on +86 138 0013 8000',
  'E1,2025-03-05 09:00,email,complaint,心血管内科,Nobody explained the cardiology bill. Write to Li.Wei@Example.com',
  'P2,2025-03-10 09:00,gov_hotline,complaint,急诊科,Hospital never replied about my complaint. Phone 13800138000',
  'K1,2025-03-12 09:00,hotline,consultation,急诊科,What are the visiting hours? Phone 13800138000',
  'P3,2025-03-20 09:00,social,complaint,急诊科,Third time asking for an answer! 138-0013-8000',
  'E2,2025-03-28 09:00,email,complaint,心血管内科,Still no answer at li.wei@example.com about the invoice',
  `T1,2025-04-01 09:00,walk_in,complaint,急诊科,${NEAR}`,
  `T2,2025-04-02 09:00,website,complaint,急诊科,${NEAR} again`,
  `T3,2025-04-03 09:00,walk_in,complaint,心血管内科,${NEAR}`,
  'N1,2025-04-20 09:00,website,complaint,心血管内科,Parking fees too high',
  `T4,2025-05-12 09:00,walk_in,complaint,急诊科,${NEAR}`,
].join('\n');

const COLUMNS = ['hospital', 'department', 'month', 'complaints', 'repeats', 'repeat_rate', 'cross_channel_repeats', 'run_id'];

interface GrievanceRow {
  id: string;
  parent_id: string | null;
  linked_by: string | null;
  grievance_id: string;
  is_repeat: boolean;
  is_cross_channel_repeat: boolean;
}

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('complaints.csv', CSV);
  await ws.run();
});
afterAll(async () => {
  await ws.dispose();
});

describe('grievances', () => {
  it('links the same phone written three ways, an e-mail, and near-duplicate text in one department within 30 days', async () => {
    const rows = await ws.query<GrievanceRow>(
      'select id, parent_id, linked_by, grievance_id, is_repeat, is_cross_channel_repeat from int_complaint_grievances order by id',
    );
    expect(rows).toEqual([
      { id: 'E1', parent_id: null, linked_by: null, grievance_id: 'E1', is_repeat: false, is_cross_channel_repeat: false },
      { id: 'E2', parent_id: 'E1', linked_by: 'contact', grievance_id: 'E1', is_repeat: true, is_cross_channel_repeat: false },
      { id: 'N1', parent_id: null, linked_by: null, grievance_id: 'N1', is_repeat: false, is_cross_channel_repeat: false },
      { id: 'P1', parent_id: null, linked_by: null, grievance_id: 'P1', is_repeat: false, is_cross_channel_repeat: false },
      { id: 'P2', parent_id: 'P1', linked_by: 'contact', grievance_id: 'P1', is_repeat: true, is_cross_channel_repeat: true },
      { id: 'P3', parent_id: 'P1', linked_by: 'contact', grievance_id: 'P1', is_repeat: true, is_cross_channel_repeat: true },
      { id: 'T1', parent_id: null, linked_by: null, grievance_id: 'T1', is_repeat: false, is_cross_channel_repeat: false },
      { id: 'T2', parent_id: 'T1', linked_by: 'text', grievance_id: 'T1', is_repeat: true, is_cross_channel_repeat: true },
      { id: 'T3', parent_id: null, linked_by: null, grievance_id: 'T3', is_repeat: false, is_cross_channel_repeat: false },
      { id: 'T4', parent_id: null, linked_by: null, grievance_id: 'T4', is_repeat: false, is_cross_channel_repeat: false },
    ]);
  });
});

describe('repeat complaints per department and month', () => {
  it('is exported as CSV and Parquet with counts only', () => {
    const rows = ws.exported('repeat_complaints');
    expect(Object.keys(rows[0]!)).toEqual(COLUMNS);
    readFileSync(join(ws.out, 'data/repeat_complaints.parquet'));
  });

  it('matches the hand-worked counts and rates', () => {
    const rows = ws.exported('repeat_complaints').map(({ run_id: _run, ...row }) => ({
      ...row,
      repeat_rate: Number(row.repeat_rate).toFixed(3),
    }));
    const line = (department: string, month: string, complaints: number, repeats: number, rate: string, cross: number) => ({
      hospital: 'input',
      department, month, complaints: String(complaints), repeats: String(repeats), repeat_rate: rate, cross_channel_repeats: String(cross),
    });
    expect(rows).toEqual([
      line('ALL', '2025-03', 5, 3, '60.000', 2),
      line('心血管内科', '2025-03', 2, 1, '50.000', 0),
      line('急诊科', '2025-03', 3, 2, '66.667', 2),
      line('ALL', '2025-04', 4, 1, '25.000', 1),
      line('心血管内科', '2025-04', 2, 0, '0.000', 0),
      line('急诊科', '2025-04', 2, 1, '50.000', 1),
      line('ALL', '2025-05', 1, 0, '0.000', 0),
      line('急诊科', '2025-05', 1, 0, '0.000', 0),
    ]);
  });
});

describe('contact hashes', () => {
  it('are salted with a secret made once per warehouse', async () => {
    const [secret, ...others] = await ws.query<{ name: string; value: string }>('select name, value from warehouse_secrets');
    expect(others).toEqual([]);
    expect(secret!.name).toBe('contact_salt');
    expect(secret!.value).toMatch(/^[0-9a-f]{64}$/);
    const hashes = await ws.query<{ id: string; contact_hash: string | null }>('select id, contact_hash from feedback_records order by id');
    const hash = (id: string) => hashes.find((row) => row.id === id)?.contact_hash;
    // sha256(salt || 'phone:13800138000'), computed here apart from the macro
    const [expected] = await ws.query<{ salted: string; md5: string; plain: string }>(
      `select sha256('${secret!.value}' || 'phone:13800138000') as salted, md5('13800138000') as md5, sha256('13800138000') as plain`,
    );
    expect(hash('P1')).toBe(expected!.salted);
    for (const id of ['P2', 'P3', 'K1']) expect(hash(id)).toBe(expected!.salted);
    expect(hash('P1')).not.toBe(expected!.md5);
    expect(hash('P1')).not.toBe(expected!.plain);
    expect(hash('E1')).toBe(hash('E2'));
    expect(hash('E1')).not.toBe(hash('P1'));
    for (const id of ['T1', 'T2', 'T3', 'T4', 'N1']) expect(hash(id)).toBeNull();
  });

  it('never reach a published file, nor the numbers, nor the salt', async () => {
    const [secret] = await ws.query<{ value: string }>("select value from warehouse_secrets where name = 'contact_salt'");
    const hashes = (await ws.query<{ h: string }>('select distinct contact_hash as h from feedback_records where contact_hash is not null')).map((r) => r.h);
    const forbidden = ['13800138000', '138 0013 8000', '138-0013-8000', 'li.wei@example.com', secret!.value, ...hashes];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
    for (const path of walk(ws.out)) {
      const text = readFileSync(path).toString('latin1');
      for (const value of forbidden) expect(text.toLowerCase().includes(value.toLowerCase()), `${value} in ${path}`).toBe(false);
    }
  });

  it('are filled in once for a warehouse made before the column existed, and the salt is kept', async () => {
    // runs again and takes the warehouse back in time: on a copy, leaving the shared one as the other tests read it
    const own = await ws.copy();
    onTestFinished(() => own.dispose());
    const before = await own.query<{ id: string; contact_hash: string | null }>('select id, contact_hash from feedback_records order by id');
    const [salt] = await own.query<{ value: string }>("select value from warehouse_secrets where name = 'contact_salt'");
    await own.run();
    const [kept] = await own.query<{ value: string }>("select value from warehouse_secrets where name = 'contact_salt'");
    expect(kept!.value).toBe(salt!.value);

    // an older warehouse: no column, no salt; the next run adds both and hashes what is stored
    await own.query('alter table feedback_records drop column contact_hash');
    await own.query('drop table warehouse_secrets');
    await own.run();
    const after = await own.query<{ id: string; linked: boolean }>(
      "select id, contact_hash is not null as linked from feedback_records order by id",
    );
    expect(after).toEqual(before.map((row) => ({ id: row.id, linked: row.contact_hash !== null })));
    const [repeats] = await own.query<{ n: number }>("select count(*)::integer as n from int_complaint_grievances where linked_by = 'contact'");
    expect(repeats!.n).toBe(3);
  });
});
