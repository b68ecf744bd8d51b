// Contract v2 sections 4 and 5: every exported table and every warning carries `hospital` and `run_id`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../../pipeline/run.ts';
import type { WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

// As in test/warnings/warnings.test.ts: received Tuesday 3 June 2025 under a 3-working-day process
// SLA, due Friday 6 June; on 13 June east's 急诊科 has two complaints past due, west's 儿科 one.
const header = 'id,received_at,department,category,kind,text,resolved_at';
const EAST = [header, 'A1,2025-06-03 09:00,急诊科,process,complaint,排队太久,', 'A2,2025-06-03 10:00,急诊科,process,complaint,挂号排队,'].join('\n');
const WEST = [header, 'A1,2025-06-03 11:00,儿科,process,complaint,等候太久,', 'C1,2025-06-03 12:00,心内科,process,complaint,排队,2025-06-05 12:00'].join('\n');

let ws: Workspace;
const warningsOf = (): WarningsFile => JSON.parse(readFileSync(join(ws.out, 'warnings.json'), 'utf8')) as WarningsFile;
const NOW = new Date('2025-06-30T04:00:00Z');
const runAsOf = (asOf: string) => ws.run({ asOf }, NOW);

// the run as of 13 June, made once; each test reads or goes on from a copy of its warehouse and site
let june13: Workspace;
let first: RunResult;
beforeAll(async () => {
  june13 = await createWorkspace();
  await june13.write('east/complaints.csv', EAST);
  await june13.write('west/complaints.csv', WEST);
  first = await june13.run({ asOf: '2025-06-13' }, NOW);
});
afterAll(async () => {
  await june13.dispose();
});
beforeEach(async () => {
  ws = await june13.copy();
});
afterEach(async () => {
  await ws.dispose();
});

describe('hospital and run_id', () => {
  it('are columns of every table under OUT/data/, run_id the run summary\'s', () => {
    const { summary } = first;
    const names = readdirSync(join(ws.out, 'data')).filter((name) => name.endsWith('.csv')).map((name) => name.replace(/\.csv$/, ''));
    expect(names).toContain('feedback');
    for (const name of names) {
      const [headerLine] = readFileSync(join(ws.out, 'data', `${name}.csv`), 'utf8').split('\n');
      expect(headerLine?.split(','), name).toEqual(expect.arrayContaining(['hospital', 'run_id']));
      for (const row of ws.exported(name)) expect(row.run_id, name).toBe(summary.run_id);
    }
    expect(ws.exported('feedback').map((row) => [row.hospital, row.id, row.department]).sort()).toEqual([
      ['east', 'A1', '急诊科'],
      ['east', 'A2', '急诊科'],
      ['west', 'A1', '儿科'],
      // 心内科 (cardiology) is shown as west writes it, not under the shipped table's 心血管内科
      ['west', 'C1', '心内科'],
    ]);
    // ALL rows are per hospital, never across them
    expect(ws.exported('complaint_kpis').filter((row) => row.department === 'ALL').map((row) => [row.hospital, row.received])).toEqual([
      ['east', '2'],
      ['west', '2'],
    ]);
  });

  it('are on every warning: the hospital of its case, the run that raised it', () => {
    const raised = warningsOf().warnings;
    // one sla_breach per case that passed its due date this week (the case clock), in its hospital
    expect(raised.map((w) => [w.kind, w.hospital, w.department, w.evidence_ids, w.run_id]).sort()).toEqual(
      [
        ['sla_breach', 'east', '急诊科', ['A1'], first.summary.run_id],
        ['sla_breach', 'east', '急诊科', ['A2'], first.summary.run_id],
        ['sla_breach', 'west', '儿科', ['A1'], first.summary.run_id],
      ].sort(),
    );
    // evidence as (source, id) pairs beside evidence_ids: both A1s are from a source named after their file
    expect(raised.map((w) => [w.hospital, w.evidence]).sort()).toEqual(
      [
        ['east', [{ source: 'complaints', id: 'A1' }]],
        ['east', [{ source: 'complaints', id: 'A2' }]],
        ['west', [{ source: 'complaints', id: 'A1' }]],
      ].sort(),
    );
  });

  it('keep the run that raised a warning while its status and facts stay as published', async () => {
    // the same day run again (a rerun after a crash, or by a second person): nothing changed
    const second = await runAsOf('2025-06-13');
    expect(second.summary.run_id).not.toBe(first.summary.run_id);
    expect(warningsOf().warnings.map((w) => [w.status, w.run_id])).toEqual(Array(3).fill(['new', first.summary.run_id]));
  });
});
