import { describe, expect, it } from 'vitest';
import { issueThemes, mergeThemes, nearDuplicates } from '../../pipeline/frequency/issue-themes.ts';

// Twelve records, worked by hand with minRecords = 2:
//   records holding each term: queue {0..4} 5, toilet {5..9} 5, doctor {0,5,10,11} 4,
//   dirty {5..8} 4, wait {0,1,2,4} 4, register {0,3} 2, rude {10,11} 2 (long, smell: 1, too rare).
// Anchors in order of records (then alphabetically): queue, toilet, dirty, doctor, wait, register, rude.
//   queue: wait is with it in 4 of min(4, 5) records (overlap 1), register in 2 of 2; doctor only
//     once together (< 2). Theme queue + [wait, register] over records 0..4.
//   toilet: dirty 4 of 4 → partner; doctor once together. Theme toilet + [dirty] over 5..9.
//   dirty, wait, register: partners of a stronger theme (and all their records are in one) → no theme of their own.
//   doctor: not an issue term (the caller's choice, e.g. it leans to no category): never an anchor
//     nor a partner, although it is with rude in 2 of min(4, 2) records.
//   rude: a theme of its own, with no partner.
const records = [
  ['queue', 'wait', 'register', 'doctor'],
  ['queue', 'wait'],
  ['queue', 'wait', 'long'],
  ['queue', 'register'],
  ['queue', 'wait'],
  ['toilet', 'dirty', 'doctor'],
  ['toilet', 'dirty'],
  ['toilet', 'dirty', 'smell'],
  ['toilet', 'dirty'],
  ['toilet'],
  ['doctor', 'rude'],
  ['rude', 'doctor'],
].map((terms) => Object.freeze({ terms: Object.freeze(terms) }));
const issueTerms = new Set(['queue', 'wait', 'register', 'long', 'toilet', 'dirty', 'smell', 'rude']);

describe('issueThemes', () => {
  it('groups co-occurring issue terms under anchors, ranked by records', () => {
    expect(issueThemes(records, issueTerms, { minRecords: 2 })).toEqual([
      { anchor: 'queue', merged: [], partners: ['wait', 'register'], records: [0, 1, 2, 3, 4] },
      { anchor: 'toilet', merged: [], partners: ['dirty'], records: [5, 6, 7, 8, 9] },
      { anchor: 'rude', merged: [], partners: [], records: [10, 11] },
    ]);
  });

  it('stops at maxThemes and respects minRecords', () => {
    expect(issueThemes(records, issueTerms, { minRecords: 2, maxThemes: 2 }).map((theme) => theme.anchor)).toEqual(['queue', 'toilet']);
    expect(issueThemes(records, issueTerms, { minRecords: 5 }).map((theme) => theme.anchor)).toEqual(['queue', 'toilet']);
  });

  it('gives no theme for an empty month', () => {
    expect(issueThemes([], issueTerms)).toEqual([]);
  });
});

describe('issueThemes, a partner of a stronger theme', () => {
  it('starts no theme of its own even when most of its records lie outside that theme', () => {
    // window: 6 records, 3 with queue; queue: 6 records. Overlap 3 / min(6, 6) = 0.5 ≥ 0.4, so
    // window is queue's partner; only 3 of window's 6 records are in queue's theme (not more than half).
    const records = [
      ...Array.from({ length: 3 }, () => ({ terms: ['queue', 'window'] })),
      ...Array.from({ length: 3 }, () => ({ terms: ['queue'] })),
      ...Array.from({ length: 3 }, () => ({ terms: ['window'] })),
    ];
    // queue and window tie on 6 records; queue comes first alphabetically and takes window as partner
    expect(issueThemes(records, new Set(['queue', 'window']), { minRecords: 3 })).toEqual([
      { anchor: 'queue', merged: [], partners: ['window'], records: [0, 1, 2, 3, 4, 5] },
    ]);
  });
});

describe('issueThemes, phrases', () => {
  it('lets a phrase take the place of its words, and leaves out a word already in a phrase', () => {
    // six records hold all five terms: anchor appoint (first alphabetically among equals); partners
    // by name: change; outpati; then "outpati appoint", whose words are both there, replaces outpati
    const records = Array.from({ length: 6 }, () => ({ terms: ['appoint', 'change', 'outpati', 'outpati appoint'] }));
    const themes = issueThemes(records, new Set(['appoint', 'change', 'outpati', 'outpati appoint']), { minRecords: 3 });
    expect(themes).toEqual([{ anchor: 'appoint', merged: [], partners: ['change', 'outpati appoint'], records: [0, 1, 2, 3, 4, 5] }]);
    // a word inside the anchor phrase is not a partner
    const parking = Array.from({ length: 4 }, () => ({ terms: ['car park', 'park', 'full'] }));
    expect(issueThemes(parking, new Set(['car park', 'park', 'full']), { minRecords: 3 })[0]).toEqual({ anchor: 'car park', merged: [], partners: ['full'], records: [0, 1, 2, 3] });
  });
});

