import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Which survey definition a response is matched to, and so which dimension an item counts in.
 * q_b8 ("waiting time for the doctor's examination") is on the outpatient form only; q_c9 ("the
 * grounds are green, clean and pleasant") on the inpatient form only; q_a2 on both (inpatient:
 * visiting hours; outpatient: signs to the departments).
 *   I1–I2 inpatient ("nội trú" as the ward writes it): a2 → A, c9 → C, b8 unknown (all only).
 *   O1–O2 outpatient: a2 → A, b8 → B, c9 unknown.
 *   G1 without patient_type: the generic form, where every q_<letter><n> takes its letter.
 *   K1 from the kiosk, inpatient, but the hospital's own kiosk form (for source `kiosk`) is more
 *   specific than the inpatient form: wait → B, a2 unknown to the kiosk form.
 */
const wards = [
  'response_id,submitted_at,department,patient_type,q_a2,q_b8,q_c9',
  'I1,2025-04-01,Khoa Nhi,nội trú,5,2,4',
  'I2,2025-04-02,Khoa Nhi,inpatient,4,1,5',
  'O1,2025-04-03,Khoa Nhi,outpatient,5,2,4',
  'O2,2025-04-04,Khoa Nhi,outpatient,3,5,4',
  'G1,2025-04-05,Khoa Nhi,,5,2,4',
];
const kiosk = ['response_id,submitted_at,department,patient_type,q_a2,q_wait', 'K1,2025-04-06,Khoa Nhi,inpatient,5,3'];
const kioskForm = {
  id: 'sonnam-kiosk',
  title: { vi: 'Phiếu khảo sát tại ki-ốt', en: 'Kiosk survey' },
  applies_to: { sources: ['kiosk'] },
  scale: { min: 1, max: 5 },
  sections: [{ code: 'B', title: { en: 'Waiting' }, items: [{ code: 'wait', text: { en: 'How long you waited' } }] }],
};

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('wards.csv', wards.join('\n'));
  await ws.write('kiosk.csv', kiosk.join('\n'));
  await ws.write('hearken.config.json', JSON.stringify({ reference_dirs: ['../hospital'] }));
  await mkdir(join(ws.root, 'hospital', 'surveys'), { recursive: true });
  await writeFile(join(ws.root, 'hospital', 'surveys', 'kiosk.json'), JSON.stringify(kioskForm));
  await ws.run();
});
afterAll(async () => {
  await ws.dispose();
});

describe('matching a response to its survey definition', () => {
  it('takes the form of its source, else of its patient_type, else the generic one', async () => {
    const forms = await ws.query<{ response_id: string; form_id: string }>(
      'select response_id, form_id from mart_satisfaction_response_forms order by response_id',
    );
    expect(forms.map((f) => [f.response_id, f.form_id])).toEqual([
      ['G1', 'generic'],
      ['I1', 'vn-moh-3869-inpatient'],
      ['I2', 'vn-moh-3869-inpatient'],
      ['K1', 'sonnam-kiosk'],
      ['O1', 'vn-moh-3869-outpatient'],
      ['O2', 'vn-moh-3869-outpatient'],
    ]);
  });

  it('puts an item in the section of the matched form, and nowhere when the form does not know it', async () => {
    const answers = await ws.query<{ response_id: string; item_code: string; section: string | null }>(
      'select response_id, item_code, section from mart_satisfaction_answers order by response_id, item_code',
    );
    const section = (id: string, item: string) => answers.find((a) => a.response_id === id && a.item_code === item)?.section;
    expect([section('I1', 'a2'), section('I1', 'b8'), section('I1', 'c9')]).toEqual(['A', null, 'C']);
    expect([section('O1', 'a2'), section('O1', 'b8'), section('O1', 'c9')]).toEqual(['A', 'B', null]);
    expect([section('G1', 'a2'), section('G1', 'b8'), section('G1', 'c9')]).toEqual(['A', 'B', 'C']);
    expect([section('K1', 'a2'), section('K1', 'wait')]).toEqual([null, 'B']);
  });

  it('reports the unknown items per source and form, and still counts them in all', async () => {
    const unknown = await ws.query('select source, form_id, item_code, answers from mart_satisfaction_unknown_items');
    expect(unknown).toEqual([
      { source: 'kiosk', form_id: 'sonnam-kiosk', item_code: 'a2', answers: 1 },
      { source: 'wards', form_id: 'vn-moh-3869-inpatient', item_code: 'b8', answers: 2 },
      { source: 'wards', form_id: 'vn-moh-3869-outpatient', item_code: 'c9', answers: 2 },
    ]);
    // B: O1 2, O2 5, G1 2, K1 3 → 4 answers, 1 satisfied; all: 5 × 3 + 2 = 17 answers, 11 of them 4 or 5
    // (I1 5,4; I2 4,5; O1 5,4; O2 5,4; G1 5,4; K1 5).
    const counts = await ws.query<{ dimension: string; responses: number; answers: number; satisfied_answers: number }>(
      "select dimension, responses, answers, satisfied_answers from mart_satisfaction_period_counts where grain = 'month' and department = 'Khoa Nhi' and patient_type = 'all' order by dimension",
    );
    expect(counts).toEqual([
      { dimension: 'A', responses: 5, answers: 5, satisfied_answers: 4 },
      { dimension: 'B', responses: 4, answers: 4, satisfied_answers: 1 },
      { dimension: 'C', responses: 3, answers: 3, satisfied_answers: 3 },
      { dimension: 'all', responses: 6, answers: 17, satisfied_answers: 11 },
    ]);
    const [measures] = await ws.query<{ unknown_item_answers: number }>(
      "select unknown_item_answers from export_satisfaction_measures where department = 'Khoa Nhi'",
    );
    expect(measures?.unknown_item_answers).toBe(5);
  });
});

describe('a response no definition applies to', () => {
  // The hospital replaces the generic form (same id) by one for its kiosk only: a ward response
  // without patient_type then has no form. Its answers are all unknown items, and still count in all.
  let lone: Workspace;
  beforeAll(async () => {
    lone = await createWorkspace();
    await lone.write('wards.csv', ['response_id,submitted_at,department,q_a1,q_b1', 'W1,2025-04-01,Khoa Nhi,5,3'].join('\n'));
    await lone.write('hearken.config.json', JSON.stringify({ reference_dirs: ['../hospital'] }));
    await mkdir(join(lone.root, 'hospital', 'surveys'), { recursive: true });
    await writeFile(join(lone.root, 'hospital', 'surveys', 'generic.json'), JSON.stringify({ ...kioskForm, id: 'generic' }));
    await lone.run();
  });
  afterAll(async () => {
    await lone.dispose();
  });

  it('keeps its answers in all and reports them as unknown items of no form', async () => {
    expect(await lone.query('select response_id, form_id from mart_satisfaction_response_forms')).toEqual([{ response_id: 'W1', form_id: null }]);
    expect(await lone.query('select form_id, item_code, answers from mart_satisfaction_unknown_items')).toEqual([
      { form_id: '(none)', item_code: 'a1', answers: 1 },
      { form_id: '(none)', item_code: 'b1', answers: 1 },
    ]);
    expect(await lone.query("select dimension, answers, satisfied_answers from mart_satisfaction_period_counts where grain = 'month' and department = 'Khoa Nhi' and patient_type = 'all'")).toEqual([
      { dimension: 'all', answers: 2, satisfied_answers: 1 },
    ]);
  });
});
