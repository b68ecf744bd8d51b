import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { expect } from 'vitest';

/** Set to 1 to (re)write golden files from what the tests produce, instead of comparing with them. */
const UPDATE_VARIABLE = 'UPDATE_GOLDENS';

/**
 * Compares `actual` with the golden file at `path`. A missing golden fails the test, saying how to
 * create it: a golden written by the test that reads it would pass whatever the code draws. On a
 * mismatch the drawing is written beside it as `<name>-changed<ext>` to look at, as Observable
 * Plot's snapshot tests do; with UPDATE_GOLDENS=1 the golden itself is written.
 *
 * @example expectGolden(join(import.meta.dirname, 'sparkline.svg'), `${svg}\n`)
 */
export function expectGolden(path: string, actual: string): void {
  const changed = join(dirname(path), `${basename(path, extname(path))}-changed${extname(path)}`);
  if (process.env[UPDATE_VARIABLE] === '1') {
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file ${basename(path)} is missing: run the test with ${UPDATE_VARIABLE}=1 to write it, check it, and commit it`);
  }
  const expected = readFileSync(path, 'utf8');
  if (expected === actual) rmSync(changed, { force: true });
  else writeFileSync(changed, actual);
  expect(actual, `${basename(path)} differs; what was drawn is in ${basename(changed)} (UPDATE_GOLDENS=1 accepts it)`).toBe(expected);
}
