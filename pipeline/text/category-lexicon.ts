import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { languageFromEnvironment } from '../config.ts';
import { PipelineError, oneLine } from '../errors.ts';
import { t } from '../i18n.ts';
import { LANGUAGES, type Analyzer, type Language, type Term } from './types.ts';
import { TEXT_DATA_DIR } from './word-lists.ts';

/** The complaint categories of CONTRACT.md section 3; `other` is what fits none. */
export type Category = 'process' | 'attitude' | 'quality' | 'cost' | 'facility' | 'other';

/** The categories a lexicon can name: `other` has no vocabulary of its own. */
export type LexiconCategory = Exclude<Category, 'other'>;

export const LEXICON_CATEGORIES: readonly LexiconCategory[] = ['process', 'attitude', 'quality', 'cost', 'facility'];
export const CATEGORIES: readonly Category[] = [...LEXICON_CATEGORIES, 'other'];

/** One `category<TAB>phrase` line of a lexicon file. */
export interface LexiconEntry {
  category: LexiconCategory;
  phrase: string;
}

/** A phrase as the analyzer reads it: the keys that must occur consecutively in a record. */
export interface LexiconPhrase extends LexiconEntry {
  keys: readonly string[];
}

export interface CategoryLexicon {
  /** Every distinct (category, key sequence), in file order. */
  phrases: readonly LexiconPhrase[];
  /** Phrases by their first key, so a record is scanned once. */
  byFirstKey: ReadonlyMap<string, readonly LexiconPhrase[]>;
  /** Entries the analyzer reduced to no key at all (only stop words or numbers): they never match. */
  unmatchable: readonly LexiconEntry[];
}

/** Phrase counts per category; 0 where nothing matched. */
export type CategoryScores = Record<LexiconCategory, number>;

/**
 * Parses a category lexicon: one `category<TAB>phrase` per line; blank lines and lines starting
 * with `#` are skipped. A misspelt category is a mistake the hospital can fix, so it stops the run
 * with the file and line, told in `messages` (the reader's language), rather than silently dropping the phrase.
 *
 * @example parseCategoryLexicon('cost\tparking fee', 'en') // [{ category: 'cost', phrase: 'parking fee' }]
 */
