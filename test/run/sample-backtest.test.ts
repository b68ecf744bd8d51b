import { readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest, type BacktestFile, type BacktestWarning } from '../../pipeline/backtest.ts';
import { normalizeConfig } from '../../pipeline/config.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { SAMPLE_NOW, sampleRun } from '../support/sample-run.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const SAMPLE = resolve(import.meta.dirname, '../../data/sample');

/** The generator's ground truth (data/sample/planted.json), which the pipeline never reads. */
interface Planted { id: string; hospital: string; sources: string[]; onset: string; end: string; record_ids: string[] }
interface NormalRise { id: string; hospital: string; sources: string[]; departments: string[]; keywords: string[]; start: string; end: string }
const truth = JSON.parse(readFileSync(join(SAMPLE, 'planted.json'), 'utf8')) as { planted: Planted[]; normal_rises: NormalRise[] };

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/**
 * A warning points at a planted problem when at least a quarter of its evidence, and at least two
 * records, are that problem's planted records: the problem is what it is about, not a passer-by.
 * A record is its hospital, source and id: the two Chinese campuses' registers share ids.
 */
function plantedBehind(warning: BacktestWarning): Planted[] {
  return truth.planted.filter((problem) => {
    if (warning.hospital !== problem.hospital) return false;
    const planted = new Set(problem.record_ids);
    const shared = warning.evidence.filter((record) => problem.sources.includes(record.source) && planted.has(record.id)).length;
    return shared >= 2 && shared * 4 >= warning.evidence.length;
  });
}

/**
 * A warning points at a normal rise (a season, a post-holiday rebound, a large steady department)
 * when it is of the rise's hospital and from one of its sources, overlaps its dates, and names one of its departments,
 * or is hospital-wide during a rise of the whole hospital, or carries one of its keywords.
 */
function normalRiseBehind(warning: BacktestWarning): NormalRise[] {
  const sources = new Set(warning.evidence.map((record) => record.source));
  return truth.normal_rises.filter(
    (rise) =>
      rise.hospital === warning.hospital &&
      rise.sources.some((source) => sources.has(source)) &&
      warning.period_start <= rise.end &&
      warning.period_end >= rise.start &&
      ((warning.department !== null && rise.departments.includes(warning.department)) ||
        (warning.department === null && rise.departments.length === 0) ||
        warning.keywords.some((keyword) => rise.keywords.includes(keyword))),
  );
}

/**
 * The sample's last two years replayed, as `hearken backtest --from 2024-11-18 --to 2026-11-16
 * --db` does on the warehouse of `npm start` (a copy of the warehouse of the sample run built once
 * per test run; its site, 3,289 files the backtest never reads, is not copied): its files are
 * loaded and read already, so the backtest loads nothing again.
 */
let ws: Workspace;
let backtest: BacktestFile;
beforeAll(async () => {
  const sample = await sampleRun();
  ws = await createWorkspace();
  await copyFile(sample.workspace.db, ws.db);
  const config = normalizeConfig({ input: SAMPLE, lang: 'en' });
  const out = join(ws.root, 'backtest.json');
  await runBacktest(config, { from: '2024-11-18', to: '2026-11-16', out, warehouse: ws.db }, silentProgress, SAMPLE_NOW);
  backtest = JSON.parse(readFileSync(out, 'utf8')) as BacktestFile;
}, 900_000);
afterAll(async () => {
  await ws.dispose();
});

/**
 * Each distinct complaint-detector warning as first raised (a sentinel is one record, not a count,
 * and a satisfaction drop is surveys, not complaints: see their own tests).
 */
function distinctWarnings(): BacktestWarning[] {
  const first = new Map<string, BacktestWarning>();
  for (const warning of backtest.warnings) if (warning.kind !== 'sentinel' && warning.kind !== 'satisfaction_drop' && !first.has(warning.id)) first.set(warning.id, warning);
  return [...first.values()];
}

