import { learnCollocations, type Collocation, type CollocationOptions } from './collocations.ts';
import type { Analyzer, Term } from './types.ts';
import { readShippedList } from './word-lists.ts';

/**
 * Vietnamese terms. Vietnamese is written one syllable at a time, with spaces between syllables,
 * and most words have two or more (thái độ, bãi gửi xe), so words are rebuilt from syllables:
 * greedy longest match against a dictionary (pyvi's word list, VietBioNER terms and a hospital
 * list, see data/text/vi/README.md), then adjacent single syllables that form a collocation
 * learned from the corpus (learnVietnameseStatistics) are joined. Longest matching is the initial
 * segmentation of RDRsegmenter (Nguyen et al. 2018, "A fast and accurate Vietnamese word
 * segmenter", LREC), which then corrects it with learned rules; hearken stops at the dictionary.
 *
 * Keys keep their diacritics: folded forms (no diacritics) are only used to read text typed
 * without them. Everything the analyzer is built from is plain data (arrays of strings and
 * numbers), so a worker thread can rebuild it from what the main thread sends.
 */

export interface VietnameseAnalyzerOptions {
  /** Dictionary words, syllables separated by spaces. Default: the shipped lists, vietnameseWords(). */
  words?: readonly string[];
  /** Stop words, matched against whole segmented words. Default: vietnameseStopWords(). */
  stopWords?: readonly string[];
  /** Pairs of adjacent single syllables to join, from learnVietnameseStatistics. Default: none. */
  collocations?: readonly (readonly [string, string])[];
  /** How often each dictionary word occurs in text written with diacritics, from learnVietnameseStatistics. Default: none. */
  wordCounts?: readonly (readonly [string, number])[];
  /** A text is read as typed without diacritics when fewer of its Vietnamese syllables than this share carry one. */
  foldingBelowDiacriticShare?: number;
  /** A folded form with several dictionary words maps to the most counted one when it has at least this share… */
  dominantShare?: number;
  /** …and at least this many occurrences. */
  dominantMinCount?: number;
}

/** What learnVietnameseStatistics learns from a corpus; spread it into vietnameseAnalyzer's options. */
export interface VietnameseStatistics {
  collocations: Collocation[];
  wordCounts: [string, number][];
}

const defaults = {
  // written with diacritics, about 80% of Vietnamese syllables carry one (83% in the sample
  // generator's sentences); typed without, none do
  foldingBelowDiacriticShare: 0.3,
  dominantShare: 0.9,
  dominantMinCount: 5,
};

/** The shipped dictionary: pyvi's words, VietBioNER's terms and the hospital's own words. */
export function vietnameseWords(): string[] {
  return [
    ...readShippedList('vi/words_pyvi.txt'),
    ...readShippedList('vi/medical_terms_vietbioner.txt'),
    ...readShippedList('vi/hospital_words.txt'),
  ];
}

/** The shipped stop words: general ones and the hospital's own. */
export function vietnameseStopWords(): string[] {
  return [...readShippedList('vi/stopwords.txt'), ...readShippedList('vi/hospital_stopwords.txt'), ...readShippedList('vi/function_words.txt')];
}

/**
 * Vietnamese analyzer: text → terms, in reading order. Term.key is the word with its diacritics,
 * NFC, lower case, tone marks placed as in pyvi (see normalizeVietnamese); Term.surface is the
 * word as written, lower-cased. Numbers and codes (anything with a digit) are dropped and break
 * words apart, like punctuation. A Latin token that is neither in the dictionary nor shaped like
 * a Vietnamese syllable (English "staff", "nice", "ok") is dropped: English text gets its own
 * analyzer, and loanwords a hospital needs (wifi, ct, bhyt) are in the hospital dictionary.
 *
 * @example vietnameseAnalyzer()('Thái độ nhân viên bãi gửi xe rất cáu gắt').map((t) => t.key)
 *   // ['thái độ', 'nhân viên', 'bãi gửi xe', 'cáu gắt']
 */
