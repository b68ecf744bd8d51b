import { describe, expect, it } from 'vitest';
import { breachSeverity, dropSeverity, SENTINEL_SEVERITY, SEVERITY_ORDER, signalSeverity } from '../../pipeline/warnings/severity.ts';

// every case worked by hand from the rule each function states, the boundaries on both sides
describe('severity, one rule per kind', () => {
  it('rates a detector signal by its q-value: ≤ 0.001 high, ≤ 0.01 medium, else low', () => {
    expect([0, 0.001, 0.0010001, 0.01, 0.0100001, 0.05, 1].map(signalSeverity)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low', 'low']);
  });

  it('rates an sla_breach by the step its case passed: the due date low, the first escalation medium, later high', () => {
    expect([1, 2, 3, 4].map(breachSeverity)).toEqual(['low', 'medium', 'high', 'high']);
  });

  it('rates a satisfaction_drop high when two methods saw it or a cell fell below its limit, else medium', () => {
    expect(dropSeverity(1, false)).toBe('medium');
    expect(dropSeverity(1, null)).toBe('medium');
    expect(dropSeverity(1, true)).toBe('high');
    expect(dropSeverity(2, false)).toBe('high');
    expect(dropSeverity(3, null)).toBe('high');
  });

  it('rates a sentinel high, and orders high before medium before low', () => {
    expect(SENTINEL_SEVERITY).toBe('high');
    expect((['low', 'high', 'medium'] as const).slice().sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b])).toEqual(['high', 'medium', 'low']);
  });
});
