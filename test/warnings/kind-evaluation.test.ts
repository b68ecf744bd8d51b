import { describe, expect, it } from 'vitest';
import { evaluateKinds, formatKindScores, type GroundTruth, type ScoredWarning } from '../../pipeline/warnings/kind-evaluation.ts';

// A planted rise in 骨科 (r1..r4, onset Monday 10 March), a planted rise with a survey drop in a
// Vietnamese ward (v1..v3; section C of July and August), one planted serious event (s1, 12 March),
// and two decoys: the winter season in 儿科 and a harmless sense of a serious word (h1).
const truth: GroundTruth = Object.freeze({
  planted: [
    { id: 'P1', hospital: 'cn', onset: '2025-03-10', record_ids: ['r1', 'r2', 'r3', 'r4'] },
    { id: 'P2', hospital: 'vn', onset: '2025-07-01', record_ids: ['v1', 'v2', 'v3'], survey: { department: 'Khoa Ngoại', section: 'C', start: '2025-07-01', end: '2025-08-31' } },
  ],
  sentinels: [{ id: 'S1', hospital: 'cn', record_id: 's1', day: '2025-03-12' }],
  decoys: [
    { id: 'winter', hospital: 'cn', sources: ['hotline'], departments: ['儿科'], keywords: ['排队'], start: '2025-01-01', end: '2025-02-28' },
    { id: 'harmless', hospital: 'cn', sources: [], departments: [], keywords: [], start: '2025-03-01', end: '2025-03-31', record_ids: ['h1'] },
  ],
});
const facts = {
  hospitalCode: new Map([['江州', 'cn'], ['Sơn Nam', 'vn']]),
  source: new Map(['r1', 'r2', 'r3', 'r4', 'x1', 'x2', 'k1', 's1', 'h1', 'v1'].map((id) => [id, 'hotline'])),
};
const warning = (id: string, kind: ScoredWarning['kind'], as_of: string, evidence_ids: string[], extra: Partial<ScoredWarning> = {}): ScoredWarning => ({
  id,
  kind,
  hospital: '江州',
  department: '骨科',
  keywords: [],
  period_start: '2025-03-10',
  period_end: '2025-03-16',
  evidence_ids,
  as_of,
  ...extra,
});
const hotspotSignal = { kind: 'hotspot' as const, cell: ['location', '7病区'], observed: 3, expected: 0.5, upperbound: 2, p_value: 0.001, q_value: 0.01, method: 'ears_c2' };
const warnings: ScoredWarning[] = [
  // the rise, seen through its department and its place, in the first run after its first week: 6 days
  warning('W1', 'spike', '2025-03-16', ['r1', 'r2', 'r3'], { signals: [{ ...hotspotSignal, kind: 'spike' }, hotspotSignal] }),
  warning('W1', 'spike', '2025-03-23', ['r1', 'r2', 'r3', 'r4']),
  // one planted record of two: a passer-by, a false alarm
  warning('W2', 'emerging_term', '2025-03-23', ['r4', 'x1'], { department: null }),
  // the winter season of 儿科
  warning('W3', 'spike', '2025-02-02', ['k1', 'x2'], { department: '儿科', keywords: ['排队'], period_start: '2025-01-27', period_end: '2025-02-02' }),
  // the survey drop, warned after July: 33 days after its start
  warning('W4', 'satisfaction_drop', '2025-08-03', [], { hospital: 'Sơn Nam', department: 'Khoa Ngoại', period_start: '2025-07-01', period_end: '2025-07-31' }),
  warning('W5', 'sentinel', '2025-03-16', ['s1']),
  warning('W6', 'sentinel', '2025-03-16', ['h1']),
  // an sla_breach is no kind scored here
  warning('W7', 'sla_breach', '2025-03-16', ['r1']),
].map((w) => Object.freeze(w));

describe('evaluateKinds (hand-worked)', () => {
  const scores = evaluateKinds(warnings, truth, facts);
  const of = (kind: string, hospital: string | null = null) => scores.find((s) => s.kind === kind && s.hospital === hospital);

  it('scores recall in time, precision, decoy hits and delay per kind, over all hospitals', () => {
    expect(of('rise')).toEqual({ kind: 'rise', hospital: null, planted: 2, found: 1, recall: 0.5, warnings: 2, pointing: 1, precision: 0.5, decoyHits: 1, medianDelayDays: 6 });
    // the hotspot merged into W1 finds P1 too; no warning is named a hotspot
    expect(of('hotspot')).toMatchObject({ planted: 2, found: 1, warnings: 0, precision: null, medianDelayDays: 6 });
    expect(of('emerging_term')).toMatchObject({ planted: 2, found: 0, recall: 0, warnings: 1, pointing: 0, precision: 0, decoyHits: 0, medianDelayDays: null });
    expect(of('satisfaction_drop')).toMatchObject({ planted: 1, found: 1, warnings: 1, pointing: 1, precision: 1, medianDelayDays: 33 });
    expect(of('sentinel')).toMatchObject({ planted: 1, found: 1, warnings: 2, pointing: 1, precision: 0.5, decoyHits: 1, medianDelayDays: 4 });
  });

  it('scores each hospital on its own problems and warnings', () => {
    expect(of('rise', 'vn')).toMatchObject({ planted: 1, found: 0, recall: 0, warnings: 0 });
    expect(of('rise', 'cn')).toMatchObject({ planted: 1, found: 1, recall: 1, warnings: 2 });
    expect(of('satisfaction_drop', 'vn')).toMatchObject({ planted: 1, found: 1, warnings: 1 });
    expect(scores).toHaveLength(5 * 3);
  });

  it('finds nothing in time after the window: a rise warned in its fourth week is a miss', () => {
    const late = [warning('L', 'spike', '2025-04-06', ['r1', 'r2', 'r3'])];
    expect(evaluateKinds(late, truth, facts).find((s) => s.kind === 'rise' && s.hospital === null)).toMatchObject({ found: 0, warnings: 1, pointing: 1 });
  });

  it('leaves a sentinel’s precision unknown without planted events', () => {
    const { sentinels: _none, ...withoutEvents } = truth;
    expect(evaluateKinds(warnings, withoutEvents, facts).find((s) => s.kind === 'sentinel' && s.hospital === null)).toMatchObject({ planted: 0, recall: null, warnings: 2, precision: null });
  });

  it('formats a table', () => {
    expect(formatKindScores([of('rise')!]).split('\n')[2]).toBe('| rise | all | 1 of 2 (50%) | 1 of 2 (50%) | 1 | 6 |');
  });
});
