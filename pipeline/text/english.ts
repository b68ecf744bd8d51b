import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { AggressiveTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import type { Analyzer, Term } from './types.ts';
import { readShippedList } from './word-lists.ts';

/**
 * English terms: natural's tokenizer, natural's stop words plus hospital words, and Porter stems
 * as keys, so "waiting", "waited" and "wait" count as one term while the surface stays readable.
 * Only the natural submodules are imported: its index pulls in storage back ends that print.
 */
const IRREGULAR_NEGATIONS: Readonly<Record<string, string>> = { "can't": 'can', "won't": 'will', "shan't": 'shall' };

export function englishAnalyzer(stopWords: ReadonlySet<string> = englishStopWords()): Analyzer {
  const tokenizer = new AggressiveTokenizer();
  return (text: string): Term[] => {
    const terms: Term[] = [];
    for (const token of tokenizer.tokenize(text.replace(/[’‘]/g, "'"))) {
      // contractions and possessives: "weren't" → were, "staff's" → staff
      const lower = token.toLowerCase();
      const surface = (IRREGULAR_NEGATIONS[lower] ?? lower).replace(/'(s|m|re|ve|ll|d|t)$|n't$/, '').replace(/'/g, '');
      if (surface.length < 2 || /\d/.test(surface) || stopWords.has(surface)) continue;
      terms.push({ key: PorterStemmer.stem(surface), surface });
    }
    return terms;
  };
}

export function englishStopWords(): Set<string> {
  return new Set([...readShippedList('en/stopwords.txt'), ...readShippedList('en/hospital_stopwords.txt')]);
}
