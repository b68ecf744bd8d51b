import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Departments under the names each hospital uses (dim_department). 南院 writes 心内科 twice and
 * 心血管内科 once (both `cardiology`), and 儿科, which its own departments.csv (a reference_dirs
 * folder) names 儿童医学中心; Kingsmere writes "Maternity" (the shipped table's canonical name is
 * "Obstetrics and Gynecology") and "Obstetrics", and a unit no table knows. 南院's one English
 * "Cardiology" stays a series of its own, as each language's spellings were before.
 */
const NANYUAN = [
  'id,received_at,department,category,kind,text',
  'A1,2025-06-03 09:00,心内科,process,complaint,排队太久',
  'A2,2025-06-04 09:00,心内科,process,complaint,挂号排队',
  'A3,2025-06-05 09:00,心血管内科,attitude,complaint,态度差',
  'A4,2025-06-05 10:00,儿科,process,complaint,等候太久',
  'A5,2025-06-05 11:00,Cardiology,process,complaint,queue',
].join('\n');
const KINGSMERE = [
  'id,received_at,department,category,kind,text',
  'K1,2025-06-03 09:00,Maternity,process,complaint,waited hours',
  'K2,2025-06-04 09:00,Obstetrics,attitude,complaint,rude midwife',
  'K3,2025-06-04 10:00,Maternity,process,complaint,no bed',
  'K4,2025-06-05 09:00,Frailty Hub,process,complaint,lost referral',
].join('\n');
const OWN_DEPARTMENTS = 'code,name_en,name_zh,name_vi\npediatrics,Children’s Medical Centre,儿童医学中心,Khoa Nhi\n';

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('南院/complaints.csv', NANYUAN);
  await ws.write('Kingsmere/pals.csv', KINGSMERE);
  await ws.write('hearken.config.json', JSON.stringify({ reference_dirs: ['../reference'] }));
  await mkdir(join(ws.root, 'reference'));
  await writeFile(join(ws.root, 'reference', 'departments.csv'), OWN_DEPARTMENTS);
  await ws.run({ asOf: '2025-06-13' });
}, 300_000);
afterAll(async () => {
  await ws.dispose();
});

describe('departments by the hospital’s own names', () => {
  it('shows merged spellings as one department under the hospital’s most used spelling or its own table’s name, never the shipped canonical name', async () => {
    const rows = await ws.query<{ hospital: string; department_raw: string; department_code: string | null; department: string; name_lang: string | null; is_known: boolean }>(
      'select hospital, department_raw, department_code, department, name_lang, is_known from dim_department',
    );
    const byRaw = (hospital: string, raw: string) => rows.find((row) => row.hospital === hospital && row.department_raw === raw);
    // 心内科 twice, 心血管内科 once: one cardiology, shown as 心内科
    expect(byRaw('南院', '心内科')).toMatchObject({ department_code: 'cardiology', department: '心内科', name_lang: 'zh', is_known: true });
    expect(byRaw('南院', '心血管内科')).toMatchObject({ department_code: 'cardiology', department: '心内科', name_lang: 'zh', is_known: true });
    expect(byRaw('南院', 'Cardiology')).toMatchObject({ department_code: 'cardiology', department: 'Cardiology', name_lang: 'en', is_known: true });
    // the hospital's own departments.csv names pediatrics, in the language the hospital writes
    expect(byRaw('南院', '儿科')).toMatchObject({ department_code: 'pediatrics', department: '儿童医学中心', name_lang: 'zh' });
    // Maternity twice, Obstetrics once: never "Obstetrics and Gynecology"
    expect(byRaw('Kingsmere', 'Maternity')).toMatchObject({ department_code: 'obstetrics_gynecology', department: 'Maternity', name_lang: 'en' });
    expect(byRaw('Kingsmere', 'Obstetrics')).toMatchObject({ department_code: 'obstetrics_gynecology', department: 'Maternity' });
    expect(byRaw('Kingsmere', 'Frailty Hub')).toMatchObject({ department_code: null, department: 'Frailty Hub', name_lang: null, is_known: false });
  });

  it('keeps the merged spellings one series in the marts, under that name', () => {
    const kpis = ws.exported('complaint_kpis').filter((row) => row.month === '2025-06' && row.department !== 'ALL');
    expect(kpis.map((row) => [row.hospital, row.department, row.received]).sort()).toEqual(
      [
        ['Kingsmere', 'Frailty Hub', '1'],
        ['Kingsmere', 'Maternity', '3'],
        ['南院', '儿童医学中心', '1'],
        ['南院', '心内科', '3'],
        ['南院', 'Cardiology', '1'],
      ].sort(),
    );
  });

  it('names each department in a page’s language where a department table has the name, else as the hospital does', async () => {
    const rows = await ws.query<{ department: string; name_zh: string; name_vi: string; name_en: string }>(
      'select department, name_zh, name_vi, name_en from mart_department_page_names order by department',
    );
    expect(rows).toEqual([
      // 南院 writes cardiology in two languages, two series: renamed they would read alike, so each keeps its name
      { department: 'Cardiology', name_zh: 'Cardiology', name_vi: 'Cardiology', name_en: 'Cardiology' },
      // an English name: its own on an English page, the shipped table's elsewhere
      { department: 'Maternity', name_zh: '妇产科', name_vi: 'Khoa Phụ sản', name_en: 'Maternity' },
      // 南院's own table names pediatrics in every language: its names before the shipped ones
      { department: '儿童医学中心', name_zh: '儿童医学中心', name_vi: 'Khoa Nhi', name_en: 'Children’s Medical Centre' },
      { department: '心内科', name_zh: '心内科', name_vi: '心内科', name_en: '心内科' },
    ]);
  });

  it('shows the names of a page’s language on the published pages, and an unknown department as written', () => {
    // what a reader sees: the text outside the tags (a filter's data-ui attribute maps the data's names, which its tables keep, to the page's)
    const page = (path: string) => readFileSync(join(ws.out, path), 'utf8').replace(/<[^>]*>/g, ' ');
    const zh = page('zh/departments/index.Kingsmere.html');
    expect(zh).toContain('妇产科');
    expect(zh).not.toContain('Maternity');
    expect(zh).toContain('Frailty Hub');
    const en = page('departments/index.Kingsmere.html');
    expect(en).toContain('Maternity');
    expect(en).not.toContain('妇产科');
    const vi = page('vi/departments/index.南院.html');
    expect(vi).toContain('Khoa Nhi');
    expect(vi).not.toContain('儿童医学中心');
  });
});
