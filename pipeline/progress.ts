import { SingleBar } from 'cli-progress';
import { printable } from './errors.ts';

/** Progress of long stages; passed in, so tests and scripts can keep it quiet. */
export interface Progress {
  start(stage: string, total: number): void;
  tick(label: string): void;
  /** What the current item is doing now (e.g. reading, checking, loading), without moving on. */
  note(label: string): void;
  done(): void;
  /** A line for the person running hearken (already in their language). */
  info(message: string): void;
}

export const silentProgress: Progress = {
  start() {},
  tick() {},
  note() {},
  done() {},
  info() {},
};

/** A stage's line on a pipe: its name, and how many items it has where it has several (9 files). */
function headline(stage: string, total: number): string {
  return total > 1 ? `${stage} (${total})` : stage;
}

/**
 * A bar on a terminal; on a pipe or in CI, one line per stage start and end, because a bar
 * redrawn into a log file is noise. Labels name the user's files: they are shown through
 * `printable`, so a name cannot move the cursor or split the line.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let bar: SingleBar | null = null;
  let current = '';
  let count = 0;
  let total = 0;
  let started = 0;
  return {
    start(stage, stageTotal) {
      current = stage;
      count = 0;
      total = stageTotal;
      started = Date.now();
      if (stream.isTTY) {
        bar = new SingleBar({ stream, format: `${current} [{bar}] {value}/{total} {label}`, hideCursor: true, clearOnComplete: true });
        bar.start(stageTotal, 0, { label: '' });
      } else {
        stream.write(`${headline(current, stageTotal)} …\n`);
      }
    },
    tick(label) {
      count += 1;
      bar?.update(count - 1, { label: printable(label) });
    },
    note(label) {
      bar?.update(Math.max(count - 1, 0), { label: printable(label) });
    },
    done() {
      if (bar) {
        bar.update(total, { label: '' });
        bar.stop();
        bar = null;
      }
      stream.write(`${headline(current, total)} ✓ (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    },
    info(message) {
      stream.write(`${printable(message)}\n`);
    },
  };
}
