import type { CliIo } from '../../pipeline/cli.ts';
import { silentProgress } from '../../pipeline/progress.ts';

/**
 * The CLI's output kept for one command, apart from every other's: what it printed (`out`), what
 * it reported as errors (`err`), and the `io` to pass to `main`; progress is silent.
 */
export function capture(): { out: string[]; err: string[]; io: CliIo } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (text) => void out.push(text), err: (text) => void err.push(text), progress: () => silentProgress } };
}
