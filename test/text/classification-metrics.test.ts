import { describe, expect, it } from 'vitest';
import { classificationReport } from '../../pipeline/text/classification-metrics.ts';

// Ten records, three classes. Confusion matrix (rows: truth, columns: predicted):
//
//          a  b  c   support
//     a    2  1  1   4
//     b    1  2  0   3
//     c    0  1  2   3
//   pred   3  4  3
//
// a: precision 2/3, recall 2/4 = 1/2, F1 = 2·(2/3)(1/2) / (2/3 + 1/2) = (2/3) / (7/6) = 4/7
// b: precision 2/4 = 1/2, recall 2/3, F1 = 4/7 (same pair, swapped)
// c: precision 2/3, recall 2/3, F1 = 2/3
// macro-F1 = (4/7 + 4/7 + 2/3) / 3 = (24/21 + 14/21) / 3 = 38/63 = 0.6031746; accuracy = 6/10
// confirmed in R: cm <- table(truth, pred); f1 <- 2*p*r/(p+r) with p <- diag(cm)/colSums(cm),
// r <- diag(cm)/rowSums(cm); mean(f1) = 0.6031746, sum(diag(cm))/sum(cm) = 0.6
const truth = Object.freeze(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c']);
const predicted = Object.freeze(['a', 'a', 'b', 'c', 'b', 'b', 'a', 'c', 'c', 'b']);
const tolerance = 12; // decimal places

describe('classificationReport', () => {
  it('matches the hand-worked three-class confusion matrix', () => {
    const report = classificationReport(truth, predicted);
    expect(report.labels).toEqual(['a', 'b', 'c']);
    expect(report.confusion).toEqual([
      [2, 1, 1],
      [1, 2, 0],
      [0, 1, 2],
    ]);
    const [a, b, c] = report.classes;
    expect(a).toMatchObject({ label: 'a', support: 4, predicted: 3 });
    expect(a!.precision).toBeCloseTo(2 / 3, tolerance);
    expect(a!.recall).toBeCloseTo(1 / 2, tolerance);
    expect(a!.f1).toBeCloseTo(4 / 7, tolerance);
    expect(b).toMatchObject({ label: 'b', support: 3, predicted: 4 });
    expect(b!.precision).toBeCloseTo(1 / 2, tolerance);
    expect(b!.recall).toBeCloseTo(2 / 3, tolerance);
    expect(b!.f1).toBeCloseTo(4 / 7, tolerance);
    expect(c).toMatchObject({ label: 'c', support: 3, predicted: 3 });
    expect(c!.f1).toBeCloseTo(2 / 3, tolerance);
    expect(report.macroF1).toBeCloseTo(38 / 63, tolerance);
    expect(report.accuracy).toBeCloseTo(0.6, tolerance);
    expect(report.total).toBe(10);
  });

  it('scores a class never predicted, or never true, as F1 0 and keeps it in the macro average', () => {
    // always 'a': a has precision 4/10, recall 1, F1 = 2·0.4·1/1.4 = 4/7; b and c have F1 0
    const report = classificationReport(truth, truth.map(() => 'a'));
    expect(report.classes.map((c) => c.f1)).toEqual([expect.closeTo(4 / 7, tolerance), 0, 0]);
    expect(report.macroF1).toBeCloseTo(4 / 21, tolerance);
    // a label asked for that occurs nowhere: precision, recall and F1 0, and it lowers the macro-F1
    const withD = classificationReport(truth, predicted, ['a', 'b', 'c', 'd']);
    expect(withD.classes[3]).toEqual({ label: 'd', precision: 0, recall: 0, f1: 0, support: 0, predicted: 0 });
    expect(withD.macroF1).toBeCloseTo(38 / 84, tolerance);
  });

  it('counts a predicted label absent from the truth as a class of its own', () => {
    const report = classificationReport(['a', 'b'], ['a', 'z']);
    expect(report.labels).toEqual(['a', 'b', 'z']);
    expect(report.classes[2]).toMatchObject({ label: 'z', support: 0, predicted: 1, f1: 0 });
  });

  it('refuses inputs it cannot score', () => {
    expect(() => classificationReport(['a'], [])).toThrow('classificationReport requires as many predictions as true labels');
    expect(() => classificationReport([], [])).toThrow('classificationReport requires at least one record');
    expect(() => classificationReport(['a'], ['b'], ['a'])).toThrow('label not in labels: b');
    expect(() => classificationReport(['a'], ['a'], ['a', 'a'])).toThrow('labels must be distinct');
  });
});
