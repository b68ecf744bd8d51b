import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { learnChineseWords } from './chinese.ts';
import { learnEnglishPhrases } from './english.ts';
import type { Language } from './types.ts';
import { learnVietnameseStatistics } from './vietnamese.ts';

/** What the analyzers learn from the warehouse's own text: sent to every worker thread. */
export interface LearnedStatistics {
  chineseWords: ReturnType<typeof learnChineseWords>;
  vietnamese: ReturnType<typeof learnVietnameseStatistics>;
  englishPhrases: ReturnType<typeof learnEnglishPhrases>;
}

const LEARNERS = {
  zh: (texts: string[]) => learnChineseWords(texts),
  vi: (texts: string[]) => learnVietnameseStatistics(texts),
  en: (texts: string[]) => learnEnglishPhrases(texts),
} as const;

/**
 * What each analyzer has learned, kept in learned_text_statistics. Learning again on every run
 * would move terms (and re-read every record of the language) each time a few records arrive; so
 * a language's statistics are learned once, and again only when its corpus has doubled since. The
 * corpora are counted first (not even that while none can have doubled: learning_corpus_size) and
 * built (learning_corpus: every record's text, sorted by time) only when a language learns.
 */
export async function currentLearnedStatistics(connection: DuckDBConnection, models: StepModels): Promise<LearnedStatistics> {
  await models.run('text/learning_corpus_size');
  const sizes = await queryRows<{ lang: Language; records: number; relearn: boolean }>(connection, 'select lang, records, relearn from learning_corpus_size');
  let built: Promise<void> | null = null;
  const corpus = (lang: Language): Corpus => ({
    // a language without records has nothing to learn from
    ...(sizes.find((size) => size.lang === lang) ?? { records: 0, relearn: false }),
    texts: async () => {
      await (built ??= models.run('text/learning_corpus'));
      return (await queryRows<{ text_redacted: string }>(connection, 'select text_redacted from learning_corpus where lang = $lang', { lang })).map((row) => row.text_redacted);
    },
  });
  return {
    chineseWords: await learned(connection, 'zh', corpus('zh'), LEARNERS.zh, []),
    vietnamese: await learned(connection, 'vi', corpus('vi'), LEARNERS.vi, { collocations: [], wordCounts: [] }),
    englishPhrases: await learned(connection, 'en', corpus('en'), LEARNERS.en, []),
  };
}

/** A language's learning corpus: its size, whether to learn from it again (learning_corpus_size), and its texts, read only when it learns. */
interface Corpus {
  records: number;
  relearn: boolean;
  texts: () => Promise<string[]>;
}

async function learned<T>(connection: DuckDBConnection, lang: Language, corpus: Corpus, learn: (texts: string[]) => T, nothing: T): Promise<T> {
  const { records, relearn } = corpus;
  if (!relearn) {
    const [stored] = await queryRows<{ statistics: string }>(connection, 'select statistics::varchar as statistics from learned_text_statistics where lang = $lang', { lang });
    return stored === undefined ? nothing : (JSON.parse(stored.statistics) as T);
  }
  const statistics = learn(await corpus.texts());
  await connection.run('insert or replace into learned_text_statistics values ($lang, $statistics::json, $records)', {
    lang,
    statistics: JSON.stringify(statistics),
    records,
  });
  return statistics;
}
