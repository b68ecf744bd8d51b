import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine, printable } from '../pipeline/errors.ts';

/** What a terminal would act on: C0 and C1 controls, DEL, bidi embeddings, overrides and isolates, line separators. */
const ACTED_ON = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Strings rich in the characters that matter here, mixed with any others. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\u009b', '\u0007', '\b', '\n', '\r', '\t', '\u0000', '\u007f', '\u202e', '\u2066', '\u2028', '[', '3', '1', 'm', ';'),
    fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)),
  ),
});

describe('printable: one function for every user-derived string that reaches the terminal', () => {
  it('leaves no control character, bidi override or line break, for any string', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const shown = printable(text);
        expect(shown).not.toMatch(ACTED_ON);
        expect(shown.split('\n')).toHaveLength(1);
      }),
    );
  });

  it('changes nothing in text without such characters, and is idempotent', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(printable(printable(text))).toBe(printable(text));
        if (!ACTED_ON.test(text)) expect(printable(text)).toBe(text);
      }),
    );
  });

  it('shows each character as a visible escape', () => {
    expect(printable('科\u001b[31m红\u0007\n下一行\u202etxt.exe\u009b2J')).toBe('科\\x1b[31m红\\x07\\n下一行\\u202etxt.exe\\x9b2J');
    expect(printable('Khoa Cấp cứu, 急诊科, tab\there')).toBe('Khoa Cấp cứu, 急诊科, tab\\there');
  });

  it('oneLine keeps the first line of a library message, made printable', () => {
    expect(oneLine(new Error('Binder Error: no such table\nLINE 1: select …'))).toBe('Binder Error: no such table');
    expect(oneLine(new Error('bad \u001b[2J name'))).toBe('bad \\x1b[2J name');
  });
});
