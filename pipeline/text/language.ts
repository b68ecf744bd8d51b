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

const LATIN_WORD = /\p{Script=Latin}+/gu;
const HAN_LETTER = /^\p{Script=Han}$/u;
const LATIN_LETTER = /^\p{Script=Latin}$/u;

/** A code point's script as the detector reads it; 0 is not yet looked up. */
const OTHER = 1;
const HAN = 2;
const LATIN = 3;

// the script of every code point met so far: a record's characters are counted by a table lookup,
// not by a regular expression allocating a match per Han character
const bmpScripts = new Uint8Array(0x10000);
const astralScripts = new Map<number, number>();

function lookUpScript(codePoint: number): number {
  const letter = String.fromCodePoint(codePoint);
  return HAN_LETTER.test(letter) ? HAN : LATIN_LETTER.test(letter) ? LATIN : OTHER;
}

function scriptOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = bmpScripts[codePoint]!;
    if (known !== 0) return known;
    return (bmpScripts[codePoint] = lookUpScript(codePoint));
  }
  let known = astralScripts.get(codePoint);
  if (known === undefined) astralScripts.set(codePoint, (known = lookUpScript(codePoint)));
  return known;
}

/**
 * Han characters and Latin words (runs of Latin letters) of a text, by code point: what
 * `text.match(/\p{Script=Han}/gu)` and `text.match(/\p{Script=Latin}+/gu)` count, without building them.
 */
function scriptCounts(text: string): { han: number; latinWords: number } {
  let han = 0;
  let latinWords = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = ((codePoint - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const script = scriptOf(codePoint);
    if (script === HAN) han++;
    if (script === LATIN && !inWord) latinWords++;
    inWord = script === LATIN;
  }
  return { han, latinWords };
}
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
  const { han, latinWords } = scriptCounts(text);
  if (han > 0 && han >= latinWords) return 'zh';
  if (latinWords === 0) return fallback;
  const words = (text.match(LATIN_WORD) ?? []).map((word) => word.toLowerCase());
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
