import { describe, expect, it } from 'vitest';
import { evaluateKinds, type GroundTruth, type ScoredWarning } from '../../pipeline/warnings/kind-evaluation.ts';

// A planted rise in 骨科 of 江州 (r1..r4 of its hotline, onset Monday 10 March), a planted rise with
// a survey drop in a Vietnamese ward (v1..v3; section C of July and August), one planted serious
// event (s1, 12 March), and two decoys: the winter season in 儿科 and a harmless sense of a serious
// word (h1).
const truth: GroundTruth = Object.freeze({
  planted: [
    { id: 'P1', hospital: '江州', sources: ['hotline'], onset: '2025-03-10', record_ids: ['r1', 'r2', 'r3', 'r4'] },
    { id: 'P2', hospital: 'Sơn Nam', onset: '2025-07-01', record_ids: ['v1', 'v2', 'v3'], survey: { department: 'Khoa Ngoại', section: 'C', start: '2025-07-01', end: '2025-08-31' } },
  ],
  sentinels: [{ id: 'S1', hospital: '江州', record_id: 's1', day: '2025-03-12' }],
  decoys: [
    { id: 'winter', hospital: '江州', sources: ['hotline'], departments: ['儿科'], keywords: ['排队'], start: '2025-01-01', end: '2025-02-28' },
    { id: 'harmless', hospital: '江州', sources: [], departments: [], keywords: [], start: '2025-03-01', end: '2025-03-31', record_ids: ['h1'] },
  ],
});
const hotline = (...ids: string[]) => ids.map((id) => ({ source: 'hotline', id }));
const warning = (id: string, kind: ScoredWarning['kind'], as_of: string, evidence: ScoredWarning['evidence'], extra: Partial<ScoredWarning> = {}): ScoredWarning => ({
  id,
  kind,
  hospital: '江州',
  department: '骨科',
  keywords: [],
  period_start: '2025-03-10',
  period_end: '2025-03-16',
  evidence,
  as_of,
  ...extra,
});
const hotspotSignal = { kind: 'hotspot' as const, cell: ['location', '7病区'], observed: 3, expected: 0.5, upperbound: 2, p_value: 0.001, q_value: 0.01, method: 'ears_c2' };
const sectionC = { section: 'C', patient_type: 'inpatient', grain: 'month' as const, period: '2025-07', rule: 'shift', quotes: [], cells: [] };
const warnings: ScoredWarning[] = [
  // the rise, seen through its department and its place, in the first run after its first week: 6 days
  warning('W1', 'spike', '2025-03-16', hotline('r1', 'r2', 'r3'), { signals: [{ ...hotspotSignal, kind: 'spike' }, hotspotSignal] }),
  warning('W1', 'spike', '2025-03-23', hotline('r1', 'r2', 'r3', 'r4')),
  // one planted record of two: a passer-by, a false alarm
  warning('W2', 'emerging_term', '2025-03-23', hotline('r4', 'x1'), { department: null }),
  // the winter season of 儿科
  warning('W3', 'spike', '2025-02-02', hotline('k1', 'x2'), { department: '儿科', keywords: ['排队'], period_start: '2025-01-27', period_end: '2025-02-02' }),
  // the survey drop of section C, warned after July: 33 days after its start
  warning('W4', 'satisfaction_drop', '2025-08-03', [], { hospital: 'Sơn Nam', department: 'Khoa Ngoại', period_start: '2025-07-01', period_end: '2025-07-31', satisfaction: sectionC }),
  warning('W5', 'sentinel', '2025-03-16', hotline('s1')),
  warning('W6', 'sentinel', '2025-03-16', hotline('h1')),
  // an sla_breach is no kind scored here
  warning('W7', 'sla_breach', '2025-03-16', hotline('r1')),
].map((w) => Object.freeze(w));

