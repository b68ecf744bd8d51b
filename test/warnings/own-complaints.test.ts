import { describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../pipeline/warnings/detection-settings.ts';
import { corroborated, risingTermsOf, standsOnItsComplaints } from '../../pipeline/warnings/detector-warnings.ts';
import { groupSignals, type CellSignal } from '../../pipeline/warnings/signal-groups.ts';

// The false warnings of a generated data set (seed 2, BENCHMARKS.md "Every false warning read"),
// each as its signals were: counts, q-values, and the week before.
function signal(cell: unknown[], kind: CellSignal['kind'], records: string[], qValue: number, previousPValue = 1): CellSignal {
  return {
    kind,
    hospital: 'H',
    cell: JSON.stringify(cell),
    week: '2025-10-20',
    firstDay: '2025-10-20',
    observed: records.length,
    expected: 0.29,
    upperbound: 2,
    pValue: qValue / 20,
    qValue,
    method: 'ears_c2',
    baselineStart: '2025-08-11',
    baselineEnd: '2025-09-28',
    records,
    days: records.map((_, i) => `2025-10-2${i % 6}`),
    previousPValue,
    firstComplaints: false,
  };
}

const settings = detectionDefaults;
const taps = ['t1', 't2', 't3', 't4', 't5', 't6'];

describe('corroborated', () => {
  it("does not take the hospital's category as a second view: the same complaints move it", () => {
    // six complaints of one phrase (a broken tap by four wards' toilets, q 0.0005) and the
    // hospital's facility complaints, 14 against 5.3 expected (q 0.039), eight of them others
    const phrase = signal(['term', 'vi', 'vòi nước'], 'emerging_term', taps, 0.0005);
    const facility = signal(['category', 'facility'], 'spike', [...taps, 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8'], 0.039);
    const [group, ...rest] = groupSignals([phrase, facility], new Set());
    expect(rest).toEqual([]);
    expect(group!.members).toHaveLength(2);
    expect(corroborated(group!, settings)).toBe(false);
    // the same phrase up the week before (p 0.0019 ≤ 0.01) builds up: corroborated as before
    const [building] = groupSignals([{ ...phrase, previousPValue: 0.0019 }, facility], new Set());
    expect(corroborated(building!, settings)).toBe(true);
  });

  it('still takes a department and its place as two views', () => {
    const ward = signal(['department', 'Khoa Nhi', 'facility'], 'spike', ['n1', 'n2', 'n3', 'n4'], 0.004);
    const floor = signal(['location', 'Khoa Nhi tầng 3'], 'hotspot', ['n1', 'n2', 'n3'], 0.02);
    const [group] = groupSignals([ward, floor], new Set());
    expect(corroborated(group!, settings)).toBe(true);
  });
});

describe('standsOnItsComplaints', () => {
  it('drops a phrase of unrelated wards: words alone need half their complaints in one department or at one place', () => {
    // "Signage to … is confusing and I got lost twice": 7 complaints of 6 departments at 6 places,
    // up the week before as well (p 0.0017): corroborated by its counts, owned by nobody
    const signage = signal(['term', 'en', 'signag'], 'emerging_term', ['s1', 's2', 's3', 's4', 's5', 's6', 's7'], 0.0015, 0.0017);
    const [group] = groupSignals([signage], new Set());
    expect(corroborated(group!, settings)).toBe(true);
    expect(standsOnItsComplaints(group!, { department: null, location: null }, null, settings)).toBe(false);
    // a planted problem's words: 2 of its 3 complaints from Pharmacy (majority: at least half)
    expect(standsOnItsComplaints(group!, { department: 'Pharmacy', location: null }, null, settings)).toBe(true);
    expect(standsOnItsComplaints(group!, { department: null, location: 'discharge lounge' }, null, settings)).toBe(true);
  });

  it("does not take a word the department's complaints always hold as a second view", () => {
    // the security office's attitude complaints, 6 against 0.29 (q 0.0009), and its staff's word
    // 保安 (security guard), 7 against 0.71 (q 0.0026): neither up the week before
    const office = signal(['department', '保卫科', 'attitude'], 'spike', ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'], 0.0009, 0.043);
    const guard = signal(['term', 'zh', '保安'], 'emerging_term', ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'x'], 0.0026, 0.029);
    const [group] = groupSignals([office, guard], new Set());
    expect(group!.members).toHaveLength(2);
    expect(corroborated(group!, settings)).toBe(true);
    const owner = { department: '保卫科', location: null };
    // 保安 in all 6 complaints and in 24 of the office's 30 of the year before: 1.0 against 0.8
    const rising = risingTermsOf(
      Array.from({ length: 6 }, () => ({ terms: ['保安', '态度'] })),
      [{ term: '保安', records: 24, baseline_records: 30 }, { term: '态度', records: 20, baseline_records: 30 }],
    );
    expect(rising).toEqual([]);
    expect(standsOnItsComplaints(group!, owner, new Set(rising.map((r) => r.term)), settings)).toBe(false);
    // no year before to compare with: the word is judged a second view, as before
    expect(standsOnItsComplaints(group!, owner, null, settings)).toBe(true);
  });

  it('takes a word that rose in the department’s complaints as a second view', () => {
    // A&E's attitude complaints, 6 against 0.8 (q 0.0105, above the 0.01 a new warning needs),
    // and "secur" in 5 of them (q < 0.0001) against 2 of the department's 40 the year before:
    // 0.833 against 0.05, G² 17.9, Log Ratio 4.06
    const ae = signal(['department', 'Emergency Department', 'attitude'], 'spike', ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], 0.0105, 0.17);
    const security = signal(['term', 'en', 'secur'], 'emerging_term', ['a1', 'a2', 'a3', 'a4', 'a5'], 0.00004);
    const [group] = groupSignals([ae, security], new Set());
    const rising = risingTermsOf(
      [...Array.from({ length: 5 }, () => ({ terms: ['secur', 'rude'] })), { terms: ['rude'] }],
      [{ term: 'secur', records: 2, baseline_records: 40 }, { term: 'rude', records: 30, baseline_records: 40 }],
    );
    expect(rising.map((r) => r.term)).toEqual(['secur']);
    expect(rising[0]!.g2).toBeCloseTo(17.9465, 3);
    expect(rising[0]!.log_ratio).toBeCloseTo(4.0589, 3);
    expect(standsOnItsComplaints(group!, { department: 'Emergency Department', location: null }, new Set(['secur']), settings)).toBe(true);
  });
});
