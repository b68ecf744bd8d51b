import { describe, expect, it } from 'vitest';
import { tfIdf } from '../../pipeline/frequency/tf-idf.ts';
import { expectClose } from '../statistics/vectors.ts';

describe('tfIdf', () => {
  // Four departments in one month (N = 4), raw counts:
  //                 wait  rude  parking  clean  noise
  //   emergency       3     1      2       .      .
  //   maternity       1     .      .       2      .
  //   paediatrics     2     2      .       0      .     (an explicit 0 is not a use)
  //   oncology        1     .      1       .      4
  // df: wait 4, rude 2, parking 2, clean 1, noise 1
  // idf = ln(N / df): wait ln 1 = 0, rude = parking = ln 2 = 0.693147, clean = noise = ln 4 = 1.386294
  // tf·idf: emergency  wait 0, rude 1·ln 2 = 0.693147, parking 2·ln 2 = 1.386294
  //         maternity  wait 0, clean 2·ln 4 = 2.772589
  //         paediatrics wait 0, rude 2·ln 2 = 1.386294
  //         oncology   wait 0, parking 1·ln 2 = 0.693147, noise 4·ln 4 = 5.545177
  // Confirmed in base R 4.2.2: tf <- rbind(...); sweep(tf, 2, log(nrow(tf) / colSums(tf > 0)), `*`)
  // (emergency parking 1.386294361119891, oncology noise 5.54517744447956). Tolerance 1e-15 relative.
  const documents = Object.freeze([
    new Map([['wait', 3], ['rude', 1], ['parking', 2]]),
    new Map([['wait', 1], ['clean', 2]]),
    new Map([['wait', 2], ['rude', 2], ['clean', 0]]),
    new Map([['wait', 1], ['parking', 1], ['noise', 4]]),
  ]);
  const expected: readonly (readonly [string, number][])[] = [
    [['wait', 0], ['rude', Math.log(2)], ['parking', 2 * Math.log(2)]],
    [['wait', 0], ['clean', 2 * Math.log(4)]],
    [['wait', 0], ['rude', 2 * Math.log(2)]],
    [['wait', 0], ['parking', Math.log(2)], ['noise', 4 * Math.log(4)]],
  ];

  it('matches the hand calculation, term by term and in input order', () => {
    const weights = tfIdf(documents);
    expect(weights).toHaveLength(4);
    weights.forEach((got, d) => {
      const want = expected[d] ?? [];
      expect([...got.keys()], `document ${d}`).toEqual(want.map(([term]) => term));
      for (const [term, value] of want) expectClose(got.get(term) ?? null, value, 1e-15, `document ${d} ${term}`);
    });
    expectClose(weights[0]?.get('parking') ?? null, 1.386294361119891, 1e-15, 'emergency parking (R)');
    expectClose(weights[3]?.get('noise') ?? null, 5.54517744447956, 1e-14, 'oncology noise (R)');
  });

  it('gives 0 to a term every document uses, and to everything when there is one document', () => {
    expect(tfIdf(documents).every((w) => w.get('wait') === 0)).toBe(true);
    expect([...(tfIdf([new Map([['wait', 5], ['rude', 1]])])[0] ?? [])]).toEqual([['wait', 0], ['rude', 0]]);
  });

  it('does not mutate its input', () => {
    const before = documents.map((d) => [...d]);
    tfIdf(documents);
    expect(documents.map((d) => [...d])).toEqual(before);
  });

  it('returns nothing for no documents and an empty map for an empty document', () => {
    expect(tfIdf([])).toEqual([]);
    expect(tfIdf([new Map(), new Map([['wait', 1]])])).toEqual([new Map(), new Map([['wait', Math.log(2)]])]);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => tfIdf([new Map([['wait', -1]])])).toThrow('tfIdf requires integer counts >= 0');
    expect(() => tfIdf([new Map([['wait', 0.5]])])).toThrow(/tfIdf/);
  });
});
