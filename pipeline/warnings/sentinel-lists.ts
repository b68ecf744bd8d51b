import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkSettings, type Config } from '../config.ts';
import { EXIT_USAGE, PipelineError } from '../errors.ts';
import { t } from '../i18n.ts';
import type { Language } from '../text/types.ts';
import { normalizeVietnamese } from '../text/vietnamese.ts';
import { TEXT_DATA_DIR } from '../text/word-lists.ts';

/** The shipped lists, data/text/sentinel/<language>.json; a reference folder adds its own `sentinel/<language>.json`. */
export const SHIPPED_SENTINEL_DIR = join(TEXT_DATA_DIR, 'sentinel');
export const SENTINEL_SUBFOLDER = 'sentinel';
/**
 * The lists, by file name: one per language, and one for Vietnamese typed without diacritics
 * (`vi-folded`), read only on text that has none, with phrases that stay unambiguous without them.
 */
export const SENTINEL_LISTS: readonly { name: string; language: Language; folded: boolean }[] = [
  { name: 'zh', language: 'zh', folded: false },
  { name: 'vi', language: 'vi', folded: false },
  { name: 'en', language: 'en', folded: false },
  { name: 'vi-folded', language: 'vi', folded: true },
];

/**
 * The event classes hearken words for people (i18n `sentinel.class.*`), the most serious first: a
 * record that matches several is named after the first. A hospital may add classes of its own;
 * they come after these and are shown by their code.
 */
export const SENTINEL_CLASSES = [
  'unexpected_death',
  'self_harm',
  'violence',
  'abuse',
  'wrong_procedure',
  'medication_error',
  'fall',
  'missing_patient',
  'infection_outbreak',
  'legal_threat',
  'press_threat',
] as const;

export type SentinelClass = (typeof SENTINEL_CLASSES)[number];

/** Classes of reputation and law rather than of a patient's safety: the patient-relations office acts first. */
export const THREAT_CLASSES: ReadonlySet<string> = new Set(['legal_threat', 'press_threat']);

const defaults = { gap: 20, negationWindow: 3 } as const;

const listFileSchema = z.strictObject({
  language: z.enum(['zh', 'vi', 'en']).optional(),
  about: z.string().optional(),
  gap: z.number().int().min(0).max(200).optional().describe('characters a … in a pattern may span, within one sentence'),
  negation_window: z.number().int().min(0).max(20).optional().describe('words (zh: characters) before a match searched for a negation'),
  negations: z.array(z.string().min(1)).optional(),
  harmless: z.array(z.string().min(1)).optional(),
  classes: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'sentinel.classCode'), z.array(z.string().min(1))).optional(),
});

/** One list as read, the shipped file's entries first, then each added folder's. */
export interface SentinelList {
  name: string;
  language: Language;
  /** Read only on text without diacritics (Vietnamese typed without them). */
  folded: boolean;
  gap: number;
  negationWindow: number;
  negations: string[];
  harmless: string[];
  /** Class → patterns, in the order classes were first named. */
  classes: Map<string, string[]>;
}

/** One language's lists compiled: a regular expression per class, and the harmless and negation cues. */
export interface CompiledSentinelList {
  language: Language;
  folded: boolean;
  /** Classes in order of seriousness (SENTINEL_CLASSES, then the hospital's own). */
  classes: { eventClass: string; pattern: RegExp }[];
  /** Harmless senses: a match overlapping one of these is not an event (global). */
  harmless: RegExp | null;
  /** Cues that negate a match when they end the words just before it (not global). */
  negation: RegExp | null;
  negationWindow: number;
}

/**
 * Where a run reads sentinel lists: the shipped folder, then a `sentinel/` folder inside each
 * reference folder the hospital's config adds (`reference_dirs`), whose entries are added.
 */
export function sentinelListDirs(config: Pick<Config, 'referenceDirs'>): string[] {
  return [SHIPPED_SENTINEL_DIR, ...config.referenceDirs.slice(1).map((dir) => join(dir, SENTINEL_SUBFOLDER))];
}

/** Reads and merges `<list>.json` (SENTINEL_LISTS) of every folder that has one; a broken file is the user's to fix, told in `messages` (the reader's language). */
export function readSentinelLists(dirs: readonly string[], messages: Language): SentinelList[] {
  return SENTINEL_LISTS.map(({ name, language, folded }) => {
    const list: SentinelList = { name, language, folded, ...defaults, negations: [], harmless: [], classes: new Map() };
    for (const dir of dirs) {
      const path = join(dir, `${name}.json`);
      if (!existsSync(path)) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        throw new PipelineError('sentinel', t(messages, 'sentinel.notJson', { path }), EXIT_USAGE);
      }
      const parsed = checkSettings(listFileSchema, raw, messages);
      if (!parsed.ok) throw new PipelineError('sentinel', t(messages, 'sentinel.invalid', { path, detail: parsed.problem }), EXIT_USAGE);
      const file = parsed.data;
      if (file.gap !== undefined) list.gap = file.gap;
      if (file.negation_window !== undefined) list.negationWindow = file.negation_window;
      list.negations.push(...(file.negations ?? []));
      list.harmless.push(...(file.harmless ?? []));
      for (const [eventClass, patterns] of Object.entries(file.classes ?? {})) {
        list.classes.set(eventClass, [...(list.classes.get(eventClass) ?? []), ...patterns]);
      }
    }
    return list;
  });
}

