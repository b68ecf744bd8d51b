import { describe, expect, it } from 'vitest';
import {
  compileCategoryLexicon,
  lexiconCategory,
  LEXICON_CATEGORIES,
  parseCategoryLexicon,
  readShippedCategoryLexicon,
  scoreCategories,
  type CategoryScores,
  type LexiconEntry,
} from '../../pipeline/text/category-lexicon.ts';
import { englishAnalyzer } from '../../pipeline/text/english.ts';
import type { Analyzer } from '../../pipeline/text/types.ts';
import { LANGUAGES } from '../../pipeline/text/types.ts';

// Stands in for the real Chinese and Vietnamese analyzers: words are what spaces separate.
const whitespace: Analyzer = (text) =>
  text
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => ({ key: word.toLowerCase(), surface: word }));

const entries = (lines: string): LexiconEntry[] => parseCategoryLexicon(lines, 'en');
const none: CategoryScores = { process: 0, attitude: 0, quality: 0, cost: 0, facility: 0 };

describe('parseCategoryLexicon', () => {
  it('reads category<TAB>phrase lines, skipping comments and blank lines', () => {
    const text = '# a comment\r\nprocess\twaiting list\r\n\n  # indented comment\nfacility\t 厕所 \n';
    expect(parseCategoryLexicon(text, 'en')).toEqual([
      { category: 'process', phrase: 'waiting list' },
      { category: 'facility', phrase: '厕所' },
    ]);
  });

  it('stops at a misspelt category or a missing phrase, naming the file and line', () => {
    expect(() => parseCategoryLexicon('process\tqueue\nfacilty\tlift', 'en', 'my.tsv')).toThrow('my.tsv line 2: unknown category: facilty');
    expect(() => parseCategoryLexicon('other\tnothing', 'en')).toThrow('unknown category: other');
    expect(() => parseCategoryLexicon('process queue', 'en')).toThrow('line 1: unknown category: process queue');
    expect(() => parseCategoryLexicon('cost\t  ', 'en')).toThrow('line 1: no phrase after the category');
  });
});

describe('compileCategoryLexicon', () => {
  it('analyses phrases into keys, keeps one of each key sequence per category, and sets aside phrases with no key', () => {
    const dropThe: Analyzer = (text) => whitespace(text).filter((term) => term.key !== 'the');
    const lexicon = compileCategoryLexicon(entries('process\tWaiting List\nprocess\twaiting the list\nfacility\twaiting list\ncost\tthe'), dropThe);
    expect(lexicon.phrases.map((p) => [p.category, p.keys])).toEqual([
      ['process', ['waiting', 'list']],
      ['facility', ['waiting', 'list']],
    ]);
    expect(lexicon.unmatchable).toEqual([{ category: 'cost', phrase: 'the' }]);
  });
});

describe('scoreCategories', () => {
  const lexicon = compileCategoryLexicon(
    entries(['facility\ttoilet paper', 'process\t排队 时间 长', 'process\txếp hàng', 'attitude\trude', 'attitude\tthái độ'].join('\n')),
    whitespace,
  );

  it('matches a multi-word phrase only when its keys are consecutive', () => {
    expect(scoreCategories(lexicon, whitespace('no toilet paper left'))).toEqual({ ...none, facility: 1 });
    expect(scoreCategories(lexicon, whitespace('the toilet had no paper'))).toEqual(none);
    expect(scoreCategories(lexicon, whitespace('paper toilet'))).toEqual(none);
    expect(scoreCategories(lexicon, whitespace('排队 时间 长'))).toEqual({ ...none, process: 1 });
    expect(scoreCategories(lexicon, whitespace('排队 的 时间 长'))).toEqual(none);
    expect(scoreCategories(lexicon, whitespace('phải xếp hàng lâu'))).toEqual({ ...none, process: 1 });
    expect(scoreCategories(lexicon, whitespace('hàng xếp'))).toEqual(none);
    // a phrase cut off by the end of the record
    expect(scoreCategories(lexicon, whitespace('we ran out of toilet'))).toEqual(none);
  });

  it('counts each phrase once per record, however often it occurs', () => {
    expect(scoreCategories(lexicon, whitespace('rude rude RUDE'))).toEqual({ ...none, attitude: 1 });
    expect(scoreCategories(lexicon, whitespace('rude and thái độ ; toilet paper'))).toEqual({ ...none, attitude: 2, facility: 1 });
  });

  it('does not count a phrase that lies inside a longer matched phrase', () => {
    const nested = compileCategoryLexicon(entries('cost\tpay for parking\nfacility\tparking\nfacility\tlift'), whitespace);
    expect(scoreCategories(nested, whitespace('had to pay for parking'))).toEqual({ ...none, cost: 1 });
    // the same phrase standing on its own elsewhere in the record still counts
    expect(scoreCategories(nested, whitespace('pay for parking and no parking left'))).toEqual({ ...none, cost: 1, facility: 1 });
  });

  it('leaves the terms it is given unchanged', () => {
    const terms = Object.freeze(whitespace('toilet paper').map((term) => Object.freeze(term)));
    expect(() => scoreCategories(lexicon, terms)).not.toThrow();
    expect(terms.map((term) => term.key)).toEqual(['toilet', 'paper']);
  });
});

describe('lexiconCategory', () => {
  it('picks the category with most phrases, and gives null for no match or a tie', () => {
    expect(lexiconCategory({ ...none, process: 2, attitude: 1 })).toBe('process');
    expect(lexiconCategory({ ...none, facility: 1 })).toBe('facility');
    expect(lexiconCategory(none)).toBeNull();
    expect(lexiconCategory({ ...none, cost: 2, quality: 2, process: 1 })).toBeNull();
  });
});

describe('the shipped lexicons', () => {
  it.each(LANGUAGES)('%s has 40 to 120 phrases per category', (language) => {
    const lexicon = readShippedCategoryLexicon(language);
    for (const category of LEXICON_CATEGORIES) {
      const count = lexicon.filter((entry) => entry.category === category).length;
      expect(count, `${language} ${category}`).toBeGreaterThanOrEqual(40);
      expect(count, `${language} ${category}`).toBeLessThanOrEqual(120);
    }
    const distinct = new Set(lexicon.map((entry) => `${entry.category}\t${entry.phrase}`));
    expect(distinct.size).toBe(lexicon.length);
  });

  it('English: every phrase survives the analyzer and sentences land in their category', () => {
    const analyzer = englishAnalyzer();
    const lexicon = compileCategoryLexicon(readShippedCategoryLexicon('en'), analyzer);
    expect(lexicon.unmatchable).toEqual([]);
    const category = (text: string) => lexiconCategory(scoreCategories(lexicon, analyzer(text)));
    expect(category('We waited four hours in the queue before the appointment')).toBe('process');
    expect(category('The receptionist was rude and dismissive')).toBe('attitude');
    expect(category('They misdiagnosed my fracture and the wound got infected')).toBe('quality');
    expect(category('We were overcharged and are still waiting for a refund of the fees')).toBe('cost');
    expect(category('The toilets were filthy and the lift was broken')).toBe('facility');
    expect(category('Thank you all so much')).toBeNull();
  });
});
