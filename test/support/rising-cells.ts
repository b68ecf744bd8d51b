// A Vietnamese hospital's weekly department × category cells for the rise tests
// (test/warnings/rise-windows.test.ts, raising-window.test.ts): ordinary cells and one that rises.
import type { CellSeries } from '../../pipeline/warnings/detector-warnings.ts';
import { addDays } from '../../pipeline/time.ts';

/** 60 weeks from 2025-01-06 (EARS C2 throughout: under two years). */
export const WEEKS = Array.from({ length: 60 }, (_, i) => addDays('2025-01-06', 7 * i));
export const LAST = WEEKS.at(-1)!;

/** A department's category whose usual count cycles through `pattern`, ending in `tail`. */
export function cell(name: string, pattern: readonly number[], tail: readonly number[] = []): CellSeries {
  const counts = Array.from({ length: WEEKS.length - tail.length }, (_, i) => pattern[i % pattern.length]!);
  return { kind: 'spike', hospital: 'Bệnh viện A', cell: JSON.stringify(['department', name, 'attitude']), start: 0, counts: [...counts, ...tail] };
}

/** The ordinary cells of a hospital's week: 20 departments' categories of one to three complaints a week. */
export const ordinary = Array.from({ length: 20 }, (_, i) => cell(`Khoa ${i}`, [[1, 2, 1, 3, 2, 1, 2], [2, 1, 1, 2, 3, 1, 1], [3, 2, 2, 1, 2, 3, 2]][i % 3]!));
