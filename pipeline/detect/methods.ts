import { cusum } from './cusum.ts';
import { earsC1, earsC2, earsC3, earsC3Textbook } from './ears.ts';
import { farringtonFlexible } from './farrington-flexible.ts';
import { notEvaluated, type DetectionPoint } from './types.ts';
import { assessWeek } from './week-assessment.ts';

/** A detector: weekly counts in period order (NaN = missing) in, one point per week out. */
export type Detector = (counts: readonly number[]) => DetectionPoint[];

/**
 * hearken's choice per week of a series (`assessWeek`): Farrington flexible (Noufaily et al. 2013)
 * once the week has two whole years of history behind it, EARS C2 before that (held to the same
 * weeks a year before once there is one year: againstLastYear); no alarm on fewer
 * than 5 cases in the last 4 weeks, so that a quiet cell going from 0 to 2 complaints does not
 * page anyone. The warehouse's warnings judge their cells the same way.
 */
export function autoDetector(counts: readonly number[]): DetectionPoint[] {
  return counts.map((_, t) => {
    const week = assessWeek(counts, t);
    return week === null ? notEvaluated : { expected: week.expected, upperbound: week.upperbound, alarm: week.alarm };
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
