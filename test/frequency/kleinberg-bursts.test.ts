import { describe, expect, it } from 'vitest';
import {
  kleinbergBursts,
  type BatchCount,
  type BurstState,
  type KleinbergOptions,
} from '../../pipeline/frequency/kleinberg-bursts.ts';
import { expectClose } from '../statistics/vectors.ts';

const batches = (relevant: readonly number[], total: number): readonly BatchCount[] =>
  Object.freeze(relevant.map((r) => Object.freeze({ relevant: r, total })));

// Reference values below come from a brute force written separately in base R 4.2.2 (every one
// of the 2^n state sequences, full binomial cost -dbinom(r, d, p, log = TRUE), start in state 0,
// each 0→1 step costs gamma·log(n), p1 = max(p0, min(s·p0, 0.99999))). Weights are to 1e-12
// relative: the same sums in a different order.
describe('kleinbergBursts by hand', () => {
  it('finds no burst in a flat series', () => {
    // 5 of 100 each period: p0 = 0.05, p1 = 0.1, and at every period state 1 costs more:
    // σ0 − σ1 = 5 ln 2 + 95 ln(0.9 / 0.95) = 3.465736 − 5.136386 = −1.670650 (R: -1.67065011787647)
    const out = kleinbergBursts(batches(Array<number>(10).fill(5), 100));
    expect(out.states).toEqual(Array<number>(10).fill(0));
    expect(out.bursts).toEqual([]);
  });

  it('puts the burst exactly over a jump, weighted by the cost it saves', () => {
    // 5,5,5,5,5,5,20,20,20,5 of 100: p0 = 95/1000 = 0.095, p1 = 0.19.
    // A 20 saves σ0 − σ1 = 20 ln 2 + 80 ln(0.81 / 0.905) = 13.862944 − 8.872056 = 4.990888;
    // a 5 loses 5 ln 2 + 95 ln(0.81 / 0.905) = −7.069830. Three 20s save 14.972664 > ln 10 =
    // 2.302585 (the cost of going up), and no 5 is worth including. R: weight 14.9726637855707.
    const out = kleinbergBursts(batches([5, 5, 5, 5, 5, 5, 20, 20, 20, 5], 100));
    expect(out.states).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 0]);
    expect(out.bursts).toHaveLength(1);
    expect(out.bursts[0]).toMatchObject({ start: 6, end: 8 });
    expectClose(out.bursts[0]?.weight ?? null, 14.9726637855707, 1e-12, 'weight');
  });

  it('keeps a burst open to the last period', () => {
    // 4,6,5,5,4,6,5,5,18,22 of 100: p0 = 0.08, p1 = 0.16; R: states 0…0 1 1, weight 13.1704027094815
    const out = kleinbergBursts(batches([4, 6, 5, 5, 4, 6, 5, 5, 18, 22], 100));
    expect(out.states).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(out.bursts).toHaveLength(1);
    expect(out.bursts[0]).toMatchObject({ start: 8, end: 9 });
    expectClose(out.bursts[0]?.weight ?? null, 13.1704027094815, 1e-12, 'weight');
  });

  it('lets gamma price a burst out: one spike pays at gamma = 1 but not at 1.5', () => {
    // 12 of 100 once among 5s: p0 = 0.057, the spike saves 2.831025 (R: 2.83102494822221),
    // more than 1 · ln 10 = 2.302585 but less than 1.5 · ln 10 = 3.453878.
    const spike = batches([5, 5, 5, 5, 5, 12, 5, 5, 5, 5], 100);
    const loose = kleinbergBursts(spike);
    expect(loose.bursts).toHaveLength(1);
    expect(loose.bursts[0]).toMatchObject({ start: 5, end: 5 });
    expectClose(loose.bursts[0]?.weight ?? null, 2.83102494822221, 1e-12, 'weight');
    expect(kleinbergBursts(spike, { gamma: 1.5 }).bursts).toEqual([]);
    // the three-period jump above saves 14.97, below 7 · ln 10 = 16.12
    expect(kleinbergBursts(batches([5, 5, 5, 5, 5, 5, 20, 20, 20, 5], 100), { gamma: 7 }).bursts).toEqual([]);
  });

  it('takes s as an option (s = 3 on the jump: p1 = 0.285, weight 9.36016107866614 in R)', () => {
    const out = kleinbergBursts(batches([5, 5, 5, 5, 5, 5, 20, 20, 20, 5], 100), { s: 3 });
    expect(out.bursts).toHaveLength(1);
    expect(out.bursts[0]).toMatchObject({ start: 6, end: 8 });
    expectClose(out.bursts[0]?.weight ?? null, 9.36016107866614, 1e-12, 'weight');
  });

  it('caps the burst rate below 1 when s · p0 >= 1', () => {
    // 3,4,10,10,3,4 of 10: p0 = 34/60 = 0.5667, s · p0 = 1.13 → p1 = 0.99999, so costs stay finite.
    // An all-relevant period saves −10 ln 0.5667 + 10 ln 0.99999 = 5.679740; R: weight 11.3594807511188.
    const out = kleinbergBursts(batches([3, 4, 10, 10, 3, 4], 10));
    expect(out.states).toEqual([0, 0, 1, 1, 0, 0]);
    expectClose(out.bursts[0]?.weight ?? null, 11.3594807511188, 1e-12, 'weight');
  });

  it('handles a term never seen, empty periods, a single period and an empty series', () => {
    // p0 = p1 = 0: both states cost 0 everywhere, and going up is never free, so no burst
    expect(kleinbergBursts(batches([0, 0, 0], 50)).bursts).toEqual([]);
    // a period with no documents costs nothing in either state and does not break a burst
    const empty = { relevant: 0, total: 0 };
    const gap = kleinbergBursts([...batches([5, 5, 5, 5, 5, 20, 20], 100), empty, ...batches([20, 5, 5, 5], 100)]);
    // R: states 0 0 0 0 0 1 1 1 1 0 0 0, weight 16.3023070757184 (the empty period adds 0)
    expect(gap.states).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0]);
    expectClose(gap.bursts[0]?.weight ?? null, 16.3023070757184, 1e-12, 'weight');
    // n = 1: ln 1 = 0 so going up is free, but p0 is the period's own share, which state 0 fits best
    expect(kleinbergBursts(batches([7], 20)).states).toEqual([0]);
    expect(kleinbergBursts([])).toEqual({ states: [], bursts: [] });
  });

  it('breaks ties towards state 0: an empty period at either edge of a burst stays outside it', () => {
    // a period with no documents costs 0 in both states, so entering the burst there or one period
    // later costs the same, as does leaving it there or staying in it to the end
    const empty = { relevant: 0, total: 0 };
    const before = kleinbergBursts([...batches([5, 5, 5], 100), empty, ...batches([20, 20, 20, 5], 100)]);
    expect(before.states).toEqual([0, 0, 0, 0, 1, 1, 1, 0]);
    const after = kleinbergBursts([...batches([5, 5, 5, 5, 20, 20, 20], 100), empty]);
    expect(after.states).toEqual([0, 0, 0, 0, 1, 1, 1, 0]);
    // p0 = 1 makes p1 = p0: every sequence costs the same once going up is free
    expect(kleinbergBursts(batches([10, 10], 10), { gamma: 0 }).states).toEqual([0, 0]);
  });

  it('rejects bad counts and parameters', () => {
    expect(() => kleinbergBursts([{ relevant: 3, total: 2 }])).toThrow(
      'kleinbergBursts requires integer counts with 0 <= relevant <= total',
    );
    expect(() => kleinbergBursts([{ relevant: -1, total: 2 }])).toThrow(/kleinbergBursts/);
    expect(() => kleinbergBursts([{ relevant: 1, total: 2.5 }])).toThrow(/kleinbergBursts/);
    expect(() => kleinbergBursts(batches([1], 2), { s: 1 })).toThrow('kleinbergBursts requires a finite s > 1');
    expect(() => kleinbergBursts(batches([1], 2), { gamma: -1 })).toThrow('kleinbergBursts requires a finite gamma >= 0');
  });
});

