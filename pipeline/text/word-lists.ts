import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shipped dictionaries and stop-word lists (data/text, documented in its README). */
export const TEXT_DATA_DIR = resolve(import.meta.dirname, '../../data/text');

/**
 * Reads a word list: one entry per line, `#` starts a comment line, blank lines are skipped.
 * Only the first tab- or space-separated field is kept when `firstField` is set (jieba's
 * `word frequency tag` lines, for instance).
 */
export function readWordList(path: string, options: { firstField?: boolean } = {}): string[] {
  const entries: string[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    entries.push(options.firstField ? (trimmed.split(/[\t ]/)[0] ?? trimmed) : trimmed);
  }
  return entries;
}

/** The shipped list at data/text/<relativePath>. */
export function readShippedList(relativePath: string, options: { firstField?: boolean } = {}): string[] {
  return readWordList(resolve(TEXT_DATA_DIR, relativePath), options);
}
