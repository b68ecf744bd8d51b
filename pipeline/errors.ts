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

/** Characters a terminal acts on instead of showing: C0 and C1 controls, DEL, bidi and line/paragraph separators. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A string made safe to print as one line: file and department names come from the user's folder
 * and can hold escape sequences (ESC, CSI, BEL, backspace), bidi overrides or newlines that would
 * recolour, rewrite or split what the terminal shows. Each such character is written as a visible
 * escape (`\x1b`, `\n`, `\u202e`); the rest of the text is unchanged.
 *
 * @example
 *   printable('a\u001b[31mb\nc') // 'a\\x1b[31mb\\nc'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const named = NAMED_ESCAPES[ch];
    if (named !== undefined) return named;
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * An error's message as one printable line: the first line of a library's multi-line message (a
 * stack or a SQL excerpt follows it), with any control character left in it made visible.
 */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return printable((text.split('\n').find((line) => line.trim() !== '') ?? text).trim());
}
