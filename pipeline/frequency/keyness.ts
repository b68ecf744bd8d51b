import { gSquared2x2 } from '../statistics/log_likelihood_g2.ts';

export interface Keyness {
  /** Dunning's G² on the documents-with / documents-without table; unsigned, see `direction`. */
  readonly g2: number;
  /** Hardie's Log Ratio: log2(targetShare / baselineShare), a zero count taken as 0.5. */
  readonly logRatio: number;
  /** 'rise' when the term is in a larger share of target documents than baseline ones, else 'fall'. */
  readonly direction: 'rise' | 'fall';
  readonly targetShare: number;
  readonly baselineShare: number;
}

// Hardie (2014) replaces a zero frequency with 0.5 so that Log Ratio stays finite; a term never
// seen in the baseline then scores as if half a baseline document had it.
const ZERO_COUNT = 0.5;

function checkCounts(withTerm: number, docs: number, which: string): void {
  if (!Number.isInteger(docs) || docs < 1) throw new RangeError(`keyness requires a positive integer ${which}Docs`);
  if (!Number.isInteger(withTerm) || withTerm < 0 || withTerm > docs) {
    throw new RangeError(`keyness requires 0 <= ${which}WithTerm <= ${which}Docs`);
  }
}

/**
 * Keyness of a term in a target window against its baseline, counted in documents (records that
 * contain the term at least once), not tokens, so one long record repeating a word counts once.
 *
 * G² is Dunning's log-likelihood on the 2×2 table [a, A−a; b, B−b] (a of A target documents and b
 * of B baseline documents contain the term): how surprising the difference is. Log Ratio is the
 * binary log of the ratio of the two shares, (a/A) / (b/B): how big it is, each point a doubling.
 * A zero count is replaced by 0.5 before dividing, as Hardie suggests, so a brand-new term gets a
 * large finite ratio instead of Infinity; when both counts are zero the ratio is 0 (no evidence
 * either way). A tie in share is a 'fall', so a filter on 'rise' never keeps it.
 *
 * Dunning (1993), Computational Linguistics 19(1):61–74; Hardie (2014), "Log Ratio: an informal
 * introduction", ESRC Centre for Corpus Approaches to Social Science (CASS), Lancaster University.
 *
 * @example keyness(30, 200, 40, 1000)
 * // { g2: 28.684…, logRatio: 1.907… (log2 3.75), direction: 'rise', targetShare: 0.15, baselineShare: 0.04 }
 */
export function keyness(targetWithTerm: number, targetDocs: number, baselineWithTerm: number, baselineDocs: number): Keyness {
  checkCounts(targetWithTerm, targetDocs, 'target');
  checkCounts(baselineWithTerm, baselineDocs, 'baseline');
  const targetShare = targetWithTerm / targetDocs;
  const baselineShare = baselineWithTerm / baselineDocs;
  const g2 = gSquared2x2(targetWithTerm, targetDocs - targetWithTerm, baselineWithTerm, baselineDocs - baselineWithTerm);
  const logRatio =
    targetWithTerm === 0 && baselineWithTerm === 0
      ? 0
      : Math.log2(
          ((targetWithTerm || ZERO_COUNT) / targetDocs) / ((baselineWithTerm || ZERO_COUNT) / baselineDocs),
        );
  // compared on integers so that equal shares are exactly a tie
  const direction = targetWithTerm * baselineDocs > baselineWithTerm * targetDocs ? 'rise' : 'fall';
  return { g2, logRatio, direction, targetShare, baselineShare };
}

export interface TermDocumentCounts {
  readonly term: string;
  readonly targetWithTerm: number;
  readonly baselineWithTerm: number;
}

export interface KeyTerm extends Keyness {
  readonly term: string;
}

export interface RisingTermsOptions {
  /** Least G² kept; 10.83 is the χ²(1) critical value for p < 0.001. */
  readonly minG2?: number;
  /** Least Log Ratio kept; 1 means at least twice the baseline share. */
  readonly minLogRatio?: number;
}

const defaults = { minG2: 10.83, minLogRatio: 1 } as const;

/**
 * The terms that rose in the target window both significantly (G² ≥ minG2) and substantially
 * (Log Ratio ≥ minLogRatio), strongest evidence first: ranked by G², then Log Ratio, then term, so
 * the order is stable. The two cut-offs together drop both the common word that moved a little and
 * the rare word seen twice.
 *
 * @example risingTerms([{ term: 'wait', targetWithTerm: 40, baselineWithTerm: 60 }], 200, 1000)
 * // [{ term: 'wait', g2: 34.31…, logRatio: 1.737…, direction: 'rise', targetShare: 0.2, baselineShare: 0.06 }]
 */
export function risingTerms(
  terms: readonly TermDocumentCounts[],
  targetDocs: number,
  baselineDocs: number,
  options: RisingTermsOptions = {},
): KeyTerm[] {
  const minG2 = options.minG2 ?? defaults.minG2;
  const minLogRatio = options.minLogRatio ?? defaults.minLogRatio;
  return terms
    .map((t) => ({ term: t.term, ...keyness(t.targetWithTerm, targetDocs, t.baselineWithTerm, baselineDocs) }))
    .filter((k) => k.direction === 'rise' && k.g2 >= minG2 && k.logRatio >= minLogRatio)
    .sort((x, y) => y.g2 - x.g2 || y.logRatio - x.logRatio || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
}
