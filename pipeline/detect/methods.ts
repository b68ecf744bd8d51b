import { cusum } from './cusum.ts';
import { earsC1, earsC2, earsC3, earsC3Textbook } from './ears.ts';
import { farringtonFlexible } from './farrington-flexible.ts';
import { notEvaluated, type DetectionPoint } from './types.ts';

/** A detector: weekly counts in period order (NaN = missing) in, one point per week out. */
export type Detector = (counts: readonly number[]) => DetectionPoint[];

/** Two years of weekly history: from here `auto` trusts Farrington flexible's seasonal baseline. */
const AUTO_FARRINGTON_WEEKS = 104;

/** The small-count guard of `auto`: no alarm on fewer than 5 cases in the last 4 weeks. */
export const smallCountGuard = { cases: 5, weeks: 4 } as const;

/**
 * hearken's choice per series, by the history it has: Farrington flexible (Noufaily et al. 2013)
 * where a series has two years or more and the method can evaluate the week, EARS C2 elsewhere
 * (short series, and the first weeks of long ones); then no alarm on fewer than 5 cases in 4 weeks,
 * so that a quiet cell going from 0 to 2 complaints does not page anyone.
 */
export function autoDetector(counts: readonly number[]): DetectionPoint[] {
  const short = earsC2(counts);
  const long = counts.length >= AUTO_FARRINGTON_WEEKS ? farringtonFlexible(counts) : null;
  return counts.map((_, t) => {
    const seasonal = long?.[t];
    const point = (seasonal && seasonal.alarm !== null ? seasonal : short[t]) ?? notEvaluated;
    if (point.alarm !== 1) return point;
    let recent = 0;
    for (let s = Math.max(0, t - smallCountGuard.weeks + 1); s <= t; s++) recent += Number.isNaN(counts[s]!) ? 0 : counts[s]!;
    return recent < smallCountGuard.cases ? { ...point, alarm: 0 } : point;
  });
}

/** The methods of `hearken detect` (contract section 2), in their output order: run by default. */
export const CONTRACT_METHODS = ['ears_c1', 'ears_c2', 'ears_c3', 'farrington_flexible', 'cusum', 'auto'] as const;

/**
 * Every detector by name: the contract's, and the EARS variants at alpha = 0.05 that the R
 * reference also ran (asked for by name only), and the textbook C3 that counts the current week.
 */
export const DETECTORS: Readonly<Record<string, Detector>> = Object.freeze({
  ears_c1: (counts) => earsC1(counts),
  ears_c2: (counts) => earsC2(counts),
  ears_c3: (counts) => earsC3(counts),
  farrington_flexible: (counts) => farringtonFlexible(counts),
  cusum: (counts) => cusum(counts),
  auto: autoDetector,
  ears_c1_a05: (counts) => earsC1(counts, { alpha: 0.05 }),
  ears_c2_a05: (counts) => earsC2(counts, { alpha: 0.05 }),
  ears_c3_a05: (counts) => earsC3(counts, { alpha: 0.05 }),
  ears_c3_textbook: (counts) => earsC3Textbook(counts),
});
