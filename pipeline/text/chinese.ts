import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Analyzer, Term } from './types.ts';
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

/** jieba with its dictionary and hearken's hospital dictionaries: the bare segmenter the stage uses. */
export function hospitalJieba(): Jieba {
  const jieba = Jieba.withDict(dict);
  for (const path of CHINESE_USER_DICTIONARIES) {
    // jieba reads 'word freq [tag]' lines; comment lines are stripped first
    const lines = readFileSync(resolve(TEXT_DATA_DIR, path), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    jieba.loadDict(Buffer.from(lines.join('\n')));
  }
  return jieba;
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
