import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../pipeline/backtest.ts';
import { main } from '../../pipeline/cli.ts';
import { defaultConfigurations, plantedEvaluationDefaults } from '../../pipeline/detect/planted-evaluation.ts';
import { PipelineError } from '../../pipeline/errors.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { Rng } from '../../pipeline/detect/prng.ts';
import { addDays } from '../../pipeline/time.ts';
import { capture } from '../support/captured-io.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * 130 weeks of complaints from Monday 2022-01-03 in two departments × two categories: four
 * department × category cells, each Poisson(4) a week. The scored window of the planted evaluation
 * is the weeks with two years (104 weeks) of history: weeks 104..129.
 */
const FIRST_MONDAY = '2022-01-03';
const WEEKS = 130;
const CELLS = [
  ['Cardiology', 'process', 'waited three hours for the cardiology appointment'],
  ['Cardiology', 'cost', 'charged twice for the heart scan'],
  ['Pharmacy', 'process', 'the pharmacy queue was very long'],
  ['Pharmacy', 'attitude', 'the pharmacist was rude to my mother'],
] as const;

function feedbackCsv(): string {
  const rng = new Rng('backtest-evaluate-test');
  const lines = ['id,received_at,department,category,text'];
  for (let week = 0; week < WEEKS; week++) {
    const monday = addDays(FIRST_MONDAY, 7 * week);
    for (const [department, category, text] of CELLS) {
      const count = rng.poisson(4);
      for (let i = 0; i < count; i++) lines.push(`${lines.length},${addDays(monday, i % 7)} 10:00,${department},${category},${text}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const SIZES = plantedEvaluationDefaults.sizes;

/** The last eight Mondays of the data replayed; the series end at the week the last Monday judged. */
const FROM = addDays(FIRST_MONDAY, 7 * (WEEKS - 7));
const TO = addDays(FIRST_MONDAY, 7 * WEEKS);
const backtestArgs = (ws: Workspace, ...extra: string[]) => ['backtest', '--input', ws.input, '--from', FROM, '--to', TO, '--lang', 'en', ...extra];

let ws: Workspace;
let csvCode: number;
let csvRun: ReturnType<typeof capture>;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('feedback.csv', feedbackCsv());
  csvRun = capture();
  csvCode = await main(backtestArgs(ws, '--out', join(ws.root, 'warnings.json'), '--db', ws.db, '--evaluate', join(ws.root, 'evaluation.csv')), csvRun.io);
}, 120_000);
afterAll(async () => {
  await ws.dispose();
});

describe('hearken backtest --evaluate', () => {
  it('writes the warnings file and a CSV row per method × setting × size, with sensible values', () => {
    expect(csvRun.err).toEqual([]);
    expect(csvCode).toBe(0);
    const warnings = JSON.parse(readFileSync(join(ws.root, 'warnings.json'), 'utf8'));
    expect(warnings).toMatchObject({ from: FROM, to: TO, runs: 8, warnings: expect.any(Array) });

    const [header, ...lines] = readFileSync(join(ws.root, 'evaluation.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('method,parameter,value,size_k,outbreaks,detected,sensitivity,false_alarms_per_100,median_delay_weeks,cell_weeks');
    const rows = lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [header!.split(',')[i]!, value])));
    // 21 configurations (EARS C1–C3 and Farrington at 4 alphas, CUSUM at 4 thresholds, auto) × 4 sizes
    expect(rows).toHaveLength(defaultConfigurations.length * SIZES.length);
    expect(rows).toHaveLength(84);
    const keys = rows.map((r) => `${r.method} ${r.parameter} ${r.value} ${r.size_k}`);
    expect(new Set(keys).size).toBe(84);
    expect(rows.map((r) => r.size_k)).toEqual(SIZES.flatMap((k) => defaultConfigurations.map(() => String(k))));
    for (const row of rows) {
      const outbreaks = Number(row.outbreaks);
      const detected = Number(row.detected);
      const sensitivity = Number(row.sensitivity);
      // four cells, one outbreak planted in each (a Poisson total of 0 plants none)
      expect(outbreaks).toBeGreaterThanOrEqual(1);
      expect(outbreaks).toBeLessThanOrEqual(4);
      expect(detected).toBeLessThanOrEqual(outbreaks);
      expect(sensitivity).toBeGreaterThanOrEqual(0);
      expect(sensitivity).toBeLessThanOrEqual(1);
      expect(sensitivity).toBeCloseTo(detected / outbreaks, 4);
      expect(Number(row.false_alarms_per_100)).toBeGreaterThanOrEqual(0);
      expect(Number(row.false_alarms_per_100)).toBeLessThanOrEqual(100);
      // the scored window is weeks 104..129 of each cell: at most 26 weeks each, less the outbreaks'
      expect(Number(row.cell_weeks)).toBeGreaterThan(4 * 26 - 4 * 20);
      expect(Number(row.cell_weeks)).toBeLessThan(4 * 26);
      if (detected === 0) expect(row.median_delay_weeks).toBe('');
      else expect(Number(row.median_delay_weeks)).toBeGreaterThanOrEqual(0);
    }
    // outbreaks of 8 SD (a mean of about 16 extra complaints in a cell of 4 a week) do not all go unseen
    expect(rows.filter((r) => r.size_k === '8' && Number(r.detected) > 0).length).toBeGreaterThan(0);
    expect(csvRun.out.join('')).toContain('Detectors scored on outbreaks planted into 4 department × category series (0 with too little history left out)');
  });

  it('writes Markdown for a .md file, saying what it was planted into', async () => {
    const out = join(ws.root, 'evaluation.md');
    // the warehouse of the first run: its file is skipped as already loaded
    expect(await main(backtestArgs(ws, '--out', join(ws.root, 'warnings-2.json'), '--db', ws.db, '--evaluate', out), capture().io)).toBe(0);
    const [mark, preface, blank, ...table] = readFileSync(out, 'utf8').trim().split('\n');
    // hearken's mark, hidden where Markdown is shown: a later --evaluate replaces this file and no one's notes
    expect(mark).toBe('<!-- hearken: planted-outbreak evaluation -->');
    expect(preface).toMatch(/^Synthetic outbreaks planted into 4 department × category series of .+, weeks up to 2024-06-30 \(0 series with too little history left out\); generated \d{4}-/);
    expect(blank).toBe('');
    expect(table[0]).toBe('| Method | Setting | Outbreak size (k × SD) | Outbreaks planted | Detected | Sensitivity | False alarms per 100 cell-weeks | Median weeks to detection | Cell-weeks without outbreak |');
    const body = table.slice(2);
    expect(body).toHaveLength(84);
    expect(body[0]).toMatch(/^\| `ears_c1` \| `alpha = 0\.001` \| 2 \| [1-4] \| \d \| \d+% \| [\d.]+ \| [\d.–]+ \| \d+ \|$/);
    expect(body.at(-1)).toMatch(/^\| `auto` \| hearken’s choice per series \| 8 \|/);
    expect(existsSync(join(ws.root, 'warnings-2.json'))).toBe(true);
  }, 120_000);

  it('scores the replay per kind on a planted-truth file (--truth), in the reader’s language', async () => {
    const truth = join(ws.root, 'truth.json');
    // a rise planted into old records of the first week: no run of the replay can find it in time
    writeFileSync(truth, JSON.stringify({ planted: [{ id: 'old', hospital: 'a hospital', onset: FROM, record_ids: ['1', '2', '3'] }] }));
    const run = capture();
    const args = ['backtest', '--input', ws.input, '--from', FROM, '--to', TO, '--lang', 'vi', '--out', join(ws.root, 'warnings-3.json'), '--db', ws.db, '--truth', truth];
    expect(await main(args, run.io)).toBe(0);
    const lines = run.out.join('').split('\n');
    expect(lines.filter((line) => line.startsWith(`Đã chấm điểm cảnh báo theo từng loại trên các vấn đề đã biết của ${truth}: 0/1 đợt tăng được cài được cảnh báo kịp thời; `))).toHaveLength(1);
    const table = lines.filter((line) => line.startsWith('| '));
    expect(table[0]).toMatch(/^\| Cảnh báo \| Bệnh viện \| Phát hiện kịp thời \|/);
    // five kinds, for all hospitals and for the truth's one
    expect(table.slice(2)).toHaveLength(10);
    expect(table[2]).toMatch(/^\| Khiếu nại tăng đột biến \| Tất cả bệnh viện \| 0\/1 \(0%\) \|/);
  }, 120_000);

  it('exits 2 with one line on a bad date, writing nothing', async () => {
    const { err: errors, io } = capture();
    const out = join(ws.root, 'bad.json');
    const evaluation = join(ws.root, 'bad.md');
    const code = await main(['backtest', '--input', ws.input, '--from', '2024-02-30', '--to', TO, '--out', out, '--evaluate', evaluation], io);
    expect(code).toBe(2);
    expect(errors.join('').trim().split('\n')).toEqual(['hearken: --from must be a date YYYY-MM-DD, not 2024-02-30']);
    expect(existsSync(out) || existsSync(evaluation)).toBe(false);
  });

  it('stops on an evaluation setting out of range before loading anything, exit 2', async () => {
    const config = ws.config();
    const attempt = runBacktest(config, { from: FROM, to: TO, out: join(ws.root, 'never.json'), warehouse: join(ws.root, 'never.duckdb'), evaluate: join(ws.root, 'never.csv'), evaluation: { share: 2 } }, silentProgress);
    await expect(attempt).rejects.toThrow(PipelineError);
    await expect(attempt).rejects.toMatchObject({ exitCode: 2, message: '--evaluate: share must be between 0 and 1, got 2' });
    expect(existsSync(join(ws.root, 'never.duckdb'))).toBe(false);
  });
});
