export interface ClassMetrics {
  label: string;
  /** Of the records predicted as this label, the share that truly had it; 0 when none was predicted. */
  precision: number;
  /** Of the records that truly had this label, the share predicted as it; 0 when none had it. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
  /** Records that truly have this label. */
  support: number;
  /** Records predicted as this label. */
  predicted: number;
}

export interface ClassificationReport {
  /** The labels reported on, in the order of `classes` and of the rows and columns of `confusion`. */
  labels: string[];
  classes: ClassMetrics[];
  /** confusion[i][j]: records whose true label is labels[i], predicted as labels[j]. */
  confusion: number[][];
  accuracy: number;
  /** Unweighted mean of the per-class F1 scores. */
  macroF1: number;
  total: number;
}

/**
 * Precision, recall, F1 and support per class, accuracy and macro-averaged F1 of a single-label
 * classification, as defined by scikit-learn's `classification_report` with `zero_division=0`
 * (Sokolova & Lapalme 2009, "A systematic analysis of performance measures for classification
 * tasks"). The labels default to every label seen in `truth` or `predicted`, sorted, so a class the
 * classifier invents but never gets right pulls the macro-F1 down, as in scikit-learn.
 *
 * @example classificationReport(['a', 'b'], ['a', 'a']).macroF1 // (2/3 + 0) / 2
 */
export function classificationReport(
  truth: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): ClassificationReport {
  if (truth.length !== predicted.length) {
    throw new Error(`classificationReport requires as many predictions as true labels, not ${predicted.length} and ${truth.length}`);
  }
  if (truth.length === 0) throw new Error('classificationReport requires at least one record');
  const reported = labels ? [...labels] : [...new Set([...truth, ...predicted])].sort();
  const position = new Map(reported.map((label, i) => [label, i]));
  if (position.size !== reported.length) throw new Error('classificationReport: labels must be distinct');
  const confusion = reported.map(() => reported.map(() => 0));
  let correct = 0;
  truth.forEach((actual, r) => {
    const guess = predicted[r]!;
    if (actual === guess) correct++;
    const i = position.get(actual);
    const j = position.get(guess);
    if (i === undefined || j === undefined) throw new Error(`classificationReport: label not in labels: ${i === undefined ? actual : guess}`);
    confusion[i]![j]! += 1;
  });
  const classes = reported.map((label, i): ClassMetrics => {
    const hits = confusion[i]![i]!;
    const support = confusion[i]!.reduce((sum, n) => sum + n, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + row[i]!, 0);
    const precision = predictedCount === 0 ? 0 : hits / predictedCount;
    const recall = support === 0 ? 0 : hits / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support, predicted: predictedCount };
  });
  return {
    labels: reported,
    classes,
    confusion,
    accuracy: correct / truth.length,
    macroF1: classes.reduce((sum, c) => sum + c.f1, 0) / classes.length,
    total: truth.length,
  };
}
