import { describe, expect, it } from 'vitest';
import { departmentKeywords } from '../../pipeline/frequency/department-keywords.ts';

// Three departments, records holding each term, worked by hand with N = 3 documents:
//   排队 in all three → idf ln(3/3) = 0, never a keyword.
//   孩子 only in 儿科 (9) → 9 ln 3 = 9.8875; 哭闹 only in 儿科 (2) → below minRecords 3.
//   抢救 in 急诊科 (5) and 儿科 (3) → idf ln(3/2): 急诊科 5 ln 1.5 = 2.0273, 儿科 3 ln 1.5 = 1.2164.
//   停车 only in 门诊部 (4) → 4 ln 3 = 4.3944.
const counts = new Map([
  ['儿科', new Map([['孩子', 9], ['排队', 6], ['哭闹', 2], ['抢救', 3]])],
  ['急诊科', new Map([['排队', 8], ['抢救', 5]])],
  ['门诊部', new Map([['排队', 20], ['停车', 4]])],
]);

describe('departmentKeywords', () => {
  it('ranks the words that set a department apart by TF-IDF over departments', () => {
    const keywords = departmentKeywords(counts);
    expect(keywords.get('儿科')?.map((k) => k.term)).toEqual(['孩子', '抢救']);
    expect(keywords.get('儿科')?.[0]?.weight).toBeCloseTo(9 * Math.log(3), 12);
    expect(keywords.get('儿科')?.[1]?.weight).toBeCloseTo(3 * Math.log(1.5), 12);
    expect(keywords.get('急诊科')).toEqual([{ term: '抢救', records: 5, weight: 5 * Math.log(1.5) }]);
    expect(keywords.get('门诊部')).toEqual([{ term: '停车', records: 4, weight: 4 * Math.log(3) }]);
  });

  it('keeps at most `top` keywords and respects minRecords', () => {
    expect(departmentKeywords(counts, { top: 1 }).get('儿科')?.map((k) => k.term)).toEqual(['孩子']);
    expect(departmentKeywords(counts, { minRecords: 2 }).get('儿科')?.map((k) => k.term)).toEqual(['孩子', '哭闹', '抢救']); // 哭闹: 2 ln 3 = 2.1972 > 1.2164
  });
});
