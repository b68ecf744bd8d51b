import type { Language } from './types.ts';
import { foldVietnamese } from './vietnamese.ts';

/** What the detector knows of Vietnamese and English words, built once per worker. */
export interface LanguageVocabulary {
  /** Vietnamese syllables, lower-cased and folded (no diacritics, đ as d). */
  vietnameseSyllables: ReadonlySet<string>;
  /** Common English words (the stop-word list does). */
  englishWords: ReadonlySet<string>;
}

const defaults = {
  /** Share of Latin words carrying letters only Vietnamese uses, from which a text is Vietnamese. */
  markedShare: 0.15,
  /** Without diacritics: share of words that are Vietnamese syllables ... */
  syllableShare: 0.7,
  /** ... while fewer than this share are common English words. */
  englishShare: 0.3,
} as const;

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;
const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýãõĩũ]/;

/**
 * The language of one record's text: zh, vi or en. Records mix scripts (a Chinese complaint
 * naming a CT scan, a Vietnamese one quoting an English ward name), so the script with most words
 * wins: a Han character counts as a word against Latin words (Chinese words are one to two
 * characters, so ties go to Chinese). Among Latin words, Vietnamese is told by its own letters
 * (ă, ơ, đ, tone marks) or, for text typed without diacritics, by nearly every word being a
 * Vietnamese syllable while few are common English words. Numbers and codes are not words; a text
 * with no words at all takes `fallback` (the language of its department's name, say).
 *
 * @example detectLanguage('CT检查排队太久', vocabulary) // 'zh'
 * @example detectLanguage('thai do nhan vien khong tot', vocabulary) // 'vi'
 */
export function detectLanguage(text: string, vocabulary: LanguageVocabulary, fallback: Language = 'en'): Language {
  const hanCount = text.match(HAN)?.length ?? 0;
  const words = (text.match(LATIN_WORD) ?? []).map((word) => word.toLowerCase());
  if (hanCount > 0 && hanCount >= words.length) return 'zh';
  if (words.length === 0) return fallback;
  const marked = words.filter((word) => VIETNAMESE_LETTER.test(word)).length;
  if (marked / words.length >= defaults.markedShare) return 'vi';
  const syllables = words.filter((word) => vocabulary.vietnameseSyllables.has(foldVietnamese(word).toLowerCase())).length;
  const english = words.filter((word) => vocabulary.englishWords.has(word)).length;
  if (syllables / words.length >= defaults.syllableShare && english / words.length < defaults.englishShare) return 'vi';
  return 'en';
}

/** Every syllable of a Vietnamese word list, folded. */
export function vietnameseSyllables(words: readonly string[]): Set<string> {
  const syllables = new Set<string>();
  for (const word of words) for (const syllable of word.split(/\s+/)) if (syllable !== '') syllables.add(foldVietnamese(syllable).toLowerCase());
  return syllables;
}