// An independent check of the Viterbi recursion: try all 2^n state sequences (n <= 12) with the
// full cost, binomial coefficient included, and compare. Costs are to 1e-9 absolute (sums of up
// to 12 terms below ~1000, in a different order); the sequence itself is compared only when the
// best is unique by more than 1e-7, since on an exact tie the two searches may pick differently.
// Ties are real here: a period with no documents fits either state for free, gamma = 0 makes
// going up free, and p1 = p0 when every document has the term (about 50 of the 237 series).
const CAP = 0.99999;

function logChoose(d: number, r: number): number {
  let sum = 0;
  for (let i = 1; i <= r; i++) sum += Math.log((d - r + i) / i);
  return sum;
}

function sigma(r: number, d: number, p: number): number {
  const hits = r > 0 ? r * Math.log(p) : 0;
  const misses = d - r > 0 ? (d - r) * Math.log(1 - p) : 0;
  return -(logChoose(d, r) + hits + misses);
}

function bruteForce(series: readonly BatchCount[], s: number, gamma: number) {
  const n = series.length;
  const p0 = series.reduce((a, b) => a + b.relevant, 0) / series.reduce((a, b) => a + b.total, 0);
  const p1 = Math.max(p0, Math.min(s * p0, CAP));
  const costOf = (states: readonly number[]): number => {
    let cost = 0;
    let previous = 0;
    states.forEach((state, t) => {
      const { relevant, total } = series[t] ?? { relevant: 0, total: 0 };
      if (state > previous) cost += gamma * Math.log(n);
      cost += sigma(relevant, total, state === 1 ? p1 : p0);
      previous = state;
    });
    return cost;
  };
  let best = Number.POSITIVE_INFINITY;
  let runnerUp = Number.POSITIVE_INFINITY;
  let bestStates: number[] = [];
  for (let code = 0; code < 2 ** n; code++) {
    const states = Array.from({ length: n }, (_, t) => (code >> t) & 1);
    const cost = costOf(states);
    if (cost < best) {
      runnerUp = best;
      best = cost;
      bestStates = states;
    } else if (cost < runnerUp) runnerUp = cost;
  }
  const saved = series.map(({ relevant, total }) => sigma(relevant, total, p0) - sigma(relevant, total, p1));
  return { best, runnerUp, bestStates, costOf, saved };
}

