import type { Language } from '../languages.ts';

export type { Language };

/** The languages hearken analyses, in the order the text stage takes them; every record is read as one of them. */
export const LANGUAGES: readonly Language[] = ['zh', 'vi', 'en'];

/**
 * One word or phrase of a text. `key` groups the variants counted as one term (an English stem,
 * a Vietnamese word with its diacritics, a Chinese word); `surface` is the form as written, which
 * the site shows (the most common surface of a key stands for it).
 */
export interface Term {
  key: string;
  surface: string;
}

/** Splits one text into its terms, in reading order, stop words and numbers left out. */
export type Analyzer = (text: string) => Term[];
