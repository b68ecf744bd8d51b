/**
 * TF-IDF weight of every term in every document, where a document is a term-count map (for
 * instance one department's records in one month) and the collection is the documents given.
 *
 *   tfidf(t, d) = tf(t, d) · ln(N / df(t))
 *
 * with tf the raw count of t in d, N the number of documents and df(t) the number of documents
 * with a count of t above zero. This is the textbook definition (Manning, Raghavan & Schütze 2008,
 * "Introduction to Information Retrieval", §6.2, with the natural log), chosen over
 * scikit-learn's smoothed ln((1 + N) / (1 + df)) + 1 because the collection here is a handful of
 * departments: a term every department uses says nothing about any one of them, and the textbook
 * idf gives it exactly 0, where the smoothed +1 would leave it at its raw count and put the most
 * common complaint words at the top of every department's list. With one document every weight is 0.
 *
 * Each result map has the terms of its document with a count above zero, in the input's order;
 * zero counts are dropped and do not count towards df.
 *
 * Inverse document frequency goes back to Spärck Jones (1972), "A statistical interpretation of
 * term specificity and its application in retrieval", Journal of Documentation 28(1):11–21.
 *
 * @example tfIdf([new Map([['wait', 3], ['parking', 2]]), new Map([['wait', 1]])])
 * // [Map { wait → 0, parking → 2 ln 2 = 1.386… }, Map { wait → 0 }]
 */
export function tfIdf(documents: readonly ReadonlyMap<string, number>[]): Map<string, number>[] {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const [term, count] of document) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError('tfIdf requires integer counts >= 0');
      if (count > 0) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const n = documents.length;
  return documents.map((document) => {
    const weights = new Map<string, number>();
    for (const [term, count] of document) {
      // every term with a count above zero was counted into df above, so df >= 1
      if (count > 0) weights.set(term, count * Math.log(n / (documentFrequency.get(term) ?? 1)));
    }
    return weights;
  });
}