export function vietnameseAnalyzer(options: VietnameseAnalyzerOptions = {}): Analyzer {
  const lexicon = buildLexicon(options);
  const segment = segmenter(lexicon);
  return (text: string): Term[] => {
    const terms: Term[] = [];
    for (const run of segment(text).runs) {
      for (let i = 0; i < run.length; i++) {
        let word = run[i]!;
        const next = run[i + 1];
        if (next !== undefined && word.syllables === 1 && next.syllables === 1 && lexicon.collocations.has(`${word.key} ${next.key}`)) {
          word = { key: `${word.key} ${next.key}`, surface: `${word.surface} ${next.surface}`, syllables: 2 };
          i++;
        }
        if (!lexicon.stopWords.has(word.key)) terms.push({ key: word.key, surface: word.surface });
      }
    }
    return terms;
  };
}

/**
 * Learns from a corpus what vietnameseAnalyzer can use: collocations of adjacent single
 * syllables the dictionary leaves apart (Dunning's G², see learnCollocations), and how often each
 * dictionary word occurs in the texts written with diacritics, so that text typed without them
 * maps "khong" to "không" when "không" clearly dominates, and no longer matches words this
 * hospital's texts never use. Run it once on the Vietnamese texts (the options as for the
 * analyzer), then pass the result to every analyzer: `vietnameseAnalyzer({ ...statistics })`.
 *
 * @example learnVietnameseStatistics(texts) // { collocations: [['bàn', 'giao']…], wordCounts: [['bác sĩ', 412]…] }
 */
