/** Exit codes of the contract (section 2): 2 for a usage error, 1 for any other failure. */
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

/**
 * A problem the user can fix (a missing folder, a warehouse in use, a bad config). Caught only at
 * the CLI top, where its one-line message is printed; anything else that is thrown is a bug.
 */
export class PipelineError extends Error {
  constructor(
    readonly stage: string,
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'PipelineError';
  }
}

/** The first line of an error's message: users get one line, never a stack. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();
}
