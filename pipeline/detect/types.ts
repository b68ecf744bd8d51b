/** One evaluated week of a detector, aligned with the input series (one entry per input week). */
export interface DetectionPoint {
  /** The baseline (in-control) mean the method compares against; null where it cannot be computed. */
  expected: number | null;
  /** An alarm means count > upperbound; null where the method has too little history or the bound is undefined. */
  upperbound: number | null;
  /** 1 = alarm, 0 = no alarm, null = not computable (not evaluated, or undefined as in R's NA). */
  alarm: 0 | 1 | null;
}

export const notEvaluated: DetectionPoint = Object.freeze({ expected: null, upperbound: null, alarm: null });
