import type { Language } from '../text/types.ts';
import { pickQuotes } from './quotes.ts';
import { termKey } from './terms.ts';

/** A praise record of mart_praise_records: its redacted text and distinct terms. */
export interface PraiseRecord {
  id: string;
  department: string;
  lang: Language;
  text_redacted: string;
  terms: readonly string[];
}

export interface PraiseThemes {
  /** How many praise records. */
  records: number;
  /** The terms most of them hold, as people write them, with how many hold each. */
  themes: { term: string; surface: string; records: number }[];
  /** Redacted quotes that show those themes (pickQuotes). */
  quotes: string[];
}

const defaults = { themes: 6, quotes: 3 };

/**
 * What a set of praise records praises: the terms the most records hold (document frequency,
 * ties by term, per language key so two languages' homographs stay apart), and quotes picked as
 * the high-frequency issues' are (`pickQuotes`: the records holding most of those terms, one per
 * department first, no near-copies, shorter first, cut). Only redacted text goes in.
 *
 * @example praiseThemes(records, (lang, term) => surfaces.get(termKey(lang, term)) ?? term).themes[0] // { term: 'tận tình', surface: 'tận tình', records: 14 }
 */
export function praiseThemes(records: readonly PraiseRecord[], surface: (lang: Language, term: string) => string, options: Partial<typeof defaults> = {}): PraiseThemes {
  const limits = { ...defaults, ...options };
  const counts = new Map<string, { lang: Language; term: string; records: number }>();
  for (const record of records) {
    for (const term of new Set(record.terms)) {
      const key = termKey(record.lang, term);
      const count = counts.get(key) ?? { lang: record.lang, term, records: 0 };
      count.records += 1;
      counts.set(key, count);
    }
  }
  const top = [...counts.values()]
    .sort((a, b) => b.records - a.records || (a.term < b.term ? -1 : a.term > b.term ? 1 : a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0))
    .slice(0, limits.themes);
  const keyTerms = new Set(top.map((theme) => theme.term));
  return {
    records: records.length,
    themes: top.map((theme) => ({ term: theme.term, surface: surface(theme.lang, theme.term), records: theme.records })),
    quotes: pickQuotes(records, keyTerms, limits.quotes),
  };
}
