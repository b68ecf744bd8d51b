// Issue 13 items 2 and 4: a warning says the figures that raised it, and a new one opens only on a
// new warning's evidence (helper "explain").
import { describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../pipeline/warnings/detection-settings.ts';
import { enoughToOpen, goingOn, twoWeekBound, weeklySignals } from '../../pipeline/warnings/detector-warnings.ts';
import { groupSignals, type CellSignal } from '../../pipeline/warnings/signal-groups.ts';
import { warningText, type Warning } from '../../pipeline/warnings/warnings.ts';
import { addDays } from '../../pipeline/time.ts';
import { cell, LAST, ordinary, WEEKS } from '../support/rising-cells.ts';
import { renderDepartmentPage } from '../../dashboards/department-page.ts';

const ISO = { day: (date: string) => date, month: (month: string) => month };

describe('twoWeekBound', () => {
  it('is the most complaints two weeks may hold whose doubled p-value is above the FDR', () => {
    // 2 expected over two weeks, dispersion 1, 10 baseline weeks (5 for the pair): NB(size 10, prob 5/6);
    // P(Y ≥ 7) = 0.0100687, doubled 0.020; P(Y ≥ 6) = 0.0273941, doubled 0.055 (scipy.stats.nbinom.sf)
    expect(twoWeekBound(2, 1, 10, 0.05)).toBe(6);
    // at an FDR of 1%, 7 (doubled 0.020) is not enough either: P(Y ≥ 8) = 0.00347, doubled 0.0069
    expect(twoWeekBound(2, 1, 10, 0.01)).toBe(7);
  });
});

describe('a rise over two weeks carries its two weeks’ figures (weeklySignals)', () => {
  it('gives the pair’s complaints, summed expectation and bound beside the week’s own', () => {
    // 9 attitude complaints in 7 weeks, then 6 and 7: 13 against 18/7 = 2.571 expected over the two;
    // NB(size 9, prob 7/9): 2·P(Y ≥ 8) = 0.0269 ≤ 0.05 < 2·P(Y ≥ 7) = 0.0628, so the bound is 7
    const rising = cell('Khoa Nhi', [1, 2, 1, 1, 2, 1, 1], [6, 7]);
    const [signal, ...rest] = weeklySignals(WEEKS, [...ordinary, rising], [LAST], detectionDefaults);
    expect(rest).toEqual([]);
    expect(signal!.firstDay).toBe(addDays(LAST, -7));
    expect([signal!.observed, Number(signal!.expected.toFixed(4))]).toEqual([7, 1.2857]);
    expect(signal!.twoWeeks!.observed).toBe(13);
    expect(signal!.twoWeeks!.expected).toBeCloseTo(18 / 7, 9);
    expect(signal!.twoWeeks!.upperbound).toBe(7);
  });

  it('gives none to a week that signals on its own', () => {
    // 20 in the last week after a quiet one: the week alone is the stronger evidence
    const burst = cell('Khoa Nhi', [1, 2, 1, 1, 2, 1, 1], [1, 20]);
    const [signal] = weeklySignals(WEEKS, [...ordinary, burst], [LAST], detectionDefaults);
    expect(signal!.firstDay).toBe(LAST);
    expect(signal!.twoWeeks).toBeUndefined();
  });
});

describe('a spike warning raised over two weeks says so (warningText)', () => {
  // seed 2, Kingsmere: the Estates facility warning raised by 7 complaints in two weeks against 2.9
  // expected, though its week alone, 3 against 1.6 (alarm above 4), is below its own bound
  const warning: Warning = {
    id: 'W-1',
    kind: 'spike',
    hospital: 'Kingsmere',
    run_id: 'r1',
    department: 'Estates',
    category: 'facility',
    location: null,
    keywords: ['lift', 'broken'],
    period_start: '2026-03-09',
    period_end: '2026-03-15',
    observed: 3,
    expected: 1.6,
    upperbound: 4,
    two_weeks: { period_start: '2026-03-02', observed: 7, expected: 2.94, upperbound: 6 },
    method: 'ears_c2',
    severity: 'medium',
    status: 'new',
    evidence_ids: ['K1'],
    evidence: [{ source: 'pals', id: 'K1' }],
    summary: '',
    suggested_action: '',
    due_date: '2026-03-20',
  };

  it('states the two weeks, their complaints, expectation and bound in every language', () => {
    expect(warningText(warning, 'en', ISO).summary).toBe('Estates · facility: 7 complaints in the two weeks from 2026-03-02, against 2.9 expected (alarm above 6). Rising: lift, broken.');
    expect(warningText(warning, 'zh', ISO).summary).toBe('Estates · 设施安全：2026-03-02 起两周投诉 7 件，预期 2.9 件（超过 6 件即预警）。上升的词：lift、broken。');
    expect(warningText(warning, 'vi', ISO).summary).toBe('Estates · cơ sở vật chất: 7 khiếu nại trong hai tuần từ 2026-03-02, kỳ vọng 2,9 (cảnh báo khi vượt 6). Từ tăng: lift, broken.');
  });

  it('shows the two weeks’ figures and bound on the department’s page, in place of the week’s', () => {
    const pack = { hospital: 'Kingsmere', department: 'Estates', as_of: '2026-03-15', generated_at: '2026-03-16T06:00:00+00:00', warnings: [warning], kpis: null };
    const en = renderDepartmentPage(pack, 'en');
    expect(en).toContain('<p>Estates · facility: 7 complaints in the two weeks from 2 Mar 2026, against 2.9 expected (alarm above 6). Rising: lift, broken.</p>');
    expect(en).toContain('<li>In the two weeks from <time datetime="2026-03-02">2 Mar 2026</time>: observed 7, expected 2.9</li><li>Alert threshold 6</li>');
    expect(en).not.toContain('Observed 3');
    expect(renderDepartmentPage(pack, 'zh')).toContain('：实际 7，预期 2.9</li><li>预警阈值 6</li>');
    expect(renderDepartmentPage(pack, 'vi')).toContain(': thực tế 7, dự kiến 2,9</li><li>Ngưỡng cảnh báo 6</li>');
  });

  it('keeps the week’s wording for a warning raised on its week', () => {
    const { two_weeks: _twoWeeks, ...week } = warning;
    expect(warningText(week, 'en', ISO).summary).toBe('Estates · facility: 3 complaints in the week of 2026-03-09, against 1.6 expected (alarm above 4). Rising: lift, broken.');
  });
});

function signal(cell: unknown[], records: string[], qValue: number): CellSignal {
  return {
    kind: 'spike',
    hospital: '江州',
    cell: JSON.stringify(cell),
    week: '2026-06-01',
    firstDay: '2026-06-01',
    observed: records.length,
    expected: 1,
    upperbound: 3,
    pValue: qValue / 50,
    qValue,
    method: 'ears_c2',
    baselineStart: '2026-03-23',
    baselineEnd: '2026-05-10',
    records,
    days: records.map((_, i) => `2026-06-0${1 + (i % 7)}`),
    previousPValue: 0.001,
    firstComplaints: false,
  };
}

describe('goingOn: an open warning goes on with one group, a neighbour of it is new', () => {
  // an app outage's warning W-outage, named after the outpatient department's process complaints,
  // also counted the hospital's process complaints. The week after, the department's cell goes on
  // (q 0.0005) and the hospital's process complaints signal too (q 0.033), 12 of their 40 the
  // department's: less than a third, so another problem
  const outpatient = signal(['department', '门诊部', 'process'], Array.from({ length: 12 }, (_, i) => `o${i}`), 0.0005);
  const hospital = signal(['category', 'process'], [...outpatient.records, ...Array.from({ length: 28 }, (_, i) => `h${i}`)], 0.033);
  const open = new Map([[outpatient.cell, 'W-outage'], [hospital.cell, 'W-outage']]);
  const groups = groupSignals([outpatient, hospital], new Set(open.keys()));
  const decided = goingOn(
    groups,
    (group) => (group.primary === outpatient ? ['W-outage'] : []),
    (group) => group.members.map((member) => open.get(member.cell)),
  );

  it('lets the named cell go on with its warning, and not the neighbour as well', () => {
    expect(groups.map((group) => group.primary)).toEqual([outpatient, hospital]);
    expect(decided.map(({ continuesId, ongoing }) => [continuesId, ongoing])).toEqual([
      [undefined, true],
      [undefined, false],
    ]);
    // new, it needs a new warning's evidence: q 0.033 is above open_fdr (0.01)
    expect(enoughToOpen(decided[1]!.group, detectionDefaults)).toBe(false);
  });

  it('lets a group continue an open warning no other group goes on with, under its id', () => {
    const alone = goingOn([groups[1]!], () => [], (group) => group.members.map((member) => open.get(member.cell)));
    expect(alone.map(({ continuesId, ongoing }) => [continuesId, ongoing])).toEqual([['W-outage', true]]);
  });

  it('gives each open warning to the first group that continues it only', () => {
    const twice = goingOn(['a', 'b'], () => [], () => ['W-1']);
    expect(twice.map(({ continuesId, ongoing }) => [continuesId, ongoing])).toEqual([
      ['W-1', true],
      [undefined, false],
    ]);
  });
});
