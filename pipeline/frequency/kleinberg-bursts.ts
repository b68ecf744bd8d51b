/** One period of a batched stream: `relevant` of its `total` documents contain the term. */
export interface BatchCount {
  readonly relevant: number;
  readonly total: number;
}

/** 0 = base rate, 1 = burst. */
export type BurstState = 0 | 1;

export interface Burst {
  /** Index of the first period in the burst state. */
  readonly start: number;
  /** Index of the last period in the burst state (inclusive). */
  readonly end: number;
  /** Cost saved over the burst by state 1 rather than state 0, in nats; at least gamma · ln n. */
  readonly weight: number;
}

export interface KleinbergBursts {
  readonly states: readonly BurstState[];
  readonly bursts: readonly Burst[];
}

export interface KleinbergOptions {
  /** Ratio of the burst rate to the base rate, s > 1. */
  readonly s?: number;
  /** Cost of moving up one state, in units of ln n, gamma >= 0. */
  readonly gamma?: number;
}

// s = 2 and gamma = 1 are also the defaults of R's bursts::kleinberg (the continuous-time model).
const defaults = { s: 2, gamma: 1 } as const;

// p1 = s · p0 reaches 1 once p0 >= 1/s, and state 1 could then not explain any document without
// the term; capped just below 1 as nmarinsek/burst_detection (the Python batched implementation) does.
const MAX_BURST_RATE = 0.99999;

// −ln(p^r (1 − p)^(d − r)), taking 0 · ln 0 as 0. The binomial coefficient of Kleinberg's cost is
// left out: it is the same in both states at each period, so it changes neither the best state
// sequence nor a burst's weight (a difference of the two costs).
function fitCost(relevant: number, total: number, rate: number): number {
  const hits = relevant > 0 ? relevant * Math.log(rate) : 0;
  const misses = total > relevant ? (total - relevant) * Math.log(1 - rate) : 0;
  return -(hits + misses);
}

/**
 * Bursts of a term in a stream of batches (for example the records of each week): Kleinberg's
 * two-state automaton for batched arrivals. State 0 expects the term in a share p0 = Σr / Σd of
 * documents, state 1 in p1 = s · p0 (capped at 0.99999, never below p0); being in state i at period t costs
 * −ln[C(d_t, r_t) p_i^r_t (1 − p_i)^(d_t − r_t)], moving up costs gamma · ln n (n periods), moving
 * down is free, and the automaton starts in state 0. The Viterbi algorithm finds the cheapest state
 * sequence; on a tie it prefers state 0, so a burst is claimed only when it strictly pays. Each
 * maximal run of state 1 is a burst, weighted by the cost it saves, Σ (σ(0, t) − σ(1, t)).
 * Two states only: emerging terms need "bursting or not", and the weight is defined for this case.
 *
 * Kleinberg (2002), "Bursty and hierarchical structure in streams", Proc. 8th ACM SIGKDD
 * (Data Mining and Knowledge Discovery 7(4):373–397, 2003), section 4, "Enumerating bursts".
 *
 * @example kleinbergBursts([5, 5, 5, 5, 5, 5, 20, 20, 20, 5].map((relevant) => ({ relevant, total: 100 })))
 * // { states: [0, 0, 0, 0, 0, 0, 1, 1, 1, 0], bursts: [{ start: 6, end: 8, weight: 14.97… }] }
 */
export function kleinbergBursts(series: readonly BatchCount[], options: KleinbergOptions = {}): KleinbergBursts {
  const s = options.s ?? defaults.s;
  const gamma = options.gamma ?? defaults.gamma;
  if (!(s > 1) || !Number.isFinite(s)) throw new RangeError('kleinbergBursts requires a finite s > 1');
  if (!(gamma >= 0) || !Number.isFinite(gamma)) throw new RangeError('kleinbergBursts requires a finite gamma >= 0');
  let relevantSum = 0;
  let totalSum = 0;
  for (const { relevant, total } of series) {
    if (!Number.isInteger(total) || !Number.isInteger(relevant) || relevant < 0 || relevant > total) {
      throw new RangeError('kleinbergBursts requires integer counts with 0 <= relevant <= total');
    }
    relevantSum += relevant;
    totalSum += total;
  }
  const p0 = totalSum > 0 ? relevantSum / totalSum : 0;
  const p1 = Math.max(p0, Math.min(s * p0, MAX_BURST_RATE));
  const up = gamma * Math.log(series.length);
  const fit0 = series.map(({ relevant, total }) => fitCost(relevant, total, p0));
  const fit1 = series.map(({ relevant, total }) => fitCost(relevant, total, p1));

  // Viterbi over two states: cost0 / cost1 are the cheapest totals ending in state 0 / 1 at t,
  // and back0[t] / back1[t] say whether that cheapest path was in state 1 at t − 1. Ties go to 0.
  const back0: boolean[] = [];
  const back1: boolean[] = [];
  let cost0 = 0;
  let cost1 = Number.POSITIVE_INFINITY; // the automaton starts in state 0
  for (let t = 0; t < series.length; t++) {
    const into0From1 = cost1 < cost0;
    const into1From1 = cost1 < cost0 + up;
    back0.push(into0From1);
    back1.push(into1From1);
    const next0 = (into0From1 ? cost1 : cost0) + (fit0[t] ?? 0);
    cost1 = (into1From1 ? cost1 : cost0 + up) + (fit1[t] ?? 0);
    cost0 = next0;
  }

  const states = new Array<BurstState>(series.length).fill(0);
  let state: BurstState = cost1 < cost0 ? 1 : 0;
  for (let t = series.length - 1; t >= 0; t--) {
    states[t] = state;
    state = (state === 1 ? back1[t] : back0[t]) ? 1 : 0;
  }

  const bursts: Burst[] = [];
  states.forEach((current, t) => {
    if (current === 0) return;
    const weight = (fit0[t] ?? 0) - (fit1[t] ?? 0);
    const last = bursts.at(-1);
    if (last !== undefined && states[t - 1] === 1) bursts[bursts.length - 1] = { ...last, end: t, weight: last.weight + weight };
    else bursts.push({ start: t, end: t, weight });
  });
  return { states, bursts };
}
