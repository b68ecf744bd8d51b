// Warning ids per hospital, and the ids of a warehouse from before hospitals (pipeline/warnings/warnings.ts).
import { describe, expect, it } from 'vitest';
import { legacyWarningKey, raiseWarnings, warningId, type Warning, type WarningCandidate, type WarningHistory } from '../../pipeline/warnings/warnings.ts';

const style = { language: 'en' as const, dueDays: new Map([['other', 7]]), workingDays: new Map<string, string[]>(), calendar: 'none' };

function drop(hospital: string, department: string): WarningCandidate {
  return {
    kind: 'satisfaction_drop',
    warning_key: JSON.stringify([hospital, 'satisfaction_drop', department]),
    hospital,
    department,
    category: null,
    location: null,
    keywords: [],
    period_start: '2025-06-06',
    period_end: '2025-06-13',
    observed: 2,
    expected: 0,
    method: 'xmr',
    severity: 'low',
    evidence_ids: ['A1', 'A2'],
    evidence: [{ source: 'survey', id: 'A1' }, { source: 'survey', id: 'A2' }],
    reason: '5',
    month: null,
  };
}

/** A log as a run before hospitals left it: one open warning, its id the digest of the key without hospital, its record without one. */
function historyBefore(department: string): { history: WarningHistory; id: string } {
  const id = warningId(JSON.stringify(['satisfaction_drop', department]));
  const { warning_key: _k, reason: _r, month: _m, hospital: _h, ...facts } = drop('east', department);
  const logged = { ...facts, id, status: 'new', run_id: 'old-run', summary: '', suggested_action: '', due_date: '2025-06-13' } as unknown as Warning;
  return { history: { log: [{ id, firstAsOf: '2025-06-12', lastAsOf: '2025-06-12', resolvedAsOf: null }], published: new Map([[id, logged]]) }, id };
}

describe('warning ids', () => {
  it('name the hospital: the same department in two hospitals is two warnings', () => {
    const { warnings } = raiseWarnings([drop('east', '急诊科'), drop('west', '急诊科')], { log: [], published: new Map() }, '2025-06-13', style, 'run');
    expect(warnings.map((w) => [w.hospital, w.id, w.status]).sort()).toEqual(
      [
        ['east', warningId('["east","satisfaction_drop","急诊科"]'), 'new'],
        ['west', warningId('["west","satisfaction_drop","急诊科"]'), 'new'],
      ].sort(),
    );
  });

  it('drop the hospital, for the key a warehouse before hospitals had', () => {
    expect(legacyWarningKey('["east","satisfaction_drop","急诊科"]')).toBe('["satisfaction_drop","急诊科"]');
    expect(legacyWarningKey('["east","spike","department","急诊科","process"]')).toBe('["spike","department","急诊科","process"]');
  });

  it('keep an open warning logged before hospitals under its old id, while one hospital alone claims it', () => {
    const { history, id } = historyBefore('急诊科');
    const { warnings, history: next } = raiseWarnings([drop('east', '急诊科')], history, '2025-06-13', style, 'run');
    expect(warnings.map((w) => [w.id, w.hospital, w.status])).toEqual([[id, 'east', 'ongoing']]);
    // once it is logged with its hospital, it keeps the old id on later runs
    const later = raiseWarnings([drop('east', '急诊科')], next, '2025-06-16', style, 'run2');
    expect(later.warnings.map((w) => [w.id, w.status])).toEqual([[id, 'ongoing']]);
  });

  it('give two hospitals that both claim an old warning their new ids, and resolve the old one', () => {
    const { history, id } = historyBefore('急诊科');
    const { warnings } = raiseWarnings([drop('east', '急诊科'), drop('west', '急诊科')], history, '2025-06-13', style, 'run');
    expect(warnings.map((w) => [w.id, w.status]).sort()).toEqual(
      [
        [id, 'resolved'],
        [warningId('["east","satisfaction_drop","急诊科"]'), 'new'],
        [warningId('["west","satisfaction_drop","急诊科"]'), 'new'],
      ].sort(),
    );
  });
});
