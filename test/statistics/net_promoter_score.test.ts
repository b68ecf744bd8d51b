import { describe, expect, it } from 'vitest';
import {
  netPromoterScore,
  netPromoterScoreFromCounts,
  promoterCounts,
} from '../../pipeline/statistics/net_promoter_score.ts';
import { deepFreeze, expectClose, numOrThrow, readCsv } from './vectors.ts';

// Expected values: the closed formula evaluated in R 4.2.2 (intervals.csv, kind = nps, exact
// doubles), in the same IEEE order as the port, so the tolerance is 1e-15 relative (exact at 0).
const rows = readCsv('intervals.csv').filter((r) => r.kind === 'nps');

function answersFor(promoters: number, passives: number, detractors: number): number[] {
  // Spread each class over its whole 0..10 band, to exercise the classification too.
  const pick = (band: readonly number[], i: number): number => band[i % band.length] ?? 0;
  return [
    ...Array.from({ length: promoters }, (_, i) => pick([9, 10], i)),
    ...Array.from({ length: passives }, (_, i) => pick([7, 8], i)),
    ...Array.from({ length: detractors }, (_, i) => pick([0, 1, 2, 3, 4, 5, 6], i)),
  ];
}

describe('netPromoterScore', () => {
  it('has all 10 NPS rows', () => expect(rows).toHaveLength(10));

  it.each(rows.map((r) => [r.id, r] as const))('%s matches the R closed formula', (_id, row) => {
    const answers = deepFreeze(
      answersFor(numOrThrow(row, 'promoters'), numOrThrow(row, 'passives'), numOrThrow(row, 'detractors')),
    );
    const got = netPromoterScore(answers);
    expect(got.n).toBe(numOrThrow(row, 'n'));
    for (const key of ['estimate', 'variance', 'se', 'lower', 'upper'] as const) {
      expectClose(got[key], numOrThrow(row, key), 1e-15, key);
    }
  });

  it('N09 keeps the IEEE rounding of 100 × (0.333 − 0.334)', () => {
    expect(netPromoterScoreFromCounts({ promoters: 333, passives: 333, detractors: 334 }).estimate).toBe(
      -0.10000000000000009,
    );
  });

  it('does not clip the interval to [-100, 100] (N05)', () => {
    expect(netPromoterScoreFromCounts({ promoters: 7, passives: 2, detractors: 1 }).upper).toBeGreaterThan(100);
  });

  it('classifies 0..6, 7..8 and 9..10 (Reichheld 2003)', () => {
    expect(promoterCounts(deepFreeze([0, 6, 7, 8, 9, 10]))).toEqual({ promoters: 2, passives: 2, detractors: 2 });
    expect(() => promoterCounts([11])).toThrow(/promoterCounts/);
  });
});