// mulberry32: a small seeded generator, so the random series are the same on every run
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSeries(next: () => number, n: number): BatchCount[] {
  // a base rate (sometimes above 0.5, to reach the cap), raised over a random stretch
  const base = next() < 0.2 ? 0.4 + 0.5 * next() : 0.3 * next();
  const from = Math.floor(next() * n);
  const to = from + Math.floor(next() * (n - from));
  const lift = 1 + 3 * next();
  return Array.from({ length: n }, (_, t) => {
    const total = next() < 0.1 ? 0 : 1 + Math.floor(next() * 60);
    const rate = Math.min(1, t >= from && t <= to ? base * lift : base);
    let relevant = 0;
    for (let i = 0; i < total; i++) if (next() < rate) relevant++;
    return { relevant, total };
  });
}

describe('kleinbergBursts against brute force', () => {
  const settings: readonly Required<KleinbergOptions>[] = [
    { s: 2, gamma: 1 },
    { s: 1.5, gamma: 0.5 },
    { s: 3, gamma: 2 },
    { s: 2, gamma: 0 },
  ];
  const next = random(20020723);
  const cases = Array.from({ length: 240 }, (_, i) => ({
    series: randomSeries(next, 1 + (i % 12)),
    options: settings[i % settings.length] ?? { s: 2, gamma: 1 },
  })).filter(({ series }) => series.some((b) => b.total > 0));

  it('finds a minimum-cost state sequence, and its bursts and weights, on 200+ random series', () => {
    let compared = 0;
    let withBursts = 0;
    for (const { series, options } of cases) {
      const out = kleinbergBursts(series, options);
      const brute = bruteForce(series, options.s, options.gamma);
      const where = JSON.stringify({ series, options });
      expect(Math.abs(brute.costOf(out.states) - brute.best), where).toBeLessThan(1e-9);
      if (brute.runnerUp - brute.best > 1e-7) {
        expect(out.states, where).toEqual(brute.bestStates);
        compared++;
      }
      // bursts are exactly the runs of state 1, each weighted by its saving, and pay for their entry
      const runs: { start: number; end: number }[] = [];
      out.states.forEach((state: BurstState, t) => {
        const last = runs.at(-1);
        if (state === 1 && last !== undefined && last.end === t - 1) last.end = t;
        else if (state === 1) runs.push({ start: t, end: t });
      });
      expect(out.bursts.map(({ start, end }) => ({ start, end })), where).toEqual(runs);
      for (const burst of out.bursts) {
        const weight = brute.saved.slice(burst.start, burst.end + 1).reduce((a, b) => a + b, 0);
        expect(Math.abs(burst.weight - weight), where).toBeLessThan(1e-9);
        expect(burst.weight, where).toBeGreaterThanOrEqual(options.gamma * Math.log(series.length) - 1e-9);
      }
      if (out.bursts.length > 0) withBursts++;
    }
    // guard against a vacuous test: most sequences are compared (186 of 237), many have bursts (106)
    expect(compared).toBeGreaterThan(cases.length * 0.7);
    expect(withBursts).toBeGreaterThan(cases.length * 0.2);
  });
});
