import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { AggressiveTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import { learnCollocations, type Collocation } from './collocations.ts';
import type { Analyzer, Term } from './types.ts';
import { readShippedList } from './word-lists.ts';

const IRREGULAR_NEGATIONS: Readonly<Record<string, string>> = { "can't": 'can', "won't": 'will', "shan't": 'shall' };

/** Punctuation that ends a clause: a phrase never spans it. */
const CLAUSE_BREAK = /[.!?;:,()\n\r"]+/;

/** Phrases kept from the corpus, strongest first: enough for every common compound. */
const MAX_PHRASES = 1_000;

/**
 * English terms: natural's tokenizer, natural's stop words plus hospital words, and Porter stems
 * as keys, so "waiting", "waited" and "wait" count as one term while the surface stays readable.
 * `phrases` (from learnEnglishPhrases) are adjacent stems that form a compound ("car park",
 * "discharge lounge"): each one found within a clause is added after the words, so the words
 * still count on their own and a lexicon still finds them in order.
 * Only the natural submodules are imported: its index pulls in storage back ends that print.
 *
 * @example englishAnalyzer()('The car park was full').map((t) => t.key) // ['car', 'park', 'full']
 */
export function englishAnalyzer(stopWords: ReadonlySet<string> = englishStopWords(), phrases: readonly Collocation[] = []): Analyzer {
  const tokenizer = new AggressiveTokenizer();
  const phraseKeys = new Set(phrases.map(([first, second]) => `${first} ${second}`));
  return (text: string): Term[] => {
    const words: Term[] = [];
    const compounds: Term[] = [];
    for (const clause of text.replace(/[’‘]/g, "'").split(CLAUSE_BREAK)) {
      let previous: Term | null = null;
      for (const token of tokenizer.tokenize(clause)) {
        // contractions and possessives: "weren't" → were, "staff's" → staff
        const lower = token.toLowerCase();
        const surface = (IRREGULAR_NEGATIONS[lower] ?? lower).replace(/'(s|m|re|ve|ll|d|t)$|n't$/, '').replace(/'/g, '');
        if (surface.length < 2 || /\d/.test(surface) || stopWords.has(surface)) continue;
        const word = { key: PorterStemmer.stem(surface), surface };
        words.push(word);
        if (previous !== null && phraseKeys.has(`${previous.key} ${word.key}`)) {
          compounds.push({ key: `${previous.key} ${word.key}`, surface: `${previous.surface} ${word.surface}` });
        }
        previous = word;
      }
    }
    return [...words, ...compounds];
  };
}

/**
 * The compounds of a corpus of English texts: adjacent stems within a clause that occur together
 * far more than chance (Dunning's G², learnCollocations), strongest first.
 *
 * @example learnEnglishPhrases(texts) // [['car', 'park'], ['discharg', 'loung'], ...]
 */
export function learnEnglishPhrases(texts: Iterable<string>, stopWords: ReadonlySet<string> = englishStopWords()): Collocation[] {
  const analyze = englishAnalyzer(stopWords);
  function* clauses(): Generator<string[]> {
    for (const text of texts) for (const clause of text.split(CLAUSE_BREAK)) yield analyze(clause).map((term) => term.key);
  }
  return learnCollocations(clauses()).slice(0, MAX_PHRASES);
}

export function englishStopWords(): Set<string> {
  return new Set([...readShippedList('en/stopwords.txt'), ...readShippedList('en/hospital_stopwords.txt'), ...readShippedList('en/function_words.txt')]);
}
