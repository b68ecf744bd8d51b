import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Analyzer, Term } from './types.ts';
import { readShippedList, TEXT_DATA_DIR } from './word-lists.ts';

/** jieba user dictionaries loaded over its own, in this order (later entries win). */
export const CHINESE_USER_DICTIONARIES = ['zh/medical_thuocl.txt', 'zh/hospital_words.txt'] as const;

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[a-z][a-z-]*[a-z]$/;

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
      const word = token.trim().toLowerCase();
      if (word === '' || stopWords.has(word)) continue;
      if (HAN.test(word) ? /\d/.test(word) : !LATIN_WORD.test(word)) continue;
      terms.push({ key: word, surface: token.trim() });
    }
    return terms;
  };
}

export function chineseStopWords(): Set<string> {
  return new Set([...readShippedList('zh/stopwords.txt'), ...readShippedList('zh/hospital_stopwords.txt')]);
}