export function learnVietnameseStatistics(
  texts: Iterable<string>,
  options: VietnameseAnalyzerOptions = {},
  collocationOptions: CollocationOptions = {},
): VietnameseStatistics {
  const lexicon = buildLexicon({ ...options, collocations: [], wordCounts: [] });
  const segment = segmenter(lexicon);
  const counts = new Map<string, number>();
  function* sequences(): Generator<string[]> {
    for (const text of texts) {
      const { runs, folding } = segment(text);
      for (const run of runs) {
        if (!folding) {
          for (const { key } of run) {
            if (lexicon.words.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        }
        yield run.map((word) => word.key);
      }
    }
  }
  const collocations = learnCollocations(sequences(), { ...collocationOptions, stopWords: lexicon.stopWords }).filter(
    ([first, second]) => !first.includes(' ') && !second.includes(' '),
  );
  const wordCounts = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { collocations, wordCounts };
}

/**
 * A word's key: NFC, lower case, and one tone-mark placement. Vietnamese writes hòa/hoà,
 * khỏe/khoẻ, thủy/thuỷ both ways; hearken puts the mark on the second vowel of oa, oe and uy
 * (hoà, khoẻ, thuỷ), as pyvi's word list does, and as both conventions already do when a
 * consonant follows (hoàn, huỳnh). Other words pass unchanged.
 *
 * @example normalizeVietnamese('Hòa THỦY khỏe') // 'hoà thuỷ khoẻ'
 */
export function normalizeVietnamese(text: string): string {
  return prepare(text).replace(/[\p{L}\p{M}]+/gu, placeToneMark);
}

/**
 * Removes diacritics (tone marks, ă â ê ô ơ ư → a e o u) and đ → d: how Vietnamese looks when typed
 * without them. Used only to read such text, never as a key.
 *
 * @example foldVietnamese('bãi gửi xe đông') // 'bai gui xe dong'
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

interface Syllable {
  key: string;
  surface: string;
  folded: string;
  /** written without any diacritic */
  plain: boolean;
}

interface Word {
  key: string;
  surface: string;
  syllables: number;
}

/** A trie keyed by syllables; `word` is set where a dictionary word ends. */
interface TrieNode {
  /** the word's key, or (folded trie) null when the folded form could be several words */
  word?: string | null;
  next: Map<string, TrieNode>;
}

interface Lexicon {
  words: Set<string>;
  /** the dictionary by syllable keys */
  trie: TrieNode;
  /** the dictionary by folded syllables; a folded form stands for no word when absent */
  foldedTrie: TrieNode;
  stopWords: Set<string>;
  collocations: Set<string>;
  foldingBelowDiacriticShare: number;
}

const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const TONE_ON_SECOND_VOWEL = new Set(['oa', 'oe', 'uy']);
const VOWELS = /[aăâeêioôơuưy]+/u;
// onset, vowels (with the glides i/y/o/u), final consonant: the shape of every Vietnamese syllable
const SYLLABLE_SHAPE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

function prepare(text: string): string {
  // Ð (U+00D0, from legacy encodings) stands for Đ; a hyphen or underscore inside a word (x-quang,
  // nhân_viên) separates syllables
  const lower = text.normalize('NFC').toLowerCase().replace(/ð/g, 'đ');
  return /[-_]/.test(lower) ? lower.replace(/(?<=[\p{L}\p{M}])[-_](?=[\p{L}\p{M}])/gu, ' ') : lower;
}

function placeToneMark(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  const tone = decomposed.match(TONE_MARK)?.[0];
  if (tone === undefined) return syllable;
  const bare = decomposed.replace(TONE_MARK, '').normalize('NFC');
  const vowels = VOWELS.exec(bare);
  if (vowels === null || !TONE_ON_SECOND_VOWEL.has(vowels[0])) return syllable.normalize('NFC');
  const at = vowels.index + 2;
  return (bare.slice(0, at) + tone + bare.slice(at)).normalize('NFC');
}

/** Splits text into runs of syllables; punctuation, line breaks, numbers and non-Latin tokens end a run. */
function syllableRuns(text: string): Syllable[][] {
  const prepared = prepare(text);
  const runs: Syllable[][] = [];
  let run: Syllable[] = [];
  const endRun = (): void => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  let end = 0;
  for (const match of prepared.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const token = match[0];
    const between = prepared.slice(end, match.index);
    if (between !== ' ' && !/^[\p{Zs}\t]*$/u.test(between)) endRun();
    end = match.index + token.length;
    const syllable = syllableOf(token);
    if (syllable === null) endRun();
    else run.push(syllable);
  }
  endRun();
  return runs;
}

// tokens repeat (Vietnamese has about 7,000 syllables in use), so each is read once; the cache
// only memoises a pure function and is emptied when large
const syllableCache = new Map<string, Syllable | null>();
const SYLLABLE_CACHE_LIMIT = 100_000;

/** A token as a syllable, or null when it is no Latin word (a number, a code, another script). */
function syllableOf(token: string): Syllable | null {
  let syllable = syllableCache.get(token);
  if (syllable !== undefined) return syllable;
  const folded = foldVietnamese(token);
  if (/\p{N}/u.test(token) || !/^[a-z]+$/.test(folded)) syllable = null;
  else {
    const plain = folded === token;
    syllable = { key: plain ? token : placeToneMark(token), surface: token, folded, plain };
  }
  if (syllableCache.size >= SYLLABLE_CACHE_LIMIT) syllableCache.clear();
  syllableCache.set(token, syllable);
  return syllable;
}

function isSyllableShaped(plainSyllable: string): boolean {
  return SYLLABLE_SHAPE.test(plainSyllable);
}

function trieNode(root: TrieNode, path: readonly string[]): TrieNode {
  let node = root;
  for (const step of path) {
    let child = node.next.get(step);
    if (child === undefined) node.next.set(step, (child = { next: new Map() }));
    node = child;
  }
  return node;
}

/** The longest word of two or more syllables at run[start], no further than `end`. */
function longestWord(
  root: TrieNode,
  run: readonly Syllable[],
  start: number,
  end: number,
  step: (syllable: Syllable) => string,
): { length: number; word: string | null } | undefined {
  let found: { length: number; word: string | null } | undefined;
  let node: TrieNode | undefined = root;
  for (let i = start; i < end; i++) {
    node = node.next.get(step(run[i]!));
    if (node === undefined) break;
    if (node.word !== undefined && i > start) found = { length: i - start + 1, word: node.word };
  }
  return found;
}

/** The syllables of a dictionary or stop-word entry, or undefined when it is no single run of them. */
function entrySyllables(entry: string): Syllable[] | undefined {
  if (/\p{N}/u.test(entry)) return undefined;
  const runs = syllableRuns(entry);
  return runs.length === 1 ? runs[0] : undefined;
}

function entryKey(entry: string): string | undefined {
  return entrySyllables(entry)?.map((s) => s.key).join(' ');
}

function buildLexicon(options: VietnameseAnalyzerOptions): Lexicon {
  const dominantShare = options.dominantShare ?? defaults.dominantShare;
  const dominantMinCount = options.dominantMinCount ?? defaults.dominantMinCount;
  const words = new Set<string>();
  const trie: TrieNode = { next: new Map() };
  const candidates = new Map<string, { folded: string[]; keys: string[] }>();
  for (const entry of options.words ?? vietnameseWords()) {
    const syllables = entrySyllables(entry);
    if (syllables === undefined) continue;
    const key = syllables.map((s) => s.key).join(' ');
    if (words.has(key)) continue;
    words.add(key);
    trieNode(trie, syllables.map((s) => s.key)).word = key;
    const folded = syllables.map((s) => s.folded);
    const form = folded.join(' ');
    const sharing = candidates.get(form);
    if (sharing === undefined) candidates.set(form, { folded, keys: [key] });
    else sharing.keys.push(key);
  }

  // Without corpus statistics a folded form stands for its word when it has only one. With them, it
  // stands for the word that clearly dominates in text written with diacritics, and for no word at
  // all when none of its words was seen there: otherwise a rare word (đa bào) captures common
  // syllables typed plain (Đã báo → da bao).
  const counts = new Map(options.wordCounts ?? []);
  const foldedTrie: TrieNode = { next: new Map() };
  for (const { folded, keys } of candidates.values()) {
    if (counts.size === 0) {
      trieNode(foldedTrie, folded).word = keys.length === 1 ? keys[0]! : null;
      continue;
    }
    let best: string | null = null;
    let bestCount = 0;
    let total = 0;
    for (const key of keys) {
      const count = counts.get(key) ?? 0;
      total += count;
      if (count > bestCount) [best, bestCount] = [key, count];
    }
    if (total === 0) continue;
    const dominant = keys.length === 1 || (bestCount >= dominantMinCount && bestCount >= dominantShare * total);
    trieNode(foldedTrie, folded).word = dominant ? best : null;
  }

  const keys = (entries: Iterable<string>): Set<string> =>
    new Set([...entries].map(entryKey).filter((key): key is string => key !== undefined));
  return {
    words,
    trie,
    foldedTrie,
    stopWords: keys(options.stopWords ?? vietnameseStopWords()),
    collocations: keys((options.collocations ?? []).map(([first, second]) => `${first} ${second}`)),
    foldingBelowDiacriticShare: options.foldingBelowDiacriticShare ?? defaults.foldingBelowDiacriticShare,
  };
}

/**
 * Dictionary segmentation of a text into runs of words, before collocations and stop words.
 * Greedy longest match from the left; in a text typed without diacritics, a span of plain
 * syllables also matches a dictionary word through its folded form, and takes that word's key
 * when the folded form stands for one word only (or one clearly dominant in wordCounts).
 */
function segmenter(lexicon: Lexicon): (text: string) => { runs: Word[][]; folding: boolean } {
  return (text) => {
    const syllableRunsOfText = syllableRuns(text);
    let vietnamese = 0;
    let marked = 0;
    for (const run of syllableRunsOfText) {
      for (const { key, plain } of run) {
        if (!plain) marked++;
        if (!plain || isSyllableShaped(key)) vietnamese++;
      }
    }
    const folding = marked < lexicon.foldingBelowDiacriticShare * vietnamese;

    const runs: Word[][] = [];
    for (const run of syllableRunsOfText) {
      let words: Word[] = [];
      for (let i = 0; i < run.length; ) {
        const first = run[i]!;
        const foldable = folding && first.plain;
        // in text typed without diacritics, plain syllables match through their folded forms
        let plainEnd = i;
        while (foldable && plainEnd < run.length && run[plainEnd]!.plain) plainEnd++;
        const exact = longestWord(lexicon.trie, run, i, run.length, (s) => s.key);
        const folded = foldable ? longestWord(lexicon.foldedTrie, run, i, plainEnd, (s) => s.folded) : undefined;
        const match = exact !== undefined && i + exact.length > plainEnd ? exact : folded;
        let word: Word | undefined;
        if (match !== undefined) {
          const span = run.slice(i, i + match.length);
          word = {
            key: match.word ?? span.map((s) => s.key).join(' '),
            surface: span.map((s) => s.surface).join(' '),
            syllables: match.length,
          };
        } else {
          const meant = foldable ? lexicon.foldedTrie.next.get(first.folded)?.word : undefined;
          const known = meant !== undefined || lexicon.trie.next.get(first.key)?.word !== undefined;
          if (first.plain && ((!known && !isSyllableShaped(first.key)) || first.key.length === 1)) {
            // an English word, a code or a lone letter (nhà B): dropped, and the words around it are not adjacent
            if (words.length > 0) runs.push(words);
            words = [];
            i++;
            continue;
          }
          word = { key: meant ?? first.key, surface: first.surface, syllables: 1 };
        }
        words.push(word);
        i += word.syllables;
      }
      if (words.length > 0) runs.push(words);
    }
    return { runs, folding };
  };
}
