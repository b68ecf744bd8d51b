import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

const CSV = [
  'id,received_at,department,channel,kind,status,text,solved',
  'V1,2025-03-03 09:00,急诊科,微信,complaint,已转报,医保报销政策不合理,',
  'V2,2025-03-03 10:00,急诊科,Zalo OA,complaint,closed,chờ lâu quá,đã giải quyết',
  'V3,2025-03-03 11:00,急诊科,抖音,complaint,closed,排队太久,未解决',
  'V4,2025-03-03 12:00,急诊科,电话回访,complaint,closed,态度不好,yes',
  'V5,2025-03-03 13:00,急诊科,instagram,complaint,referred,parking fees,',
  'V6,2025-03-03 14:00,急诊科,hotline,complaint,closed,排队,maybe',
].join('\n');

describe('contract v2 coded values', () => {
  it('keeps a social platform as the platform, groups it as social, and reads callback, referred and solved in zh, vi and en', async () => {
    await ws.write('complaints.csv', CSV);
    const { summary } = await ws.run();
    const rows = await ws.query<{ id: string; channel: string; platform: string | null; status: string | null; solved: string | null }>(
      'select id, channel, platform, status, solved from fct_feedback order by id',
    );
    expect(rows).toEqual([
      { id: 'V1', channel: 'social', platform: 'wechat', status: 'referred', solved: null },
      { id: 'V2', channel: 'social', platform: 'zalo', status: 'closed', solved: 'yes' },
      { id: 'V3', channel: 'social', platform: 'douyin', status: 'closed', solved: 'no' },
      { id: 'V4', channel: 'callback', platform: null, status: 'closed', solved: 'yes' },
      // a platform outside the contract's list stays plain social
      { id: 'V5', channel: 'social', platform: null, status: 'referred', solved: null },
    ]);
    // an unrecognised solved holds its record back like satisfied, and is reported with its value
    expect(summary.files[0]).toMatchObject({ loaded: 5, quarantined: 1, quarantine_reasons: { 'solved is not yes or no': 1 } });
    expect(summary.data_quality.unrecognised_values).toEqual([{ hospital: 'input', field: 'solved', value: 'maybe', records: 1 }]);

    const exported = ws.exported('feedback').map((row) => [row.id, row.channel, row.platform, row.status, row.solved]);
    expect(exported).toEqual(
      expect.arrayContaining([
        ['V1', 'social', 'wechat', 'referred', ''],
        ['V3', 'social', 'douyin', 'closed', 'no'],
        ['V4', 'callback', '', 'closed', 'yes'],
      ]),
    );
  });

  it('upgrades a warehouse made before v2: its enums gain the new values and its records stay', async () => {
    // the v1 landing table and enums, as an older hearken left them (create_tables.sql before v2)
    const instance = await DuckDBInstance.create(ws.db);
    const connection = await instance.connect();
    await connection.run(`
      create type channel_type as enum ('hotline', 'gov_hotline', 'walk_in', 'website', 'email', 'social', 'suggestion_box', 'survey', 'other');
      create type feedback_kind_type as enum ('complaint', 'consultation', 'suggestion', 'praise');
      create type category_type as enum ('process', 'attitude', 'quality', 'cost', 'facility', 'other');
      create type status_type as enum ('received', 'verifying', 'handling', 'replied', 'closed', 'escalated');
      create type satisfied_type as enum ('yes', 'no', 'pending');
      create table feedback_records (
        source varchar not null, id varchar not null, received_at timestamp not null, channel channel_type not null,
        channel_raw varchar, kind feedback_kind_type not null, department_raw varchar not null, location varchar,
        category category_type, category_raw varchar, text_raw varchar not null, text_redacted varchar,
        status status_type, status_raw varchar, responded_at timestamp, resolved_at timestamp,
        satisfied satisfied_type, content_hash ubigint not null, file_id integer not null, file_row integer not null,
        contact_hash varchar
      );
      insert into feedback_records values
        ('old', 'O1', '2025-02-03 09:00', 'hotline', null, 'complaint', '急诊科', null, 'process', null, '排队', null,
         'escalated', null, null, null, null, 1, 0, 1, null);
    `);
    connection.closeSync();
    instance.closeSync();

    await ws.write('complaints.csv', CSV);
    await ws.run();
    const rows = await ws.query<{ id: string; channel: string; status: string | null; solved: string | null }>(
      "select id, channel, status, solved from fct_feedback where id in ('O1', 'V1', 'V4') order by id",
    );
    expect(rows).toEqual([
      { id: 'O1', channel: 'hotline', status: 'escalated', solved: null },
      { id: 'V1', channel: 'social', status: 'referred', solved: null },
      { id: 'V4', channel: 'callback', status: 'closed', solved: 'yes' },
    ]);
  });
});
