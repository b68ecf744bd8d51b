// mostCommon: the hospital of a detector warning, from its evidence records, until cells are kept per hospital.
import { describe, expect, it } from 'vitest';
import { mostCommon } from '../../pipeline/warnings/detector-warnings.ts';
import { deepFreeze } from '../statistics/vectors.ts';

describe('mostCommon', () => {
  it('is the value most records hold', () => {
    expect(mostCommon(deepFreeze(['west', 'east', 'west']))).toBe('west');
  });

  it('breaks a tie by code-unit order, the same on every machine', () => {
    expect(mostCommon(deepFreeze(['南院', 'east', 'east', '南院']))).toBe('east');
  });

  it('is null without records', () => {
    expect(mostCommon([])).toBeNull();
  });
});
