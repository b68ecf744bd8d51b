import { describe, expect, it } from 'vitest';
import { praiseThemes, type PraiseRecord } from '../../pipeline/frequency/praise.ts';
import { deepFreeze } from '../statistics/vectors.ts';

// Hand-made praise: "kind" in 3 records, "nurse" in 2, "thank" in 2, "clean" in 1; one record's
// text is a near-copy of another's (same terms), so it is not quoted twice.
const records: PraiseRecord[] = deepFreeze([
  { id: '1', department: 'Ward 3', lang: 'en', text_redacted: 'The nurse was kind, thank you', terms: ['nurse', 'kind', 'thank'] },
  { id: '2', department: 'Ward 3', lang: 'en', text_redacted: 'Kind nurse, thank you so much', terms: ['nurse', 'kind', 'thank'] },
  { id: '3', department: 'Clinic', lang: 'en', text_redacted: 'Doctor [name] was kind', terms: ['kind', 'doctor'] },
  { id: '4', department: 'Clinic', lang: 'en', text_redacted: 'Very clean rooms', terms: ['clean', 'room'] },
]);

describe('praiseThemes', () => {
  it('ranks the terms by how many records hold them, ties by term, with their surface', () => {
    const themes = praiseThemes(records, (_lang, term) => term.toUpperCase(), { themes: 4 });
    expect(themes.records).toBe(4);
    expect(themes.themes).toEqual([
      { term: 'kind', surface: 'KIND', records: 3 },
      { term: 'nurse', surface: 'NURSE', records: 2 },
      { term: 'thank', surface: 'THANK', records: 2 },
      { term: 'clean', surface: 'CLEAN', records: 1 },
    ]);
  });

  it('quotes the records holding most themes, one per department first, no near-copies', () => {
    // themes kind, nurse, thank: records 1 and 2 hold 3 each (1 shorter), 3 holds 1; 2 nearly copies 1
    const themes = praiseThemes(records, (_lang, term) => term, { themes: 3, quotes: 2 });
    expect(themes.quotes).toEqual(['The nurse was kind, thank you', 'Doctor [name] was kind']);
  });

  it('has no themes and no quotes without praise', () => {
    expect(praiseThemes([], (_lang, term) => term)).toEqual({ records: 0, themes: [], quotes: [] });
  });
});
