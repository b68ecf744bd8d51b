import { describe, expect, it } from 'vitest';
import { emergence } from '../../pipeline/frequency/emerging.ts';
import { kleinbergBursts } from '../../pipeline/frequency/kleinberg-bursts.ts';

const weekly = (relevant: readonly number[]) => kleinbergBursts(relevant.map((r) => ({ relevant: r, total: 100 }))).states;

describe('emergence', () => {
  it("calls a term 'new' when no baseline document has it and at least 3 target documents do", () => {
    expect(emergence(3, 0, [0, 0, 0])).toBe('new');
    expect(emergence(2, 0, [0, 0, 0])).toBeNull();
    expect(emergence(3, 1, [0, 0, 0])).toBeNull();
  });

  it("prefers 'new' to 'bursting' when both hold", () => {
    expect(emergence(5, 0, Object.freeze([0, 0, 1] as const))).toBe('new');
  });

  it("calls a term 'bursting' only when the burst reaches the latest period", () => {
    // Kleinberg states from the hand-checked series in kleinberg-bursts.test.ts
    const now = weekly([4, 6, 5, 5, 4, 6, 5, 5, 18, 22]); // burst over the last two weeks
    const past = weekly([5, 5, 5, 5, 5, 5, 20, 20, 20, 5]); // burst over weeks 7–9, over by week 10
    expect(now.at(-1)).toBe(1);
    expect(past.at(-1)).toBe(0);
    expect(emergence(22, 58, now)).toBe('bursting');
    expect(emergence(5, 90, past)).toBeNull();
  });

  it("can call a new term below the floor 'bursting', and never an empty series", () => {
    expect(emergence(2, 0, [0, 1])).toBe('bursting');
    expect(emergence(0, 0, [])).toBeNull();
  });

  it('takes the floor for new terms as an option', () => {
    expect(emergence(1, 0, [0], { minNewDocs: 1 })).toBe('new');
    expect(emergence(4, 0, [0], { minNewDocs: 5 })).toBeNull();
  });

  it('rejects bad counts and floors', () => {
    expect(() => emergence(-1, 0, [])).toThrow('emergence requires integer document counts >= 0');
    expect(() => emergence(1, 0.5, [])).toThrow(/emergence/);
    expect(() => emergence(1, 0, [], { minNewDocs: 0 })).toThrow('emergence requires an integer minNewDocs >= 1');
  });
});