describe('evaluateKinds (hand-worked)', () => {
  const scores = evaluateKinds(warnings, truth, new Map([['江州', 200], ['Sơn Nam', 100]]));
  const of = (kind: string, hospital: string | null = null) => scores.find((s) => s.kind === kind && s.hospital === hospital);

  it('scores recall in time, precision, decoy hits, false alarms and delay per kind, over all hospitals', () => {
    // one of the two rise warnings (W3, the winter) points at nothing planted: 1 per 300 cell-weeks
    expect(of('rise')).toEqual({ kind: 'rise', hospital: null, planted: 2, found: 1, recall: 0.5, warnings: 2, pointing: 1, precision: 0.5, decoyHits: 1, falseAlarmsPer100: 100 / 300, medianDelayDays: 6 });
    // the hotspot merged into W1 finds P1 too; no warning is named a hotspot
    expect(of('hotspot')).toMatchObject({ planted: 2, found: 1, warnings: 0, precision: null, falseAlarmsPer100: 0, medianDelayDays: 6 });
    expect(of('emerging_term')).toMatchObject({ planted: 2, found: 0, recall: 0, warnings: 1, pointing: 0, precision: 0, decoyHits: 0, medianDelayDays: null });
    expect(of('satisfaction_drop')).toMatchObject({ planted: 1, found: 1, warnings: 1, pointing: 1, precision: 1, falseAlarmsPer100: null, medianDelayDays: 33 });
    expect(of('sentinel')).toMatchObject({ planted: 1, found: 1, warnings: 2, pointing: 1, precision: 0.5, decoyHits: 1, falseAlarmsPer100: null, medianDelayDays: 4 });
  });

  it('scores each hospital on its own problems, warnings and cell-weeks', () => {
    expect(of('rise', 'Sơn Nam')).toMatchObject({ planted: 1, found: 0, recall: 0, warnings: 0, falseAlarmsPer100: 0 });
    expect(of('rise', '江州')).toMatchObject({ planted: 1, found: 1, recall: 1, warnings: 2, falseAlarmsPer100: 0.5 });
    expect(of('satisfaction_drop', 'Sơn Nam')).toMatchObject({ planted: 1, found: 1, warnings: 1 });
    expect(scores).toHaveLength(5 * 3);
  });

  it('reads a record as its hospital, source and id: a campus or a source sharing the id is another record', () => {
    const elsewhere = [
      warning('E1', 'spike', '2025-03-16', hotline('r1', 'r2', 'r3'), { hospital: '江州东院' }),
      warning('E2', 'spike', '2025-03-16', [{ source: 'gov_12345', id: 'r1' }, { source: 'gov_12345', id: 'r2' }]),
    ];
    expect(evaluateKinds(elsewhere, truth).find((s) => s.kind === 'rise' && s.hospital === null)).toMatchObject({ found: 0, warnings: 2, pointing: 0, falseAlarmsPer100: null });
  });

  it('counts a survey warning only for the section that fell', () => {
    const otherSection = warning('W4', 'satisfaction_drop', '2025-08-03', [], { ...warnings[4], satisfaction: { ...sectionC, section: 'A' } });
    expect(evaluateKinds([otherSection], truth).find((s) => s.kind === 'satisfaction_drop' && s.hospital === null)).toMatchObject({ found: 0, warnings: 1, pointing: 0 });
  });

  it('finds nothing in time after the window: a rise warned in its fourth week is a miss', () => {
    const late = [warning('L', 'spike', '2025-04-06', hotline('r1', 'r2', 'r3'))];
    expect(evaluateKinds(late, truth).find((s) => s.kind === 'rise' && s.hospital === null)).toMatchObject({ found: 0, warnings: 1, pointing: 1 });
  });

  it('counts a sentinel event made of a planted problem’s records as about it, a sentinel of one of them as not', () => {
    const outbreak = [warning('O1', 'sentinel', '2025-03-16', hotline('r1', 'r2')), warning('O2', 'sentinel', '2025-03-16', hotline('r3'))];
    expect(evaluateKinds(outbreak, truth).find((s) => s.kind === 'sentinel' && s.hospital === null)).toMatchObject({ found: 0, warnings: 2, pointing: 1, precision: 0.5 });
  });

  it('leaves a sentinel’s precision unknown without planted events', () => {
    const { sentinels: _none, ...withoutEvents } = truth;
    expect(evaluateKinds(warnings, withoutEvents).find((s) => s.kind === 'sentinel' && s.hospital === null)).toMatchObject({ planted: 0, recall: null, warnings: 2, precision: null });
  });
});
