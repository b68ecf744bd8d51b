import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../pipeline/progress.ts';

/** A stream that is not a terminal (a pipe, a CI log), keeping what was written. */
function pipe() {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (text: string) => (lines.push(text), true) } as unknown as NodeJS.WriteStream;
  return { lines, stream };
}

describe('progress on a pipe', () => {
  it('names a stage with its count of items where it has several, and alone where it has one', () => {
    const { lines, stream } = pipe();
    const progress = terminalProgress(stream);
    progress.start('Reading input files', 9);
    progress.done();
    progress.start('Building the warehouse models', 1);
    progress.done();
    expect(lines[0]).toBe('Reading input files (9) …\n');
    expect(lines[1]).toMatch(/^Reading input files \(9\) ✓ \(\d+\.\d s\)\n$/);
    expect(lines[2]).toBe('Building the warehouse models …\n');
    expect(lines[3]).toMatch(/^Building the warehouse models ✓ \(\d+\.\d s\)\n$/);
  });
});