export function parseCategoryLexicon(text: string, messages: Language, source = t(messages, 'lexicon.name')): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const tab = trimmed.indexOf('\t');
    const category = tab < 0 ? trimmed : trimmed.slice(0, tab).trim();
    const phrase = tab < 0 ? '' : trimmed.slice(tab + 1).trim();
    if (!(LEXICON_CATEGORIES as readonly string[]).includes(category)) {
      throw new PipelineError('text', t(messages, 'lexicon.unknownCategory', { source, line: index + 1, category, categories: LEXICON_CATEGORIES.join(', ') }));
    }
    if (phrase === '') throw new PipelineError('text', t(messages, 'lexicon.noPhrase', { source, line: index + 1 }));
    entries.push({ category: category as LexiconCategory, phrase });
  });
  return entries;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A lexicon file, parsed (parseCategoryLexicon). A file that cannot be read, or is not UTF-8 (an
 * editor's GBK or cp1252 would turn its phrases into ones no record holds), stops the run, told in
 * `messages` (the reader's language).
 *
 * @example readCategoryLexiconFile('data/text/categories/en.tsv', 'vi')[0] // { category: 'process', phrase: … }
 */
export function readCategoryLexiconFile(path: string, messages: Language): LexiconEntry[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new PipelineError('text', t(messages, 'lexicon.unreadable', { source: path, reason: (error as NodeJS.ErrnoException).code ?? oneLine(error) }));
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new PipelineError('text', t(messages, 'lexicon.notUtf8', { source: path }));
  }
  return parseCategoryLexicon(text, messages, path);
}

/** Where the shipped lexicons are: data/text/categories/<language>.tsv. */
const SHIPPED_LEXICONS = resolve(TEXT_DATA_DIR, 'categories');

/**
 * The shipped lexicon of a language, as the text stage's threads read it. They are not told --lang,
 * so a broken one (an edited install) would be told in the locale's language: the stage checks
 * every one first, on its own thread and in the reader's (checkShippedCategoryLexicons).
 */
export function readShippedCategoryLexicon(language: Language): LexiconEntry[] {
  return readCategoryLexiconFile(resolve(SHIPPED_LEXICONS, `${language}.tsv`), languageFromEnvironment());
}

/**
 * Stops the run, told in `messages`, if a lexicon of `folder` (the shipped ones by default) cannot
 * be read or holds a line it cannot use.
 *
 * @example checkShippedCategoryLexicons('zh') // throws 类别词典 … if an edited install broke one
 */
export function checkShippedCategoryLexicons(messages: Language, folder = SHIPPED_LEXICONS): void {
  for (const language of LANGUAGES) readCategoryLexiconFile(resolve(folder, `${language}.tsv`), messages);
}

/**
 * Analyses every phrase with the analyzer the records go through, so a phrase and a record agree on
 * stems, word segmentation and stop words ("waiting times" and "waited for hours" both meet at
 * `wait`). Phrases that analyse to the same keys in one category count once ("wait", "waiting");
 * under two categories they count for both.
 *
 * @example compileCategoryLexicon([{ category: 'process', phrase: 'waiting list' }], englishAnalyzer())
 */
export function compileCategoryLexicon(entries: readonly LexiconEntry[], analyzer: Analyzer): CategoryLexicon {
  const phrases: LexiconPhrase[] = [];
  const unmatchable: LexiconEntry[] = [];
  const seen = new Set<string>();
  const byFirstKey = new Map<string, LexiconPhrase[]>();
  for (const entry of entries) {
    const keys = analyzer(entry.phrase).map((term) => term.key);
    const first = keys[0];
    if (first === undefined) {
      unmatchable.push(entry);
      continue;
    }
    const id = JSON.stringify([entry.category, ...keys]);
    if (seen.has(id)) continue;
    seen.add(id);
    const phrase: LexiconPhrase = { category: entry.category, phrase: entry.phrase, keys };
    phrases.push(phrase);
    const bucket = byFirstKey.get(first);
    if (bucket) bucket.push(phrase);
    else byFirstKey.set(first, [phrase]);
  }
  return { phrases, byFirstKey, unmatchable };
}

/**
 * Counts, per category, the distinct lexicon phrases whose keys occur consecutively among a
 * record's keys. A phrase found twice counts once, so one repeated word cannot outvote several
 * different ones. An occurrence that lies inside a longer matched phrase does not count: in
 * "pay for parking" the cost phrase speaks for the words, not facility's "parking" within it (the
 * longest-match rule of dictionary taggers). Stop words are already gone from both sides, so "no
 * toilet paper" matches "there was no toilet paper at all".
 *
 * @example scoreCategories(lexicon, englishAnalyzer()('Waited hours in the queue')) // { process: 2, ... }
 */
export function scoreCategories(lexicon: CategoryLexicon, terms: readonly Term[]): CategoryScores {
  const keys = terms.map((term) => term.key);
  const found: { phrase: LexiconPhrase; start: number; end: number }[] = [];
  for (let start = 0; start < keys.length; start++) {
    const phrases = lexicon.byFirstKey.get(keys[start]!);
    if (phrases === undefined) continue;
    for (const phrase of phrases) {
      if (occursAt(keys, start, phrase.keys)) found.push({ phrase, start, end: start + phrase.keys.length });
    }
  }
  const scores: CategoryScores = { process: 0, attitude: 0, quality: 0, cost: 0, facility: 0 };
  if (found.length === 0) return scores;
  const counted = new Set<LexiconPhrase>();
  for (const occurrence of found) {
    if (counted.has(occurrence.phrase)) continue;
    const covered = found.some(
      (other) => other.end - other.start > occurrence.end - occurrence.start && other.start <= occurrence.start && other.end >= occurrence.end,
    );
    if (covered) continue;
    counted.add(occurrence.phrase);
    scores[occurrence.phrase.category] += 1;
  }
  return scores;
}

function occursAt(keys: readonly string[], start: number, phrase: readonly string[]): boolean {
  if (start + phrase.length > keys.length) return false;
  for (let i = 1; i < phrase.length; i++) if (keys[start + i] !== phrase[i]) return false;
  return true;
}

/**
 * The category with the most matched phrases, or null when the lexicon gives no evidence: nothing
 * matched, or two categories share the top count. A tie is left to the classifier rather than
 * broken by a fixed order, which would quietly favour whichever category was listed first.
 *
 * @example lexiconCategory({ process: 2, attitude: 1, quality: 0, cost: 0, facility: 0 }) // 'process'
 */
export function lexiconCategory(scores: Readonly<CategoryScores>): LexiconCategory | null {
  let best: LexiconCategory | null = null;
  let bestScore = 0;
  let tied = false;
  for (const category of LEXICON_CATEGORIES) {
    const score = scores[category];
    if (score > bestScore) {
      best = category;
      bestScore = score;
      tied = false;
    } else if (score === bestScore && score > 0) tied = true;
  }
  return tied ? null : best;
}
