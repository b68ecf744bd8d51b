import { tfIdf } from './tf-idf.ts';

export interface Keyword {
  term: string;
  /** Records of the department holding the term. */
  records: number;
  /** TF-IDF weight with the departments as the documents. */
  weight: number;
}

export interface KeywordOptions {
  /** Keywords kept per department. */
  top: number;
  /** A term needs at least this many of the department's records. */
  minRecords: number;
}

const defaults: KeywordOptions = { top: 10, minRecords: 3 };

/**
 * The words that set each department apart: TF-IDF (tf-idf.ts) with each department's records as
 * one document and a term's count the records holding it, so a word every department uses weighs
 * 0 and a word only one uses weighs most. Strongest first, then by records, then alphabetically.
 *
 * @example departmentKeywords(new Map([['儿科', new Map([['孩子', 9], ['排队', 4]])], ['急诊科', new Map([['排队', 7], ['抢救', 5]])]]))
 * // Map { 儿科 → [{ term: '孩子', records: 9, weight: 9 ln 2 }], 急诊科 → [{ term: '抢救', records: 5, weight: 5 ln 2 }] }
 */
export function departmentKeywords(
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>,
  options: Partial<KeywordOptions> = {},
): Map<string, Keyword[]> {
  const o = { ...defaults, ...options };
  const departments = [...counts.keys()];
  const weights = tfIdf(departments.map((department) => counts.get(department)!));
  return new Map(
    departments.map((department, i) => {
      const records = counts.get(department)!;
      const keywords = [...weights[i]!]
        .map(([term, weight]) => ({ term, records: records.get(term) ?? 0, weight }))
        .filter((keyword) => keyword.weight > 0 && keyword.records >= o.minRecords)
        .sort((a, b) => b.weight - a.weight || b.records - a.records || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
        .slice(0, o.top);
      return [department, keywords];
    }),
  );
}
