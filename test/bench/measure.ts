import { median } from 'simple-statistics';

/** Timings of one contender: every run's seconds and their median. */
export interface Timing {
  label: string;
  runs: number[];
  median: number;
}

/**
 * Times contenders in alternation (A B A B …), so that a noisy neighbour or a warming cache
 * hurts them alike, and reports each one's median: these machines are shared and noisy, so a
 * ratio within one run means more than any lone number.
 */
export async function timeAlternating(
  repeats: number,
  contenders: { label: string; prepare?: () => Promise<void>; run: () => Promise<void> }[],
): Promise<Timing[]> {
  const runs = contenders.map(() => [] as number[]);
  for (let r = 0; r < repeats; r++) {
    for (const [index, contender] of contenders.entries()) {
      await contender.prepare?.();
      const start = process.hrtime.bigint();
      await contender.run();
      runs[index]?.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
  return contenders.map((contender, index) => {
    const seconds = runs[index] ?? [];
    return { label: contender.label, runs: seconds, median: median(seconds) };
  });
}

export function formatSeconds(seconds: number): string {
  return seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`;
}
