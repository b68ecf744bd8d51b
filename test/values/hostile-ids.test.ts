import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../pipeline/time.ts';
import type { WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Identifiers are data: any character may be in them, the separators a key might be joined with
 * included. A run stores them exactly, keeps distinct ones distinct, detects over them, and the
 * next run on the same warehouse works as well.
 */
const SEPARATORS = ['\u0000', '\u001e', '\u001f', '|', '\n', '\t', '\r\n', '"', "'", '\\', ',', '\u2028', '\u00a0', '·', '/'];

/**
 * An id made of separators and letters. Spaces (U+0020, U+00A0, U+3000, …) around a value are
 * padding that every column sheds, ids too, so a generated id neither starts nor ends with one;
 * a tab, a newline or U+2028 there is kept.
 */
const hostileId = fc
  .array(fc.oneof(fc.constantFrom(...SEPARATORS), fc.constantFrom('a', 'b', '急', 'ệ')), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((id) => !/^\p{Zs}|\p{Zs}$/u.test(id));

/** Ids that a joined key would confuse: the same parts around different separators. */
const LOOKALIKES = ['a\u0000b', 'a|b', 'a\u001fb', 'a\u001eb', 'a\nb', 'ab', 'a'.repeat(3000), `${'a'.repeat(2999)}|`];

const BURST = ['自助挂号机系统故障，一直无法挂号', '自助挂号机又坏了，系统故障半天没人修', '用自助挂号机挂号，系统故障扣了钱没出号', '自助挂号机黑屏，系统故障'];

/**
 * Forty-four quiet weeks from 2024-01-01 (one complaint a week in a department whose name holds a
 * pipe, at a place whose name holds a pipe and a quote), then a burst in the week of 7 October
 * whose complaints carry the hostile ids: the same problem the detector test raises a warning for.
 */
function complaintsJsonl(ids: readonly string[]): string {
  const department = '门诊|部';
  const lines: object[] = [];
  for (let week = 0; week < 44; week++) {
    const monday = addDays('2024-01-01', 7 * week);
    lines.push({ id: `Q${week}`, received_at: `${addDays(monday, 1)} 09:00`, department, category: 'process', location: '大厅', text: '挂号排队时间太长，等了一个多小时' });
    lines.push({ id: `F${week}`, received_at: `${addDays(monday, 2)} 10:00`, department: '检验科', category: 'cost', text: '检验收费项目不清楚，希望解释' });
  }
  ids.forEach((id, k) =>
    lines.push({ id, received_at: `2024-10-${String(7 + (k % 6)).padStart(2, '0')} 10:00`, department, category: 'process', location: '自助|"挂号机', text: BURST[k % 4] }),
  );
  return `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
}

let ws: Workspace | undefined;
afterEach(async () => {
  await ws?.dispose();
  ws = undefined;
});

describe('hostile identifiers', () => {
  it('are stored exactly, stay distinct, and two runs with detection succeed', async () => {
    // four generated sets of ids, each in a hospital's folder of its own (its own cells, tests and
    // warnings), so that one run and the run of the day after judge them all
    const cases = fc.sample(fc.uniqueArray(hostileId, { minLength: 4, maxLength: 8 }), { numRuns: 4, seed: 6 }).map((generated, c) => ({
      hospital: `h${c}`,
      burstIds: [...new Set([...generated, ...LOOKALIKES])],
    }));
    ws = await createWorkspace();
    for (const { hospital, burstIds } of cases) await ws.write(`${hospital}/complaints.jsonl`, complaintsJsonl(burstIds));
    const spikes = (hospital: string) =>
      (JSON.parse(readFileSync(join(ws!.out, 'warnings.json'), 'utf8')) as WarningsFile).warnings.filter((w) => w.kind === 'spike' && w.hospital === hospital);

    const first = await ws.run({ asOf: '2024-10-13' });
    const raised = new Map<string, string>();
    for (const { hospital, burstIds } of cases) {
      expect(first.summary.files.find((file) => file.path === `${hospital}/complaints.jsonl`), hospital).toMatchObject({ loaded: 88 + burstIds.length, quarantined: 0 });
      const stored = await ws.query<{ id: string }>(`select id from feedback_records where source = 'complaints' and hospital = '${hospital}'`);
      expect(new Set(stored.map((row) => row.id))).toEqual(new Set([...burstIds, ...Array.from({ length: 44 }, (_, w) => [`Q${w}`, `F${w}`]).flat()]));
      const detector = spikes(hospital);
      expect(detector, JSON.stringify(burstIds)).toHaveLength(1);
      // the evidence holds each id as written
      expect(detector[0]!.evidence_ids).toEqual(expect.arrayContaining(burstIds));
      expect(detector[0]!.department).toBe('门诊|部');
      expect(detector[0]!.signals!.map((s) => s.cell)).toEqual(expect.arrayContaining([['department', '门诊|部', 'process'], ['location', '自助|"挂号机']]));
      raised.set(hospital, detector[0]!.id);
    }

    // the warehouse takes a second run, the day after: the same warnings go on
    const second = await ws.run({ asOf: '2024-10-14' });
    expect(second.summary.records_in_warehouse.feedback).toBe(cases.reduce((n, c) => n + 88 + c.burstIds.length, 0));
    for (const { hospital } of cases) expect(spikes(hospital).map((w) => [w.id, w.status])).toEqual([[raised.get(hospital), 'ongoing']]);
  });
});

describe('a record changed only in where a separator falls', () => {
  it('is a new version, not a duplicate of the old one', async () => {
    ws = await createWorkspace();
    const record = (location: string, category: string) =>
      `${JSON.stringify({ id: 'R1', received_at: '2025-03-01', department: '急诊科', location, category, text: '排队太久' })}\n`;
    // joined with U+001F, both versions would read "a␟b␟c": the same content hash
    // what ingest loads is all this checks: the warehouse and ingest stages alone
    await ws.write('export.jsonl', record('a\u001fb', 'c'));
    await ws.ingest();
    await ws.write('export.jsonl', record('a', 'b\u001fc'));
    const files = await ws.ingest();
    expect(files[0]).toMatchObject({ loaded: 1, replaced: 1, duplicates: 0 });
    expect(await ws.query('select location, category_raw from feedback_records')).toEqual([{ location: 'a', category_raw: 'b\u001fc' }]);
  });
});
