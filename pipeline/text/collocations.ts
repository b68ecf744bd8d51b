import { gSquared2x2 } from '../statistics/log_likelihood_g2.ts';

/** Two tokens that follow each other more often than chance, in reading order. */
export type Collocation = [first: string, second: string];

export interface CollocationOptions {
  /** Fewest times the pair must occur. */
  minCount?: number;
  /** Smallest G² (χ² with 1 df): 3.84 is p < 0.05, 10.83 is p < 0.001, 15.13 is p < 0.0001. */
  threshold?: number;
  /** Tokens that may not be part of a collocation; they still count in the margins. */
  stopWords?: ReadonlySet<string> | readonly string[];
}

const defaults = {
  minCount: 5,
  threshold: 15.13,
};

/**
 * Learns collocations: adjacent token pairs (a, b) whose count is both frequent (>= minCount) and
 * more than chance predicts, by Dunning's G² on the 2×2 table of the corpus's adjacent pairs:
 * first token a or not, by second token b or not. Only positive association counts (a pair seen
 * less often than its margins predict also scores a high G²). Pairs are counted within a sequence
 * only: the caller splits at punctuation and sentence breaks. Returns the pairs, strongest first,
 * as plain tuples that can be sent to worker threads.
 *
 * Dunning (1993), "Accurate methods for the statistics of surprise and coincidence",
 * Computational Linguistics 19(1):61–74.
 *
 * @example learnCollocations([['gửi', 'xe'], ...], { minCount: 5 }) // [['gửi', 'xe'], ...]
 */
export function learnCollocations(sequences: Iterable<readonly string[]>, options: CollocationOptions = {}): Collocation[] {
  const minCount = options.minCount ?? defaults.minCount;
  const threshold = options.threshold ?? defaults.threshold;
  if (!Number.isInteger(minCount) || minCount < 1) throw new RangeError('learnCollocations requires minCount to be an integer >= 1');
  if (!(threshold >= 0)) throw new RangeError('learnCollocations requires threshold >= 0');
  const stopWords = new Set(options.stopWords ?? []);

  // nested maps, so no separator can make two different pairs collide
  const pairCounts = new Map<string, Map<string, number>>();
  const firstCounts = new Map<string, number>();
  const secondCounts = new Map<string, number>();
  let total = 0;
  for (const sequence of sequences) {
    for (let i = 0; i + 1 < sequence.length; i++) {
      const first = sequence[i]!;
      const second = sequence[i + 1]!;
      let followers = pairCounts.get(first);
      if (followers === undefined) pairCounts.set(first, (followers = new Map()));
      followers.set(second, (followers.get(second) ?? 0) + 1);
      firstCounts.set(first, (firstCounts.get(first) ?? 0) + 1);
      secondCounts.set(second, (secondCounts.get(second) ?? 0) + 1);
      total++;
    }
  }

  const scored: { pair: Collocation; g2: number }[] = [];
  for (const [first, followers] of pairCounts) {
    if (stopWords.has(first)) continue;
    const asFirst = firstCounts.get(first)!;
    for (const [second, both] of followers) {
      if (both < minCount || stopWords.has(second)) continue;
      const asSecond = secondCounts.get(second)!;
      if (both * total <= asFirst * asSecond) continue;
      const g2 = gSquared2x2(both, asSecond - both, asFirst - both, total - asFirst - asSecond + both);
      if (g2 >= threshold) scored.push({ pair: [first, second], g2 });
    }
  }
  scored.sort((x, y) => y.g2 - x.g2 || compare(x.pair[0], y.pair[0]) || compare(x.pair[1], y.pair[1]));
  return scored.map(({ pair }) => pair);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
