import { describe, expect, it, vi } from 'vitest';
import { ratesChart } from '../../../dashboards/charts/rates-chart.ts';
import { deepFreeze } from '../../statistics/vectors.ts';
import { description, expectChartSnapshot, tableRows } from './snapshot.ts';

const rows = deepFreeze([
  { month: '2025-04', response_rate: 80, resolution_rate: 60, solved_rate: null },
  { month: '2025-05', response_rate: 92.5, resolution_rate: 75, solved_rate: 50 },
  { month: '2025-06', response_rate: 100, resolution_rate: null, solved_rate: 66.66666 },
]);
const rates = [
  { column: 'response_rate', label: 'Response rate' },
  { column: 'resolution_rate', label: 'Resolution rate' },
  { column: 'solved_rate', label: 'Solved' },
];

describe('ratesChart', () => {
  it('draws one line per rate column as the snapshot', () => {
    expectChartSnapshot('rates-chart', ratesChart(rows, { language: 'en', scope: 'Whole hospital', rates }));
  });

  it('takes any list of rate columns, a blank rate a gap and a dash, never 0', () => {
    const chart = ratesChart(rows, { language: 'en', scope: 'Whole hospital', rates });
    expect(chart?.value).toContain('Whole hospital: complaint handling rates by month');
    expect(description(chart)).toContain('In Jun 2025: Response rate 100.0%, Resolution rate –, and Solved 66.7%.');
    expect(tableRows(chart)).toEqual([
      ['2025-04', '80.0%', '60.0%', '–'],
      ['2025-05', '92.5%', '75.0%', '50.0%'],
      ['2025-06', '100.0%', '–', '66.7%'],
    ]);
    const two = ratesChart(rows, { language: 'en', scope: 'x', rates: rates.slice(0, 1) });
    expect(tableRows(two)[0]).toEqual(['2025-04', '80.0%']);
  });

  it('draws nothing when no month has a rate', () => {
    expect(ratesChart([{ month: '2025-06', response_rate: null }], { language: 'en', scope: 'x', rates })).toBeNull();
  });

  it('draws a single month of several rates without a warning from Plot', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const chart = ratesChart([rows[1]!], { language: 'en', scope: 'x', rates });
      expect(tableRows(chart)).toEqual([['2025-05', '92.5%', '75.0%', '50.0%']]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
