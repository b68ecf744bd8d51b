import type { BurstState } from './kleinberg-bursts.ts';

/** 'new': absent from the baseline; 'bursting': in Kleinberg's burst state at the latest period. */
export type Emergence = 'new' | 'bursting';

export interface EmergenceOptions {
  /** Least target documents for a term absent from the baseline to count as 'new'. */
  readonly minNewDocs?: number;
}

const defaults = { minNewDocs: 3 } as const;

/**
 * Whether a term is emerging in the target window, and how.
 *
 * - 'new': no baseline document has the term and at least minNewDocs target documents do. The
 *   floor keeps one-off typos and names out; a term that is new is reported as 'new' even when it is
 *   also bursting, since "never seen before" is the more useful thing to say.
 * - 'bursting': the last of `burstStates` (from kleinbergBursts, latest period last) is the burst
 *   state, so the term is in a burst now, not merely at some point in the series.
 * - null otherwise (a new term below the floor can still be 'bursting'; an empty series never is).
 *
 * A plain decision rule built on Kleinberg (2002) for 'bursting'; the 'new' rule has no reference.
 *
 * @example emergence(4, 0, [0, 0, 0]) // 'new'
 * @example emergence(9, 30, [0, 0, 1]) // 'bursting'
 */
export function emergence(
  targetWithTerm: number,
  baselineWithTerm: number,
  burstStates: readonly BurstState[],
  options: EmergenceOptions = {},
): Emergence | null {
  const minNewDocs = options.minNewDocs ?? defaults.minNewDocs;
  if (!Number.isInteger(targetWithTerm) || targetWithTerm < 0 || !Number.isInteger(baselineWithTerm) || baselineWithTerm < 0) {
    throw new RangeError('emergence requires integer document counts >= 0');
  }
  if (!Number.isInteger(minNewDocs) || minNewDocs < 1) throw new RangeError('emergence requires an integer minNewDocs >= 1');
  if (baselineWithTerm === 0 && targetWithTerm >= minNewDocs) return 'new';
  if (burstStates.at(-1) === 1) return 'bursting';
  return null;
}
