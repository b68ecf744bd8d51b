import type { ReportWords } from './copy.ts';

/**
 * The lines under a report's title: its period, its hospital where there are several, and how it
 * was made. No run time or run id: a report of a closed period reads the same from every run.
 */
export function reportMeta(words: ReportWords, start: string, end: string, hospital: string | null): string[] {
  return [words.say('meta.period', { start: words.day(start), end: words.day(end) }), ...(hospital === null ? [] : [words.say('meta.hospital', { hospital })]), words.say('meta.data')];
}
