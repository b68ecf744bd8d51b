import { describe, expect, it } from 'vitest';
import { warningLifecycle, type WarningLogEntry } from '../../pipeline/warnings/lifecycle.ts';

/** Runs the lifecycle over a sequence of (as-of date, raised ids), as daily runs would. */
function runs(days: [string, string[]][]): Record<string, string>[] {
  let log: WarningLogEntry[] = [];
  return days.map(([asOf, raised]) => {
    const result = warningLifecycle(Object.freeze([...raised]), Object.freeze(log), asOf);
    log = result.log;
    return Object.fromEntries(result.statuses);
  });
}

describe('warningLifecycle', () => {
  it('announces a warning as new once, then ongoing, then resolved once', () => {
    expect(
      runs([
        ['2025-03-01', ['W1']],
        ['2025-03-02', ['W1', 'W2']],
        ['2025-03-03', ['W2']],
        ['2025-03-04', ['W2']],
      ]),
    ).toEqual([{ W1: 'new' }, { W1: 'ongoing', W2: 'new' }, { W1: 'resolved', W2: 'ongoing' }, { W2: 'ongoing' }]);
  });

  it('gives the same statuses when a day is run again', () => {
    expect(
      runs([
        ['2025-03-01', ['W1']],
        ['2025-03-01', ['W1']],
        ['2025-03-02', []],
        ['2025-03-02', []],
        ['2025-03-03', []],
      ]),
    ).toEqual([{ W1: 'new' }, { W1: 'new' }, { W1: 'resolved' }, { W1: 'resolved' }, {}]);
  });

  it('raises a warning that comes back after its resolution as new again', () => {
    expect(runs([['2025-03-01', ['W1']], ['2025-03-02', []], ['2025-03-05', ['W1']], ['2025-03-06', ['W1']]])).toEqual([
      { W1: 'new' },
      { W1: 'resolved' },
      { W1: 'new' },
      { W1: 'ongoing' },
    ]);
  });

  it('keeps the log of a warning it does not mention', () => {
    const log: WarningLogEntry[] = [{ id: 'old', firstAsOf: '2025-01-01', lastAsOf: '2025-01-02', resolvedAsOf: '2025-01-03' }];
    expect(warningLifecycle([], log, '2025-03-01')).toEqual({ statuses: new Map(), log });
  });
});
