// Contract v2 sections 1 and 4, issue 12 item 1: detection is per hospital, never per language.
// Two hospitals writing the same language (a hospital and its second campus) never share a cell, a
// series, an FDR family or a warning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import type { BacktestFile } from '../../pipeline/backtest.ts';
import { addDays } from '../../pipeline/time.ts';
import type { WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { capture } from '../support/captured-io.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const BASELINE_TEXTS = ['挂号排队时间太长，等了一个多小时', '挂号窗口人太多，排队很久', '预约挂号后还要排队等很久'];
const BURST_TEXTS = [
  '自助挂号机系统故障，一直无法挂号，只能去人工窗口排队',
  '自助挂号机又坏了，系统故障半天没人修',
  '用自助挂号机挂号，系统故障扣了钱没出号',
  '自助挂号机黑屏，系统故障，工作人员说不知道什么时候修好',
];

/**
 * As in detector-warnings.test.ts: forty-four quiet weeks from 2024-01-01 (one complaint a week in
 * 门诊部 about queues at 挂号大厅, one in 检验科 about fees), the same in both hospitals and with the
 * same ids; only `burst` adds, in the week of 7 October, eight complaints in 门诊部 about the
 * self-service registration machines.
 */
function complaintsCsv(burst: boolean): string {
  const lines = ['id,received_at,department,category,location,text'];
  for (let week = 0; week < 44; week++) {
    const monday = addDays('2024-01-01', 7 * week);
    lines.push(`Q${week},${addDays(monday, 1)} 09:00,门诊部,process,挂号大厅,${BASELINE_TEXTS[week % 3]}`);
    lines.push(`F${week},${addDays(monday, 2)} 10:00,检验科,cost,,检验收费项目不清楚，希望解释`);
  }
  if (burst) for (let k = 0; k < 8; k++) lines.push(`B${k},2024-10-${String(7 + (k % 6)).padStart(2, '0')} ${10 + k}:00,门诊部,process,自助挂号机,${BURST_TEXTS[k % 4]}`);
  return `${lines.join('\n')}\n`;
}

let ws: Workspace;
const warningsOf = (): WarningsFile => JSON.parse(readFileSync(join(ws.out, 'warnings.json'), 'utf8')) as WarningsFile;

beforeEach(async () => {
  ws = await createWorkspace();
  await ws.write('江州市第一人民医院/complaints.csv', complaintsCsv(true));
  await ws.write('江州市第一人民医院南院/complaints.csv', complaintsCsv(false));
});
afterEach(async () => {
  await ws.dispose();
});

describe('detection per hospital', () => {
  it('keeps two same-language hospitals apart: cells, series, and the rise warned in its own hospital only', async () => {
    await ws.run({ asOf: '2024-10-13', lang: 'zh' });
    // every cell is one hospital's: the same department, category, place and words twice, each from the hospital's own start
    const cells = await ws.query<{ hospital: string; cell: string; records: number; series_start: string }>(
      "select hospital, cell, sum(records)::integer as records, strftime(min(series_start), '%Y-%m-%d') as series_start from int_alert_cell_days where cell in ('[\"department\",\"门诊部\",\"process\"]', '[\"location\",\"挂号大厅\"]') group by all order by all",
    );
    expect(cells).toEqual([
      { hospital: '江州市第一人民医院', cell: '["department","门诊部","process"]', records: 44 + 8, series_start: '2024-01-02' },
      { hospital: '江州市第一人民医院', cell: '["location","挂号大厅"]', records: 44, series_start: '2024-01-02' },
      { hospital: '江州市第一人民医院南院', cell: '["department","门诊部","process"]', records: 44, series_start: '2024-01-02' },
      { hospital: '江州市第一人民医院南院', cell: '["location","挂号大厅"]', records: 44, series_start: '2024-01-02' },
    ]);
    const detected = warningsOf().warnings.filter((w) => ['spike', 'hotspot', 'emerging_term'].includes(w.kind));
    expect(detected).toHaveLength(1);
    // the counts of the burst hospital alone, as in detector-warnings.test.ts with one hospital:
    // pooled with the campus, the week would count 10 against 2 a week
    expect(detected[0]).toMatchObject({ kind: 'spike', hospital: '江州市第一人民医院', department: '门诊部', observed: 9, expected: 1, status: 'new' });
    expect(detected[0]!.evidence_ids).toHaveLength(9);
    expect(detected[0]!.evidence_ids).toEqual(expect.arrayContaining(['B0', 'B7', 'Q40']));
    // the same records as (source, id) pairs, the source the file's name
    expect(detected[0]!.evidence).toEqual(detected[0]!.evidence_ids.map((id) => ({ source: 'complaints', id })));
  });

  it('gives the same department’s cases in two hospitals their own sla_breach warnings and ids, and two packs', async () => {
    // received Tuesday 3 June 2025 under the 3-working-day process SLA, due Friday 6 June
    const header = 'id,received_at,department,category,kind,text,resolved_at';
    await ws.write('江州市第一人民医院/complaints.csv', [header, 'A1,2025-06-03 09:00,急诊科,process,complaint,排队太久,', 'A2,2025-06-03 10:00,急诊科,process,complaint,挂号排队,'].join('\n'));
    await ws.write('江州市第一人民医院南院/complaints.csv', [header, 'A1,2025-06-03 11:00,急诊科,process,complaint,等候太久,'].join('\n'));
    await ws.run({ asOf: '2025-06-13' });
    // one warning per case (case clock): the same ids in two hospitals are three cases, three warnings
    const first = warningsOf().warnings.filter((w) => w.kind === 'sla_breach');
    expect(first.map((w) => [w.hospital, w.department, w.evidence_ids, w.status]).sort()).toEqual(
      [
        ['江州市第一人民医院', '急诊科', ['A1'], 'new'],
        ['江州市第一人民医院', '急诊科', ['A2'], 'new'],
        ['江州市第一人民医院南院', '急诊科', ['A1'], 'new'],
      ].sort(),
    );
    expect(new Set(first.map((w) => w.id)).size).toBe(3);
    // two packs for 急诊科, each with its hospital's warning, under two file names
    const packs = await ws.query<{ hospital: string; department: string }>("select hospital, department from mart_department_packs where department = '急诊科' order by hospital");
    expect(packs.map((row) => row.hospital)).toEqual(['江州市第一人民医院', '江州市第一人民医院南院']);
    const files = readFileSync(join(ws.out, '.hearken-site.json'), 'utf8');
    const emergency = [...files.matchAll(/departments\/(h[0-9a-f]{8}-emergency-zh)\.json/g)].map((m) => m[1]);
    expect(new Set(emergency).size).toBe(2);
    // with several hospitals, each has its own department index (pipeline/publish: hospitalPages),
    // naming the department as the hospital does on a Chinese page, as the table does in English
    for (const hospital of ['江州市第一人民医院', '江州市第一人民医院南院']) {
      expect(readFileSync(join(ws.out, 'zh', 'departments', `index.${hospital}.html`), 'utf8')).toContain('急诊科');
      expect(readFileSync(join(ws.out, 'departments', `index.${hospital}.html`), 'utf8')).toContain('Emergency Department');
    }
    for (const slug of emergency) {
      const pack = JSON.parse(readFileSync(join(ws.out, 'departments', `${slug}.json`), 'utf8')) as { hospital: string; warnings: { hospital: string }[] };
      expect(pack.warnings.length).toBeGreaterThan(0);
      expect(new Set(pack.warnings.map((w) => w.hospital))).toEqual(new Set([pack.hospital]));
    }
  });

  it('replays the backtest per hospital, with hospital and run_id on every warning', async () => {
    const out = join(ws.root, 'backtest.json');
    const io = capture();
    expect(await main(['backtest', '--input', ws.input, '--from', '2024-10-14', '--to', '2024-10-21', '--out', out, '--db', ws.db, '--lang', 'zh'], io.io)).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as BacktestFile;
    const raised = file.warnings.filter((w) => w.status === 'new');
    expect(raised.map((w) => [w.as_of, w.kind, w.hospital, w.department, w.observed])).toEqual([['2024-10-13', 'spike', '江州市第一人民医院', '门诊部', 9]]);
    for (const warning of file.warnings) {
      expect(warning.hospital).toBe('江州市第一人民医院');
      expect(warning.run_id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
