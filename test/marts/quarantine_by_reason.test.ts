import { describe, expect, it } from 'vitest';
import { modelWarehouse } from '../support/model-warehouse.ts';

/**
 * mart_quarantine and mart_quarantine_by_reason at the model level, on hand-made landing rows:
 * file 1 (east/a.csv) was read and then read again as file 3, whose problems supersede file 1's;
 * file 2 (west/b.jsonl) was read once. The quarantine holds codes; the marts word them in English
 * through stg_quarantine_reasons, and keep a code nobody words as it is.
 *   file 3: text_empty ×2 (rows 4, 2), broken_csv_row ×1 (line 9); file 1: text_empty (superseded)
 *   file 2: received_at_not_a_date ×1 (row 5), a_newer_reason ×1 (row 6)
 */
const file = (file_id: number, path: string) => ({
  file_id, path, checksum: `c${file_id}`, rules_fingerprint: 'f', kind: 'feedback', status: 'loaded',
  rows_read: 10, loaded: 8, replaced: 0, duplicates: 0, quarantined: 2, run_id: 'r', read_at: '2025-06-30 08:00:00',
});
const held = (file_id: number, hospital: string, reason: string, file_row: number | null, file_line: number | null = null) =>
  ({ file_id, file_row, file_line, reason, hospital, value: null, column_name: null });

const db = modelWarehouse({
  rows: {
    ingested_files: [file(1, 'east/a.csv'), file(2, 'west/b.jsonl'), file(3, 'east/a.csv')],
    quarantine: [
      held(1, 'east', 'text_empty', 7),
      held(3, 'east', 'text_empty', 4),
      held(3, 'east', 'text_empty', 2),
      held(3, 'east', 'broken_csv_row', null, 9),
      held(2, 'west', 'received_at_not_a_date', 5),
      held(2, 'west', 'a_newer_reason', 6),
    ],
  },
  models: ['marts/dim_hospital', 'intermediate/int_department_names', 'marts/dim_department', 'marts/mart_quarantine', 'marts/mart_quarantine_by_reason'],
});

describe('mart_quarantine_by_reason', () => {
  it("counts the latest reading's rows per hospital and reason, worded in English beside the code", async () => {
    const rows = await db().query<{ hospital: string; reason_code: string; reason: string; rows: number; examples: unknown }>(
      'select hospital, reason_code, reason, rows, examples from mart_quarantine_by_reason order by hospital, reason_code',
    );
    expect(rows.map((r) => ({ ...r, examples: JSON.parse(JSON.stringify(r.examples)) }))).toEqual([
      { hospital: 'east', reason_code: 'broken_csv_row', reason: 'broken CSV row', rows: 1, examples: [{ path: 'east/a.csv', row: null, line: 9 }] },
      { hospital: 'east', reason_code: 'text_empty', reason: 'text is empty', rows: 2, examples: [{ path: 'east/a.csv', row: 2, line: null }, { path: 'east/a.csv', row: 4, line: null }] },
      { hospital: 'west', reason_code: 'a_newer_reason', reason: 'a_newer_reason', rows: 1, examples: [{ path: 'west/b.jsonl', row: 6, line: null }] },
      { hospital: 'west', reason_code: 'received_at_not_a_date', reason: 'received_at is not a date', rows: 1, examples: [{ path: 'west/b.jsonl', row: 5, line: null }] },
    ]);
  });
});