/** Letters as the text is read (normalizeVietnamese): lower case, NFC, tone marks placed as pyvi does. */
function normaliseLiterals(source: string): string {
  return source.replace(/[\p{L}\p{M}]*[^\p{ASCII}][\p{L}\p{M}]*/gu, (word) => normalizeVietnamese(word));
}

/**
 * ASCII letters in lower case, as the text is read, leaving escapes (\p{L}, \D) as written: the
 * patterns then need no case-insensitive flag, which makes Unicode classes several times slower.
 */
function lowerCase(source: string): string {
  return source.replace(/\\[A-Za-z](\{[^}]*\})?|[A-Z]+/g, (part) => (part.startsWith('\\') ? part : part.toLowerCase()));
}

/** Sentence ends: a … never spans one. */
const GAP_STOP = '.!?;。！？；\\n';

/**
 * One regular expression of several patterns: each pattern in a group of its own (a whole word in
 * Vietnamese and English), each … a named group `gN` of at most `gap` characters within a sentence,
 * so the phrase shown can leave out what the gap covered.
 */
function combine(patterns: readonly string[], list: SentinelList, flags: string, what: string, messages: Language): RegExp | null {
  if (patterns.length === 0) return null;
  let groups = 0;
  const wholeWords = list.language !== 'zh';
  // longer patterns first: where two match at one place, the fuller phrase is the one shown
  const sources = [...new Set(patterns)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const parts = sources.map((source, i) => {
    const body = lowerCase(normaliseLiterals(source)).replace(/…/g, () => `(?<g${groups++}>[^${GAP_STOP}]{0,${list.gap}}?)`);
    try {
      new RegExp(body, 'u');
    } catch (error) {
      const reason = (error as Error).message;
      throw new PipelineError('sentinel', t(messages, 'sentinel.notRegex', { list: list.name, what, entry: i + 1, pattern: source, reason }), EXIT_USAGE);
    }
    return `(?:${body})`;
  });
  // one boundary around the alternation: each alternative keeps it, and V8 checks it once a place
  const alternation = parts.join('|');
  return new RegExp(wholeWords ? `(?<![\\p{L}\\p{M}\\p{N}])(?:${alternation})(?![\\p{L}\\p{M}\\p{N}])` : alternation, flags);
}

/** A class's rank: SENTINEL_CLASSES in order, then any other. */
export function classOrder(eventClass: string): number {
  const known = (SENTINEL_CLASSES as readonly string[]).indexOf(eventClass);
  return known < 0 ? SENTINEL_CLASSES.length : known;
}

/**
 * Compiles one language's lists. Patterns are JavaScript regular expressions (Unicode,
 * case-insensitive); in Vietnamese and English each matches whole words only; `…` stands for a gap
 * of up to `gap` characters within one sentence (摔…骨折).
 *
 * A pattern that is not a regular expression stops the run, told in `messages` (the reader's language).
 *
 * @example compileSentinelList(readSentinelLists([SHIPPED_SENTINEL_DIR], 'en')[0]!, 'en').classes[0].eventClass // 'unexpected_death'
 */
export function compileSentinelList(list: SentinelList, messages: Language): CompiledSentinelList {
  const classes = [...list.classes]
    .sort(([a], [b]) => classOrder(a) - classOrder(b) || (a < b ? -1 : 1))
    .flatMap(([eventClass, patterns]) => {
      const pattern = combine(patterns, list, 'dgu', t(messages, 'sentinel.class', { eventClass }), messages);
      return pattern === null ? [] : [{ eventClass, pattern }];
    });
  return {
    language: list.language,
    folded: list.folded,
    classes,
    harmless: combine(list.harmless, list, 'dgu', 'harmless', messages),
    negation: combine(list.negations, list, 'u', 'negations', messages),
    negationWindow: list.negationWindow,
  };
}

/** The compiled lists a run uses: shipped, plus the hospital's (sentinelListDirs); a problem in them is told in the run's language. */
export function loadSentinelLists(config: Pick<Config, 'referenceDirs' | 'language'>): CompiledSentinelList[] {
  return readSentinelLists(sentinelListDirs(config), config.language).map((list) => compileSentinelList(list, config.language));
}