describe('hearken backtest on the sample’s last two years', () => {
  it('replays 105 Mondays, every warning with the as-of date of its run', () => {
    expect(backtest.runs).toBe(105);
    expect(backtest.as_of).toBe('2026-11-15');
    expect(backtest.warnings.every((w) => w.as_of >= '2024-11-17' && w.as_of <= '2026-11-15' && w.period_end <= w.as_of)).toBe(true);
    expect(new Set(backtest.warnings.map((w) => w.kind))).toEqual(new Set(['spike', 'hotspot', 'emerging_term', 'sentinel', 'satisfaction_drop']));
  });

  it('warns of at least 90% of the planted problems within two weeks of their onset', () => {
    const warnedInTime = truth.planted.filter((problem) =>
      backtest.warnings.some((w) => plantedBehind(w).includes(problem) && daysBetween(problem.onset, w.as_of) >= 0 && daysBetween(problem.onset, w.as_of) <= 14),
    );
    expect(truth.planted).toHaveLength(9);
    expect(warnedInTime.length / truth.planted.length).toBeGreaterThanOrEqual(0.9);
  });

  // Measured 2026-12-06 with cells and FDR families per hospital: 26 of 36 (72%). Before, one
  // family pooled the three hospitals' tests, and a hospital-wide category pooled them too: a weak
  // signal of one hospital then needed a stronger p to pass, which hid some of each hospital's own
  // 5%-FDR list. The floor follows the per-hospital design deliberately (it was 80%).
  // Measured 2026-12-06 with the east campus (a fourth hospital, 2 warnings of its own, none
  // planted) and departments shown as each hospital writes them: 25 of 36 (69%), from 25 of 33
  // (76%) on the three-hospital sample with the same code. The floor moves from 70% to 65%
  // deliberately: the planted problems are all still found (the test above).
  // Measured 2026-12-06 after one problem, one warning (a planted problem's word and place no
  // longer make warnings of their own beside its department's, which counted twice before) and the
  // routine complaints' texts without serious events: 21 of 34 (62%). Of the 13 others, two are the
  // known normal rises below, one is the app outage's hospital-wide spike (64 records, too few of
  // them planted to count by the quarter rule), ten are rises of 3 to 6 records, most in the Chinese
  // hospital. The floor moved to 60% deliberately.
  // Measured 2026-12-06 after a new warning needs a signal within open_fdr (0.01) and complaints on
  // two days or more: 17 of 20 (85%), the planted problems warned as soon as before. The floor is the
  // goal of issue 13, 80%.
  // Measured 2026-12-06 after a department's category is also judged over two weeks (rise_weeks):
  // 23 of 25 (92%; Kingsmere 8 of 8, 江州 8 of 8, Sơn Nam 7 of 9). The floor moves to 90%.
  it('points at least 90% of its distinct warnings at a planted problem', () => {
    const warnings = distinctWarnings();
    const pointing = warnings.filter((w) => plantedBehind(w).length > 0);
    expect(pointing.length / warnings.length).toBeGreaterThanOrEqual(0.9);
  });

  // Measured 2026-12-06: two, named here so that any other shows. Kingsmere's Outpatients spike of
  // 19 October 2025 (13 complaints about appointments) was raised before too, but the check could not
  // see it: the department was shown as "Outpatient Department", not as the trust writes it (the name
  // the rise lists); and the east campus's 小儿科 hotspot of 21 December 2025, in its winter season. Measured 2026-12-06 after
  // open_fdr and open_days: none (the strongest signals of those two had q 0.036 and 0.029).
  it('raises no warning at a seasonal rise, a post-holiday rebound or a large steady department', () => {
    const atNormalRises = distinctWarnings()
      .filter((w) => plantedBehind(w).length === 0)
      .flatMap((w) => normalRiseBehind(w).map((rise) => `${w.as_of} ${w.department}: ${rise.id}`));
    expect(atNormalRises).toEqual([]);
  });

  it('explains each warning: rule, bound, baseline, rising terms, quotes, owner, action and due date', () => {
    const warning = backtest.warnings.find((w) => w.kind === 'spike' && w.department === 'Khoa Nhi')!;
    expect(warning).toMatchObject({ category: 'facility', method: expect.stringMatching(/farrington_flexible|ears_c2/), severity: expect.stringMatching(/high|medium|low/) });
    expect(warning.observed).toBeGreaterThan(warning.upperbound!);
    expect(warning.baseline_start! < warning.period_start).toBe(true);
    expect(warning.keywords).toEqual(expect.arrayContaining(['tiêu chảy']));
    expect(warning.quotes!.length).toBeGreaterThanOrEqual(3);
    expect(warning.quotes!.length).toBeLessThanOrEqual(5);
    expect(warning.suggested_action).toMatch(/^Facilities and safety/);
    // a facility problem is due by complaint_sla.csv's 7 working days: from a Sunday, a week and two
    // days at least (more over a holiday), on a weekday
    expect(daysBetween(warning.as_of, warning.due_date)).toBeGreaterThanOrEqual(9);
    expect([1, 2, 3, 4, 5]).toContain(new Date(`${warning.due_date}T00:00:00Z`).getUTCDay());
  });

  it('replays the surveys: warns of the orthopaedic renovation (inpatients, section C) within three weeks of its onset', () => {
    const renovation = truth.planted.find((problem) => problem.id === 'vn-orthopaedics-renovation')!;
    const first = backtest.warnings.find(
      (w) => w.kind === 'satisfaction_drop' && w.satisfaction?.section === 'C' && w.satisfaction.patient_type === 'inpatient' && w.as_of >= renovation.onset,
    )!;
    expect(first.hospital).toBe(renovation.hospital);
    expect(first.observed).toBeLessThan(first.expected - 10);
    expect(daysBetween(renovation.onset, first.as_of)).toBeLessThanOrEqual(21);
    // the replay sees only what ended by its Sunday
    expect(first.period_end <= first.as_of).toBe(true);
    // measured 2026-12-07: first raised as of 2026-06-14 (two weeks below the lower limit), and no
    // other satisfaction drop in the 105 Mondays. The emergency department's two special causes
    // planted by no one (its inpatients' section C in 2025-07, 71.7% of 58 respondents against a
    // mean of 82.6; its whole form in 2026-07, 84.7% against 89.9) are no longer warned: each month's
    // own 99.8% interval reaches its centre line (up to 82.95 and 91.83), so its answers cannot tell
    // the fall from chance (the first narrowly)
    const others = backtest.warnings.filter((w) => w.kind === 'satisfaction_drop' && w.id !== first.id);
    expect(others).toEqual([]);
  });

  it('replays each sentinel record as news in the run of the week it was received, once', async () => {
    const keyOf = (hospital: string | null, source: string, id: string) => JSON.stringify([hospital, source, id]);
    const received = new Map(
      (await ws.query<{ hospital: string; source: string; id: string; day: string }>("select hospital, source, id, strftime(received_at, '%Y-%m-%d') as day from fct_feedback")).map((row) => [
        keyOf(row.hospital, row.source, row.id),
        row.day,
      ]),
    );
    const sentinels = backtest.warnings.filter((w) => w.kind === 'sentinel');
    const news = sentinels.flatMap((w) => {
      const fresh = new Set(w.new_evidence_ids ?? []);
      return w.evidence.filter((e) => fresh.has(e.id)).map((e) => ({ key: keyOf(w.hospital, e.source, e.id), as_of: w.as_of, severity: w.severity }));
    });
    expect(news.length).toBeGreaterThan(0);
    // every record of a sentinel event is news in one run only; each is news once, but for
    // records older than 30 days in the first run's first sight, history that an event holds
    expect(new Set(news.map((n) => n.key)).size).toBe(news.length);
    const newsKeys = new Set(news.map((n) => n.key));
    const never = [...new Set(sentinels.flatMap((w) => w.evidence.map((e) => keyOf(w.hospital, e.source, e.id))))].filter((key) => !newsKeys.has(key));
    expect(never.filter((key) => received.get(key)! > '2024-10-18')).toEqual([]);
    const late = news.filter((n) => {
      const day = received.get(n.key)!;
      return n.severity !== 'high' || !(day <= n.as_of && daysBetween(day, n.as_of) < 7);
    });
    // the first Monday also raises the records of the 30 days before it, its first sight of them
    expect(late.filter((n) => n.as_of > '2024-11-17')).toEqual([]);
  });
});
