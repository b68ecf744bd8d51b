import { describe, expect, it } from 'vitest';
import { keyness, risingTerms } from '../../pipeline/frequency/keyness.ts';
import { expectClose } from '../statistics/vectors.ts';

// Expected G² from base R 4.2.2 with
//   g2 <- function(k) { e <- outer(rowSums(k), colSums(k)) / sum(k); 2 * sum(ifelse(k > 0, k * log(k / e), 0)) }
// on matrix(c(a, b, A - a, B - b), 2), cross-checked against the residual deviance of
// glm(cbind(c(a, b), c(A - a, B - b)) ~ 1, family = binomial) (agreement 2e-14 relative).
// Tolerance 1e-12 relative: same formula, different summation order.
// Expected Log Ratio from R: log2(((a or 0.5) / A) / ((b or 0.5) / B)), tolerance 1e-14 relative.
describe('keyness', () => {
  it('matches R on a term that rose (30 of 200 target documents against 40 of 1000)', () => {
    const k = keyness(30, 200, 40, 1000);
    expectClose(k.g2, 28.6843609285346, 1e-12, 'g2');
    // by hand: shares 0.15 and 0.04, ratio 3.75, log2 3.75 = 1.906891
    expectClose(k.logRatio, 1.90689059560852, 1e-14, 'logRatio');
    expect(k.direction).toBe('rise');
    expect(k.targetShare).toBe(0.15);
    expect(k.baselineShare).toBe(0.04);
  });

  it('matches R on a term that fell', () => {
    const k = keyness(3, 200, 90, 1000);
    expectClose(k.g2, 18.0608731597578, 1e-12, 'g2');
    // shares 0.015 and 0.09, ratio 1/6, log2 = -2.584963
    expectClose(k.logRatio, -2.58496250072116, 1e-14, 'logRatio');
    expect(k.direction).toBe('fall');
  });

  it('takes a zero baseline count as 0.5 in the Log Ratio, but G² uses the exact table', () => {
    // log2((6/200) / (0.5/1000)) = log2(60) = 5.906891; G² on [6, 194; 0, 1000] = 21.652891
    const k = keyness(6, 200, 0, 1000);
    expectClose(k.logRatio, Math.log2(60), 1e-15, 'logRatio');
    expectClose(k.logRatio, 5.90689059560852, 1e-14, 'logRatio (R)');
    expectClose(k.g2, 21.6528910012933, 1e-12, 'g2');
    expect(k.baselineShare).toBe(0);
    expect(k.direction).toBe('rise');
  });

  it('takes a zero target count as 0.5 too', () => {
    // log2((0.5/200) / (12/1000)) = log2(0.208333) = -2.263034
    const k = keyness(0, 200, 12, 1000);
    expectClose(k.logRatio, -2.26303440583379, 1e-14, 'logRatio');
    expectClose(k.g2, 4.39989483205832, 1e-12, 'g2');
    expect(k.direction).toBe('fall');
  });

  it('gives 0 and a fall when neither window has the term', () => {
    expect(keyness(0, 200, 0, 1000)).toEqual({ g2: 0, logRatio: 0, direction: 'fall', targetShare: 0, baselineShare: 0 });
  });

  it('calls equal shares a fall with G² ≈ 0 and Log Ratio exactly 0', () => {
    const k = keyness(10, 100, 50, 500);
    expect(k.logRatio).toBe(0);
    expect(k.g2).toBeLessThan(1e-12);
    expect(k.direction).toBe('fall');
  });

  it('handles a term in every target document (an empty cell in the table)', () => {
    // [200, 0; 500, 500]: R gives 243.769477259771; shares 1 and 0.5, Log Ratio exactly 1
    const k = keyness(200, 200, 500, 1000);
    expectClose(k.g2, 243.769477259771, 1e-12, 'g2');
    expect(k.logRatio).toBe(1);
  });

  it('rejects impossible counts', () => {
    expect(() => keyness(201, 200, 0, 1000)).toThrow('keyness requires 0 <= targetWithTerm <= targetDocs');
    expect(() => keyness(1, 200, -1, 1000)).toThrow('keyness requires 0 <= baselineWithTerm <= baselineDocs');
    expect(() => keyness(0, 0, 0, 1000)).toThrow('keyness requires a positive integer targetDocs');
    expect(() => keyness(1.5, 200, 0, 1000)).toThrow(/keyness/);
  });
});

describe('risingTerms', () => {
  // 200 target and 1000 baseline documents; G² and Log Ratio from the same R expressions:
  //   wait      40 /  60   G² 34.310  LR  1.737   kept
  //   parking    9 /   0   G² 32.595  LR  6.492   kept (0 taken as 0.5)
  //   rude      12 /  10   G² 16.762  LR  2.585   kept
  //   noise     25 /  50   G² 13.361  LR  1.322   kept
  //   wifi       5 /   2   G² 10.360  LR  3.644   dropped: G² < 10.83
  //   staff     80 / 250   G² 17.730  LR  0.678   dropped: Log Ratio < 1
  //   food       3 /  90   G² 18.061  LR -2.585   dropped: a fall
  const terms = Object.freeze(
    (
      [
        ['noise', 25, 50],
        ['food', 3, 90],
        ['wifi', 5, 2],
        ['parking', 9, 0],
        ['staff', 80, 250],
        ['wait', 40, 60],
        ['rude', 12, 10],
      ] as const
    ).map(([term, targetWithTerm, baselineWithTerm]) => Object.freeze({ term, targetWithTerm, baselineWithTerm })),
  );

  it('keeps significant, at-least-doubled rises, ranked by G²', () => {
    const kept = risingTerms(terms, 200, 1000);
    expect(kept.map((k) => k.term)).toEqual(['wait', 'parking', 'rude', 'noise']);
    expectClose(kept[0]?.g2 ?? null, 34.3103449183015, 1e-12, 'wait g2');
    expectClose(kept[1]?.logRatio ?? null, 6.49185309632967, 1e-14, 'parking logRatio');
  });

  it('takes looser thresholds as options', () => {
    const names = (kept: readonly { term: string }[]): string[] => kept.map((k) => k.term);
    expect(names(risingTerms(terms, 200, 1000, { minG2: 3.84 }))).toEqual(['wait', 'parking', 'rude', 'noise', 'wifi']);
    expect(names(risingTerms(terms, 200, 1000, { minLogRatio: 0.5 }))).toEqual(['wait', 'parking', 'staff', 'rude', 'noise']);
  });

  it('orders terms with equal G² and Log Ratio by term, so the ranking is stable', () => {
    const twins = [
      { term: 'b', targetWithTerm: 20, baselineWithTerm: 10 },
      { term: 'a', targetWithTerm: 20, baselineWithTerm: 10 },
    ];
    expect(risingTerms(twins, 200, 1000).map((k) => k.term)).toEqual(['a', 'b']);
  });

  it('returns an empty list for no terms', () => {
    expect(risingTerms([], 200, 1000)).toEqual([]);
  });
});
