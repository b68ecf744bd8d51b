import { normalQuantile } from './normal_quantile.ts';

export interface PromoterCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

export interface NetPromoterScore {
  readonly n: number;
  /** NPS on the −100…100 scale. */
  readonly estimate: number;
  readonly variance: number;
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Counts promoters (9–10), passives (7–8) and detractors (0–6) among 0..10 "how likely are you to
 * recommend" answers (Reichheld 2003, "The one number you need to grow", HBR).
 *
 * @example promoterCounts([10, 9, 7, 3]) // { promoters: 2, passives: 1, detractors: 1 }
 */
export function promoterCounts(answers: readonly number[]): PromoterCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const a of answers) {
    if (!Number.isInteger(a) || a < 0 || a > 10) throw new RangeError(`promoterCounts: answer out of 0..10: ${a}`);
    if (a >= 9) promoters++;
    else if (a >= 7) passives++;
    else detractors++;
  }
  return { promoters, passives, detractors };
}

/**
 * Net promoter score from promoter/passive/detractor counts, with its Wald interval.
 *
 * NPS = 100(p − d); its variance is 100²(p + d − (p − d)²)/n, the variance of a score that is +1,
 * 0 or −1 per respondent (multinomial). The interval NPS ∓ z·se is deliberately not clipped to
 * [−100, 100], matching the reference vectors.
 *
 * @example netPromoterScoreFromCounts({ promoters: 50, passives: 30, detractors: 20 }).estimate // 30
 */
export function netPromoterScoreFromCounts(counts: PromoterCounts, confidence = 0.95): NetPromoterScore {
  const { promoters, passives, detractors } = counts;
  for (const c of [promoters, passives, detractors]) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError('netPromoterScore requires non-negative integer counts');
  }
  const n = promoters + passives + detractors;
  if (n === 0) throw new RangeError('netPromoterScore requires at least one answer');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('netPromoterScore requires 0 < confidence < 1');
  const p = promoters / n;
  const d = detractors / n;
  const estimate = 100 * (p - d);
  const variance = (100 ** 2 * (p + d - (p - d) ** 2)) / n;
  const se = Math.sqrt(variance);
  const z = normalQuantile((1 + confidence) / 2);
  return { n, estimate, variance, se, lower: estimate - z * se, upper: estimate + z * se };
}

/**
 * Net promoter score from raw 0..10 answers; see {@link netPromoterScoreFromCounts}.
 *
 * @example netPromoterScore([10, 9, 7, 3]).estimate // 25
 */
export function netPromoterScore(answers: readonly number[], confidence = 0.95): NetPromoterScore {
  return netPromoterScoreFromCounts(promoterCounts(answers), confidence);
}
