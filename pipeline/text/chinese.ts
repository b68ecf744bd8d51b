import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Analyzer, Term } from './types.ts';
import { discoverWords, hanRuns, type NewWordOptions } from './new-words.ts';
import { readShippedList, TEXT_DATA_DIR } from './word-lists.ts';

/** jieba user dictionaries loaded over its own, in this order (later entries win). */
export const CHINESE_USER_DICTIONARIES = ['zh/medical_thuocl.txt', 'zh/hospital_words.txt'] as const;

const LATIN_WORD = /^[a-z][a-z-]*[a-z]$/;
const DIGIT = /\d/;

/** A token of Han characters: jieba keeps scripts apart, so its first character tells. */
function isHan(token: string): boolean {
  const code = token.charCodeAt(0);
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f);
}

/** Words learned from the hospital's own text (learnChineseWords), with the frequency jieba is given. */
export type LearnedChineseWords = [word: string, frequency: number][];

/** A shipped user dictionary's 'word freq [tag]' lines, comment and blank lines left out. */
function userDictionaryLines(path: string): string[] {
  return readFileSync(resolve(TEXT_DATA_DIR, path), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/**
 * jieba with its dictionary and hearken's hospital dictionaries: the bare segmenter the stage uses.
 * Words learned from the hospital's text load before the hospital list, which a person wrote and
 * so has the last word.
 */
export function hospitalJieba(learned: Readonly<LearnedChineseWords> = []): Jieba {
  const jieba = Jieba.withDict(dict);
  for (const path of CHINESE_USER_DICTIONARIES) {
    if (path === 'zh/hospital_words.txt' && learned.length > 0) jieba.loadDict(Buffer.from(learned.map(([word, frequency]) => `${word} ${frequency}`).join('\n')));
    jieba.loadDict(Buffer.from(userDictionaryLines(path).join('\n')));
  }
  return jieba;
}

/** Where the field starting at `from` of a dictionary line ends: at its next tab or space, or the line's end. */
function fieldEnd(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x09 || code === 0x20) return i;
  }
  return line.length;
}

function isDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * Every word's frequency as the hospital jieba holds it: jieba's dictionary, then the user ones
 * over it. A line is 'word freq [tag]', its fields split at each tab or space; one without a
 * whole-number frequency is left out. Fields are found by scanning the line, not by splitting it
 * with a regular expression: jieba's dictionary has 350,000 lines.
 */
function jiebaFrequencies(): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const line of [...new TextDecoder().decode(dict).split('\n'), ...CHINESE_USER_DICTIONARIES.flatMap(userDictionaryLines)]) {
    const entry = line.trim();
    const wordEnd = fieldEnd(entry, 0);
    if (wordEnd === 0 || wordEnd === entry.length) continue;
    const frequency = entry.slice(wordEnd + 1, fieldEnd(entry, wordEnd + 1));
    if (isDigits(frequency)) frequencies.set(entry.slice(0, wordEnd), Number(frequency));
  }
  return frequencies;
}

/**
 * Texts the new words are learned from, at most: 50,000 complaints hold a hospital's everyday words
 * many times over, and counting every string of up to four characters in more costs memory and
 * minutes for little.
 */
const MAX_LEARNING_TEXTS = 50_000;

/** At most `limit` of the texts, evenly spread over them in code-unit order, so the same corpus always gives the same sample. */
function evenSample(texts: readonly string[], limit: number): readonly string[] {
  if (texts.length <= limit) return texts;
  const sorted = [...texts].sort();
  return Array.from({ length: limit }, (_, i) => sorted[Math.floor((i * sorted.length) / limit)]!);
}

/**
 * The hospital's own words, learned from its Chinese text for jieba's user dictionary: the new
 * words of discoverWords (cohesion and boundary entropy) that jieba splits, so that 打开水, where
 * the hospital's patients fetch boiled water, is no longer 打开 + 水 and never an emerging 打开.
 * Kept are words jieba cuts into a word it knows followed by characters it could not place
 * (开水 + 间, 透析 + 室); left out are strings opening with a stray character (楼 + 诊室, the tail
 * of 3楼), phrases of known words only, and any holding a stop word (态度很差). Each word is given
 * the larger of its share of the corpus's characters on jieba's scale (its probability in this
 * hospital's text) and the least frequency that keeps it whole against jieba's split (jieba's
 * suggest_freq).
 *
 * @example learnChineseWords(sampleChineseTexts) // [['开水间', 12818], ['康复科', 6695], ['影像科', 6466], ['煎药室', 3376], ...]
 */
export function learnChineseWords(texts: readonly string[], options: Partial<NewWordOptions & { maxTexts: number }> = {}): LearnedChineseWords {
  const corpus = evenSample(texts, options.maxTexts ?? MAX_LEARNING_TEXTS);
  const candidates = discoverWords(corpus, options);
  // jieba and its dictionary's frequencies cost 0.4-0.6 CPU-s to load, whatever the texts: a
  // corpus too small to hold a new word (a few records) has nothing to weigh against them
  if (candidates.length === 0) return [];
  const jieba = hospitalJieba();
  const stopWords = chineseStopWords();
  const frequencies = jiebaFrequencies();
  let total = 0;
  for (const frequency of frequencies.values()) total += frequency;
  const characters = hanRuns(corpus).reduce((sum, run) => sum + run.length, 0);
  const learned: LearnedChineseWords = [];
  for (const candidate of candidates) {
    const pieces = jieba.cut(candidate.word, true);
    if (pieces.length < 2 || pieces[0]!.length < 2 || !pieces.some((piece) => piece.length === 1) || pieces.some((piece) => stopWords.has(piece))) continue;
    const split = pieces.reduce((logProbability, piece) => logProbability + Math.log((frequencies.get(piece) ?? 1) / total), 0);
    learned.push([candidate.word, Math.max(Math.floor(Math.exp(split) * total) + 1, Math.round((candidate.count / characters) * total))]);
  }
  return learned;
}

/**
 * Chinese terms: jieba (Sun Junyi's segmenter, a prefix-dictionary DAG with an HMM for unknown
 * words) with the hospital dictionaries, so 挂号窗口 and 医患办 stay whole where Intl.Segmenter
 * splits them. Stop words, punctuation and numbers are dropped; Latin words inside Chinese text
 * (CT, MRI, wifi) are kept lower-cased. A single Han character is kept when it is not a stop word:
 * 贵, 脏, 慢 carry a complaint on their own.
 *
 * @example chineseAnalyzer()('挂号窗口排队太久').map((t) => t.key) // ['挂号窗口', '排队', '太久']
 */
export function chineseAnalyzer(jieba: Jieba = hospitalJieba(), stopWords: ReadonlySet<string> = chineseStopWords()): Analyzer {
  return (text: string): Term[] => {
    const terms: Term[] = [];
    for (const token of jieba.cut(text, true)) {
      if (isHan(token)) {
        if (!stopWords.has(token) && !DIGIT.test(token)) terms.push({ key: token, surface: token });
        continue;
      }
      const surface = token.trim();
      const word = surface.toLowerCase();
      if (LATIN_WORD.test(word) && !stopWords.has(word)) terms.push({ key: word, surface });
    }
    return terms;
  };
}

export function chineseStopWords(): Set<string> {
  return new Set([...readShippedList('zh/stopwords.txt'), ...readShippedList('zh/hospital_stopwords.txt'), ...readShippedList('zh/function_words.txt')]);
}
