import { median } from 'simple-statistics';

/** Timings of one contender: every run's seconds and their median. */
export interface Timing {
  label: string;
  runs: number[];
  median: number;
}

/** A Timing with the CPU seconds of this process in each run, every thread's (worker threads, DuckDB's): fairer than wall time on a shared machine. */
export interface CpuTiming extends Timing {
  cpuRuns: number[];
  cpuMedian: number;
}

/**
 * Times contenders in alternation (A B A B …), so that a noisy neighbour or a warming cache
 * hurts them alike, and reports each one's median: these machines are shared and noisy, so a
 * ratio within one run means more than any lone number.
 */
export async function timeAlternating(
  repeats: number,
  contenders: { label: string; prepare?: () => Promise<void>; run: () => Promise<void> }[],
): Promise<CpuTiming[]> {
  const runs = contenders.map(() => [] as number[]);
  const cpuRuns = contenders.map(() => [] as number[]);
  for (let r = 0; r < repeats; r++) {
    for (const [index, contender] of contenders.entries()) {
      await contender.prepare?.();
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      await contender.run();
      runs[index]?.push(Number(process.hrtime.bigint() - start) / 1e9);
      const used = process.cpuUsage(cpu);
      cpuRuns[index]?.push((used.user + used.system) / 1e6);
    }
  }
  return contenders.map((contender, index) => {
    const seconds = runs[index] ?? [];
    const cpuSeconds = cpuRuns[index] ?? [];
    return { label: contender.label, runs: seconds, median: median(seconds), cpuRuns: cpuSeconds, cpuMedian: median(cpuSeconds) };
  });
}

export function formatSeconds(seconds: number): string {
  return seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`;
}