describe('issueThemes, near-duplicate themes', () => {
  // 排队 in records 0-5, 缴费 in 6-11, never together; 太久 and 窗口 in 0, 1, 6, 7.
  // Anchors: 排队 (6), 缴费 (6), then 太久 (4), 窗口 (4) (code-unit order breaks the ties).
  //   排队: 太久 and 窗口 each together in 2 of min(4, 6) records (0.5 ≥ 0.4): partners [太久, 窗口].
  //   缴费: none of its records is inside 排队's; partners [太久, 窗口] likewise. Its terms
  //     {缴费, 太久, 窗口} share 2 of 3 with {排队, 太久, 窗口} (≥ 0.5): the same issue, merged into 排队,
  //     which now counts the 12 records of both anchors.
  //   太久, 窗口: partners of a theme, no theme of their own.
  const records = [
    ...Array.from({ length: 2 }, () => ['排队', '窗口', '太久']),
    ...Array.from({ length: 4 }, () => ['排队']),
    ...Array.from({ length: 2 }, () => ['缴费', '窗口', '太久']),
    ...Array.from({ length: 4 }, () => ['缴费']),
  ].map((terms) => Object.freeze({ terms: Object.freeze(terms) }));
  const terms = new Set(['排队', '缴费', '窗口', '太久']);

  it('merges a theme sharing half of its terms into the stronger one', () => {
    expect(issueThemes(records, terms, { minRecords: 2 })).toEqual([
      { anchor: '排队', merged: ['缴费'], partners: ['太久', '窗口'], records: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
    ]);
  });

  it('keeps them apart when they must share more', () => {
    expect(issueThemes(records, terms, { minRecords: 2, minShared: 0.7 })).toEqual([
      { anchor: '排队', merged: [], partners: ['太久', '窗口'], records: [0, 1, 2, 3, 4, 5] },
      { anchor: '缴费', merged: [], partners: ['太久', '窗口'], records: [6, 7, 8, 9, 10, 11] },
    ]);
  });

  it('merges a theme sharing half of its records', () => {
    // elevator in records 0-7, wait in 4-11: together in 4 of min(8, 8) = 0.5, below minOverlap 0.6,
    // so wait is no partner; half of its records (not more) lie in elevator's theme, so it forms one,
    // and shares 4 of its 8 records (≥ 0.5) with elevator's: merged.
    const shared = [
      ...Array.from({ length: 4 }, () => ({ terms: ['elevator'] })),
      ...Array.from({ length: 4 }, () => ({ terms: ['elevator', 'wait'] })),
      ...Array.from({ length: 4 }, () => ({ terms: ['wait'] })),
    ];
    expect(issueThemes(shared, new Set(['elevator', 'wait']), { minRecords: 2, minOverlap: 0.6 })).toEqual([
      { anchor: 'elevator', merged: ['wait'], partners: [], records: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
    ]);
  });
});

describe('nearDuplicates and mergeThemes', () => {
  const queue = Object.freeze({ anchor: 'queue', merged: [], partners: ['long', 'window'], records: [0, 1, 2, 3] });
  const pay = Object.freeze({ anchor: 'pay', merged: [], partners: ['window', 'cashier'], records: [4, 5, 6] });

  it('measures shared terms and records against the smaller theme', () => {
    // terms: {queue, long, window} and {pay, window, cashier} share 1 of 3; records share none
    expect(nearDuplicates(queue, pay, 0.5)).toBe(false);
    expect(nearDuplicates(queue, pay, 1 / 3)).toBe(true);
    expect(nearDuplicates(queue, { ...pay, records: [3, 4] }, 0.5)).toBe(true); // 1 of 2 records
  });

  it('names the merged theme after the stronger anchor and counts the records of both', () => {
    expect(mergeThemes(queue, pay)).toEqual({ anchor: 'queue', merged: ['pay'], partners: ['long', 'window', 'cashier'], records: [0, 1, 2, 3, 4, 5, 6] });
  });
});
