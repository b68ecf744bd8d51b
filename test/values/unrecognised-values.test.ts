import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

const header = 'id,received_at,department,channel,category,status,text';

describe('coded values nobody recognised are kept as written, reported and never overwritten', () => {
  it('keeps an unknown category raw beside the inferred one, in the warehouse, the report and the export', async () => {
    // 收费 (fees) is a cost word of the lexicon: the category is inferred from it, the spelling stays
    await ws.write(
      'complaints.csv',
      [
        header,
        'C1,2025-03-01,急诊科,hotline,billing_error,closed,收费太贵了',
        'C2,2025-03-02,急诊科,hotline,billing_error,closed,收费不合理',
        'C3,2025-03-03,急诊科,hotline,Cost,closed,收费太贵',
        'C4,2025-03-04,急诊科,carrier pigeon,process,pending review,排队太久',
      ].join('\n'),
    );
    const { summary } = await ws.run();
    // counted per spelling; an alias (Cost) is recognised, so it is not in the report
    expect(summary.data_quality.unrecognised_values).toEqual(
      expect.arrayContaining([
        { hospital: 'input', field: 'category', value: 'billing_error', records: 2 },
        { hospital: 'input', field: 'channel', value: 'carrier pigeon', records: 1 },
        { hospital: 'input', field: 'status', value: 'pending review', records: 1 },
      ]),
    );
    expect(summary.data_quality.unrecognised_values).toHaveLength(3);

    const rows = await ws.query<{ id: string; category: string; category_source: string; category_raw: string | null; channel: string; channel_raw: string | null; status: string | null; status_raw: string | null }>(
      'select id, category, category_source, category_raw, channel, channel_raw, status, status_raw from fct_feedback order by id',
    );
    expect(rows).toEqual([
      { id: 'C1', category: 'cost', category_source: 'inferred', category_raw: 'billing_error', channel: 'hotline', channel_raw: null, status: 'closed', status_raw: null },
      { id: 'C2', category: 'cost', category_source: 'inferred', category_raw: 'billing_error', channel: 'hotline', channel_raw: null, status: 'closed', status_raw: null },
      { id: 'C3', category: 'cost', category_source: 'given', category_raw: 'Cost', channel: 'hotline', channel_raw: null, status: 'closed', status_raw: null },
      { id: 'C4', category: 'process', category_source: 'given', category_raw: null, channel: 'other', channel_raw: 'carrier pigeon', status: null, status_raw: 'pending review' },
    ]);
    // the landing table never takes the inferred category in place of the one written
    const landed = await ws.query<{ category: string | null; category_raw: string }>("select category::varchar as category, category_raw from feedback_records where id = 'C1'");
    expect(landed).toEqual([{ category: null, category_raw: 'billing_error' }]);
    const exported = ws.exported('feedback').map((row) => [row.id, row.category, row.category_source, row.category_raw]);
    expect(exported).toEqual(
      expect.arrayContaining([
        ['C1', 'cost', 'inferred', 'billing_error'],
        ['C4', 'process', 'given', ''],
      ]),
    );
  });

  it('holds back a record of unknown kind, satisfied or patient_type with the value, and reports the value with the others', async () => {
    await ws.write(
      'complaints.csv',
      [
        'id,received_at,department,kind,satisfied,text',
        'S1,2025-03-01,急诊科,complaint,maybe later,排队太久',
        'S2,2025-03-01,急诊科,grumble,yes,排队太久',
        'S3,2025-03-01,急诊科,grumble,yes,排队太久',
        'S4,2025-03-01,急诊科,complaint,yes,排队太久',
      ].join('\n'),
    );
    await ws.write('survey.csv', ['response_id,submitted_at,department,patient_type,q_a1', 'R1,2025-03-01,急诊科,day case,4', 'R2,2025-03-01,急诊科,住院,5'].join('\n'));
    const { summary } = await ws.run();
    const byPath = Object.fromEntries(summary.files.map((file) => [file.path, file]));
    // a praise must not count as a complaint, nor a pending case as a satisfied one
    expect(byPath['complaints.csv']).toMatchObject({
      loaded: 1,
      quarantined: 3,
      quarantine_reasons: { 'kind is not a known value': 2, 'satisfied is not yes, no or pending': 1 },
    });
    expect(byPath['survey.csv']).toMatchObject({ loaded: 1, quarantined: 1, quarantine_reasons: { 'patient_type is not inpatient or outpatient': 1 } });
    expect(summary.data_quality.unrecognised_values).toEqual(
      expect.arrayContaining([
        { hospital: 'input', field: 'kind', value: 'grumble', records: 2 },
        { hospital: 'input', field: 'satisfied', value: 'maybe later', records: 1 },
        { hospital: 'input', field: 'patient_type', value: 'day case', records: 1 },
      ]),
    );
    expect(summary.data_quality.unrecognised_values).toHaveLength(3);
    const held = await ws.query<{ column_name: string; value: string }>('select column_name, value from quarantine order by column_name, file_row');
    expect(held).toEqual([
      { column_name: 'kind', value: 'grumble' },
      { column_name: 'kind', value: 'grumble' },
      { column_name: 'patient_type', value: 'day case' },
      { column_name: 'satisfied', value: 'maybe later' },
    ]);
  });

  it('reports a value whose alias points outside the contract instead of stopping the load', async () => {
    // a hospital's own alias file maps 账单 onto a category the contract does not have
    await ws.write('hearken.config.json', JSON.stringify({ reference_dirs: ['../ref'] }));
    const { mkdir, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    await mkdir(join(ws.root, 'ref'));
    await writeFile(join(ws.root, 'ref', 'value_aliases.csv'), 'field,alias,value\ncategory,账单,billing\nchannel,信鸽,pigeon_post\n');
    await ws.write('complaints.csv', [header, 'B1,2025-03-01,急诊科,信鸽,账单,closed,收费太贵了'].join('\n'));
    const { summary } = await ws.run();
    expect(summary.files[0]).toMatchObject({ status: 'loaded', loaded: 1, quarantined: 0 });
    expect(summary.data_quality.unrecognised_values).toEqual(
      expect.arrayContaining([
        { hospital: 'input', field: 'category', value: '账单', records: 1 },
        { hospital: 'input', field: 'channel', value: '信鸽', records: 1 },
      ]),
    );
  });
});
