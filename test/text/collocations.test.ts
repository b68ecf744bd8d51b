import { describe, expect, it } from 'vitest';
import { learnCollocations } from '../../pipeline/text/collocations.ts';

function repeat(times: number, sequence: readonly string[]): (readonly string[])[] {
  return Array.from({ length: times }, () => sequence);
}

// 38 adjacent pairs in all. The 2×2 tables (pair, second without first, first without second, rest)
// and their G², from base R 4.2 with
//   g2 <- function(k) { e <- outer(rowSums(k), colSums(k)) / sum(k); 2 * sum(ifelse(k > 0, k * log(k / e), 0)) }
// on matrix(c(k11, k21, k12, k22), 2), and the same from scipy.stats.chi2_contingency(lambda_="log-likelihood"):
//   gửi xe      6  3  0 29   G² = 21.6911
//   xe máy      6  0  4 28   G² = 19.6881
//   cứu thương  4  0  0 34   G² = 25.5737  (only 4 times)
//   chờ lâu    10  5  3 20   G² = 11.9169  (below 15.13)
//   rất lâu     5 10  0 23   'rất' is a stop word
//   chờ xe      3  6 10 19   G² =  0.0040
const corpus = Object.freeze([
  ...repeat(6, ['gửi', 'xe', 'máy']),
  ...repeat(4, ['xe', 'cứu', 'thương']),
  ...repeat(10, ['chờ', 'lâu']),
  ...repeat(3, ['chờ', 'xe']),
  ...repeat(5, ['rất', 'lâu']),
  // one-token sequences add no pair: sequences are not joined to each other
  ['máy'],
  ['gửi'],
].map((sequence) => Object.freeze([...sequence])));

describe('learnCollocations', () => {
  it('keeps pairs seen at least minCount times with G² >= 15.13, strongest first', () => {
    expect(learnCollocations(corpus, { stopWords: ['rất'] })).toEqual([
      ['gửi', 'xe'],
      ['xe', 'máy'],
    ]);
  });

  it('orders by G²: a threshold of 20 keeps gửi xe (21.69) and drops xe máy (19.69)', () => {
    expect(learnCollocations(corpus, { threshold: 20 })).toEqual([['gửi', 'xe']]);
  });

  it('lets rarer pairs in with a lower minCount', () => {
    expect(learnCollocations(corpus, { minCount: 4, stopWords: ['rất'] })).toEqual([
      ['cứu', 'thương'],
      ['gửi', 'xe'],
      ['xe', 'máy'],
    ]);
  });

  it('leaves out pairs with a stop word but counts them in the margins', () => {
    // with the stop word 'rất' as an ordinary token, rất lâu (10.50) still misses 15.13
    const threshold = 10;
    expect(learnCollocations(corpus, { threshold })).toContainEqual(['rất', 'lâu']);
    expect(learnCollocations(corpus, { threshold, stopWords: new Set(['rất']) })).not.toContainEqual(['rất', 'lâu']);
    expect(learnCollocations(corpus, { threshold, stopWords: ['rất'] })).toContainEqual(['chờ', 'lâu']);
  });

  it('does not count pairs across sequences', () => {
    const split = [...repeat(20, ['gửi']), ...repeat(20, ['xe'])];
    expect(learnCollocations(split, { minCount: 1, threshold: 0 })).toEqual([]);
  });

  it('ignores pairs seen less often than chance, however large their G²', () => {
    // a d: 5 times where the margins expect 28.8; G² = 111.81 (R, as above)
    const skewed = [...repeat(50, ['a', 'b']), ...repeat(50, ['c', 'd']), ...repeat(5, ['a', 'd'])];
    expect(learnCollocations(skewed)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('returns plain tuples that survive a structured clone (for worker threads)', () => {
    const learned = learnCollocations(corpus);
    expect(structuredClone(learned)).toEqual(learned);
    expect(JSON.parse(JSON.stringify(learned))).toEqual(learned);
  });

  it('rejects a bad minCount or threshold', () => {
    expect(() => learnCollocations(corpus, { minCount: 0 })).toThrow('learnCollocations requires minCount');
    expect(() => learnCollocations(corpus, { threshold: Number.NaN })).toThrow('learnCollocations requires threshold');
  });
});
