import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../pipeline/db.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';
import { prepareSession } from '../../pipeline/warehouse-ingest.ts';
import { addDays } from '../../pipeline/time.ts';
import { detectionDefaults } from '../../pipeline/warnings/detection-settings.ts';
import { detectSignals, detectorCandidates, signalEvidence } from '../../pipeline/warnings/detector-warnings.ts';
import type { Warning, WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const BASELINE_TEXTS = ['挂号排队时间太长，等了一个多小时', '挂号窗口人太多，排队很久', '预约挂号后还要排队等很久'];
const BURST_TEXTS = [
  '自助挂号机系统故障，一直无法挂号，只能去人工窗口排队',
  '自助挂号机又坏了，系统故障半天没人修',
  '用自助挂号机挂号，系统故障扣了钱没出号',
  '自助挂号机黑屏，系统故障，工作人员说不知道什么时候修好',
];

/**
 * Forty weeks of quiet complaints from 2024-01-01 (one a week each in 门诊部 about queues and in
 * 检验科 about fees), then in the week of 7 October eight complaints in 门诊部 about the
 * self-service registration machines breaking down, then quiet weeks again.
 */
function complaintsCsv(): string {
  const lines = ['id,received_at,department,category,location,text'];
  for (let week = 0; week < 44; week++) {
    const monday = addDays('2024-01-01', 7 * week);
    lines.push(`Q${week},${addDays(monday, 1)} 09:00,门诊部,process,挂号大厅,${BASELINE_TEXTS[week % 3]}`);
    lines.push(`F${week},${addDays(monday, 2)} 10:00,检验科,cost,,检验收费项目不清楚，希望解释`);
  }
  for (let k = 0; k < 8; k++) lines.push(`B${k},2024-10-${String(7 + (k % 6)).padStart(2, '0')} ${10 + k}:00,门诊部,process,自助挂号机,${BURST_TEXTS[k % 4]}`);
  return `${lines.join('\n')}\n`;
}

// each test has its own warehouse, a copy of the first run's, and makes the runs after it, so it stands alone
let ws: Workspace;
const detectorWarnings = (): Warning[] =>
  (JSON.parse(readFileSync(join(ws.out, 'warnings.json'), 'utf8')) as WarningsFile).warnings.filter((w) => ['spike', 'hotspot', 'emerging_term'].includes(w.kind));

// the first run, as of Sunday 13 October, made once
let firstRun: Workspace;
beforeAll(async () => {
  firstRun = await createWorkspace();
  await firstRun.write('complaints.csv', complaintsCsv());
  await firstRun.run({ asOf: '2024-10-13', lang: 'zh' });
}, 120_000);
afterAll(async () => {
  await firstRun.dispose();
});
beforeEach(async () => {
  ws = await firstRun.copy();
});
afterEach(async () => {
  await ws.dispose();
});

describe('detector warnings from the warehouse', () => {
  it('raises one warning for the burst, seen through its department and its place, with everything a department needs', () => {
    const warnings = detectorWarnings();
    expect(warnings).toHaveLength(1);
    const [warning] = warnings as [Warning];
    expect(warning).toMatchObject({
      kind: 'spike',
      department: '门诊部',
      category: 'process',
      location: '自助挂号机',
      period_start: '2024-10-07',
      period_end: '2024-10-13',
      observed: 9,
      expected: 1,
      method: 'ears_c2',
      status: 'new',
      // process problems are due in 3 working days (complaint_sla.csv), the source practice: from
      // Sunday 13 October, Monday 14 to Wednesday 16
      due_date: '2024-10-16',
    });
    expect(warning.evidence_ids).toHaveLength(9);
    expect(warning.evidence_ids).toEqual(expect.arrayContaining(['B0', 'B7', 'Q40']));
    expect(warning.signals!.map((s) => s.cell)).toEqual(expect.arrayContaining([['department', '门诊部', 'process'], ['location', '自助挂号机']]));
    expect(warning.keywords.slice(0, 2)).toEqual(expect.arrayContaining(['自助挂号机', '系统故障']));
    expect(warning.quotes!.length).toBeGreaterThanOrEqual(3);
    expect(warning.summary).toContain('门诊部');
    expect(warning.suggested_action).toMatch(/^管理流程问题/);
    expect(warning.severity).toBe('high');
    // its chart's series: the 门诊部 × process cell's 12 weeks to the warning's, each judged on the
    // weeks before it: one complaint a week gives EARS C2 an expectation of 1 (sd 0); a quiet week
    // has fewer than 5 complaints in its last 4 weeks, so the guard leaves it without a bound
    const weekly = warning.weekly!;
    expect(weekly.map((w) => w.week_start)).toEqual(Array.from({ length: 12 }, (_, i) => addDays('2024-07-22', 7 * i)));
    expect(weekly.map((w) => w.observed)).toEqual([...Array<number>(11).fill(1), 9]);
    expect(weekly.map((w) => w.expected)).toEqual(Array<number>(12).fill(1));
    expect(weekly.slice(0, 11).map((w) => w.upperbound)).toEqual(Array<null>(11).fill(null));
    expect(weekly[11]!.upperbound).toBe(warning.upperbound);
  });

  it('keeps the same warning the same day, carries it through one quiet week as ongoing, then resolves it', async () => {
    const first = detectorWarnings()[0]!;
    await ws.run({ asOf: '2024-10-13', lang: 'zh' });
    expect(detectorWarnings().map((w) => [w.id, w.status])).toEqual([[first.id, 'new']]);
    // the run after counts no day again (int_alert_cell_days kept), and still reads the warning's
    // terms against its cell's year before: the words of the breakdown rose, against queues
    expect(detectorWarnings()[0]!.rising_terms!.map((r) => r.term)).toEqual(['系统故障', '自助挂号机', '人工', '修好', '半天']);
    await ws.run({ asOf: '2024-10-20', lang: 'zh' });
    expect(detectorWarnings().map((w) => [w.id, w.status])).toEqual([[first.id, 'ongoing']]);
    await ws.run({ asOf: '2024-10-27', lang: 'zh' });
    expect(detectorWarnings().map((w) => [w.id, w.status])).toEqual([[first.id, 'resolved']]);
    await ws.run({ asOf: '2024-11-03', lang: 'zh' });
    expect(detectorWarnings()).toEqual([]);
  });

  it('describes a backtest’s warning from its signals’ complaints read once, as a run reads its group’s own', async () => {
    const { connection, close } = await openWarehouse(ws.db);
    try {
      await prepareSession(connection, ws.config({ lang: 'zh' }));
      const signals = await detectSignals(connection, modelsOfStep(connection, 'detect', 'detectSignals'), ['2024-09-30', '2024-10-07']);
      const models = modelsOfStep(connection, 'detect', 'detectorWarnings');
      const read = await detectorCandidates(connection, models, signals, '2024-10-13', new Set());
      const evidence = await signalEvidence(connection, models, signals);
      const prepared = await detectorCandidates(connection, models, signals, '2024-10-13', new Set(), detectionDefaults, new Map(), evidence);
      expect(read.map((c) => [c.department, c.location, c.evidence_ids.length])).toEqual([['门诊部', '自助挂号机', 9]]);
      expect(prepared).toEqual(read);
    } finally {
      close();
    }
  });

  it('charts a warning from its own hospital’s cell, when another hospital has a department of the same name', async () => {
    // a second hospital (its folder), named after the first in order, with three complaints a week in its own 门诊部
    const lines = ['id,received_at,department,category,text'];
    for (let week = 0; week < 44; week++) for (let k = 0; k < 3; k++) lines.push(`W${week}-${k},${addDays('2024-01-01', 7 * week + k)} 11:00,门诊部,process,${BASELINE_TEXTS[k]}`);
    await ws.write('west/complaints.csv', `${lines.join('\n')}\n`);
    await ws.run({ asOf: '2024-10-13', lang: 'zh' });
    const [warning] = detectorWarnings().filter((w) => w.hospital === 'input');
    expect(warning!.weekly!.map((w) => w.observed)).toEqual([...Array<number>(11).fill(1), 9]);
  });
}, 120_000);
