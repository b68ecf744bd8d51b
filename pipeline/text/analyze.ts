import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { chineseAnalyzer, hospitalJieba } from './chinese.ts';
import { compileCategoryLexicon, LEXICON_CATEGORIES, readShippedCategoryLexicon, scoreCategories, type CategoryLexicon, type LexiconCategory } from './category-lexicon.ts';
import { englishAnalyzer, englishStopWords } from './english.ts';
import { detectLanguage, vietnameseSyllables, type LanguageVocabulary } from './language.ts';
import type { Analyzer, Language } from './types.ts';
import type { LearnedStatistics } from './learned-statistics.ts';
import { vietnameseAnalyzer, vietnameseWords } from './vietnamese.ts';

/** What a worker needs besides the shipped files: learned from the warehouse, so it is sent along. */
export type TextSetup = LearnedStatistics;

/** One record as the text stage stores it. */
export interface RecordAnalysis {
  lang: Language;
  /** Distinct term keys, first occurrence first. */
  keys: string[];
  /** Each key's surface as written at its first occurrence. */
  surfaces: string[];
  /** One category per lexicon phrase the text holds. */
  lexiconHits: LexiconCategory[];
}

/**
 * Identifiers and names the ingest redacted ([phone], [id], [email], [name], [tên], [姓名]):
 * placeholders, not words. A staff name's token is its title ([医生]) and is read as that word.
 */
const REDACTION_PLACEHOLDER = /\[(?:phone|id|email|name|tên|姓名)\]/g;

/** A language's analyzer and its category lexicon, compiled with it. */
interface LanguageTools {
  analyze: Analyzer;
  lexicon: CategoryLexicon;
}

/**
 * Builds the record analyzer of one thread: language, terms and lexicon hits of a redacted text.
 * Loading jieba's dictionary and the Vietnamese word lists takes a second or so, so a thread
 * builds this once and reuses it, and loads a language's tools only when a text needs them.
 */
export function createRecordAnalyzer(setup: TextSetup): (text: string, fallback: Language) => RecordAnalysis {
  let words: string[] | null = null;
  const vietnamese = (): string[] => (words ??= vietnameseWords());
  const builders: Record<Language, () => Analyzer> = {
    zh: () => chineseAnalyzer(hospitalJieba(setup.chineseWords)),
    vi: () => vietnameseAnalyzer({ words: vietnamese(), ...setup.vietnamese }),
    en: () => englishAnalyzer(englishStopWords(), setup.englishPhrases),
  };
  const tools = new Map<Language, LanguageTools>();
  const toolsOf = (lang: Language): LanguageTools => {
    let found = tools.get(lang);
    if (found === undefined) {
      const analyze = builders[lang]();
      found = { analyze, lexicon: compileCategoryLexicon(readShippedCategoryLexicon(lang), analyze) };
      tools.set(lang, found);
    }
    return found;
  };
  let syllables: Set<string> | null = null;
  const vocabulary: LanguageVocabulary = {
    // only Latin-script text asks for it
    get vietnameseSyllables() {
      return (syllables ??= vietnameseSyllables(vietnamese()));
    },
    englishWords: englishStopWords(),
  };

  return (text: string, fallback: Language): RecordAnalysis => {
    const clean = text.includes('[') ? text.replace(REDACTION_PLACEHOLDER, ' ') : text;
    const lang = detectLanguage(clean, vocabulary, fallback);
    const { analyze, lexicon } = toolsOf(lang);
    const found = analyze(clean);
    const seen = new Set<string>();
    const keys: string[] = [];
    const surfaces: string[] = [];
    for (const term of found) {
      if (seen.has(term.key)) continue;
      seen.add(term.key);
      keys.push(term.key);
      surfaces.push(term.surface);
    }
    const scores = scoreCategories(lexicon, found);
    const lexiconHits: LexiconCategory[] = [];
    for (const category of LEXICON_CATEGORIES) for (let n = scores[category]; n > 0; n--) lexiconHits.push(category);
    return { lang, keys, surfaces, lexiconHits };
  };
}

/** Some of a batch's pending records, for one thread. */
export interface AnalyzeTask {
  /** The batch's records as models/text/export_text_batch.sql writes them: a PendingText object per line. */
  textsFile: string;
  /** The task's lines: bytes start to end of that file. */
  start: number;
  end: number;
  /** Where the thread writes what it found, a line per record (see models/text/store_text_batch.sql). */
  analysisFile: string;
}

/** One pending record as the texts file holds it. */
interface PendingText {
  /** The record's number in pending_text. */
  seq: number;
  text: string;
  /** The language to assume for a text with no words (its department's); null where it has none. */
  fallback: Language | null;
}

/** The task's records, read from its bytes of the texts file: JSON lines, whose strings never hold a line break. */
function readTaskTexts(task: AnalyzeTask): PendingText[] {
  const bytes = Buffer.alloc(task.end - task.start);
  const file = openSync(task.textsFile, 'r');
  try {
    for (let read = 0; read < bytes.length; ) read += readSync(file, bytes, read, bytes.length - read, task.start + read);
  } finally {
    closeSync(file);
  }
  const lines = bytes.toString('utf8').trimEnd();
  return lines === '' ? [] : (JSON.parse(`[${lines.replaceAll('\n', ',')}]`) as PendingText[]);
}

/**
 * Where each task's lines of a texts file start and end, `linesPerTask` lines a task: found by
 * scanning its bytes for line breaks, so the main thread hands out slices without decoding text.
 *
 * @example taskSlices(Buffer.from('{"seq":1}\n{"seq":2}\n{"seq":3}\n'), 2) // [{ start: 0, end: 20 }, { start: 20, end: 30 }]
 */
export function taskSlices(bytes: Buffer, linesPerTask: number): { start: number; end: number }[] {
  const slices: { start: number; end: number }[] = [];
  let start = 0;
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) {
    if (++lines < linesPerTask) continue;
    slices.push({ start, end: at + 1 });
    start = at + 1;
    lines = 0;
  }
  if (start < bytes.length) slices.push({ start, end: bytes.length });
  return slices;
}

// a term never holds a tab, a line break or a control character (the analyzers split on white
// space), but a file DuckDB reads without quoting must be sure of it
const FIELD_BREAK = /[\t\r\n\u001f]/g;
const LIST_SEPARATOR = '\u001f';

/** A term as a field of the file: unchanged unless it holds a field break (a scan, cheaper than a replace per term). */
function field(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x1f) return value.replace(FIELD_BREAK, ' ');
  }
  return value;
}

/**
 * Analyses a task's texts and writes what it found to the task's file, which DuckDB then loads in
 * one statement: formatting lines here, on the worker threads, and bulk-loading them there costs
 * the main thread far less than appending millions of values one at a time. The surfaces field
 * is left empty where every surface is its key (all Chinese words, most Vietnamese ones): half
 * the bytes to write and to load.
 */
export function analyseTask(analyze: ReturnType<typeof createRecordAnalyzer>, task: AnalyzeTask): void {
  const lines: string[] = [];
  for (const { seq, text, fallback } of readTaskTexts(task)) {
    const { lang, lexiconHits, keys, surfaces } = analyze(text, fallback ?? 'en');
    const written = surfaces.every((surface, k) => surface === keys[k]) ? '' : surfaces.map(field).join(LIST_SEPARATOR);
    lines.push(`${seq}\t${lang}\t${lexiconHits.join(LIST_SEPARATOR)}\t${keys.map(field).join(LIST_SEPARATOR)}\t${written}\n`);
  }
  writeFileSync(task.analysisFile, lines.join(''));
}
