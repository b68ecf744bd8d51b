import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { listText, monthsText, monthTicks, renderFigure } from '../../../dashboards/charts/figure.ts';

const months = (year: number, count: number) => Array.from({ length: count }, (_, i) => `${year + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

describe('monthTicks', () => {
  it('labels every month up to eight, then every 2nd, 3rd, 6th or 12th calendar month', () => {
    expect(monthTicks(months(2025, 6))).toEqual(months(2025, 6));
    expect(monthTicks(months(2025, 12))).toEqual(['2025-01', '2025-03', '2025-05', '2025-07', '2025-09', '2025-11']);
    expect(monthTicks(months(2024, 24))).toEqual(['2024-01', '2024-04', '2024-07', '2024-10', '2025-01', '2025-04', '2025-07', '2025-10']);
    expect(monthTicks(months(2023, 36))).toEqual(['2023-01', '2023-07', '2024-01', '2024-07', '2025-01', '2025-07']);
    expect(monthTicks([])).toEqual([]);
  });
});

describe('listText', () => {
  it('joins in the reader’s language, or says none', () => {
    expect(listText('en', ['a', 'b', 'c'])).toBe('a, b, and c');
    expect(listText('zh', ['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(listText('vi', ['a', 'b'])).toBe('a và b');
    expect(listText('zh', [])).toBe('无');
  });
});

describe('renderFigure', () => {
  it('gives the drawing a title, a desc and role img, and escapes the text around it', () => {
    const figure = renderFigure(
      { title: 'A & <b>', description: 'says "what"', plot: { marks: [Plot.lineY([1, 2, 3])] }, header: ['<i>'], rows: [['<u>']] },
      'en',
    ).value;
    expect(figure).toContain('<figcaption>A &amp; &lt;b&gt;</figcaption>');
    expect(figure).toMatch(/<svg role="img"[^>]* aria-label="A &amp; &lt;b&gt;"/);
    expect(figure).toContain('<title>A &amp; &lt;b&gt;</title><desc>says "what"</desc>');
    expect(figure).toContain('<details><summary>The numbers behind the chart</summary>');
    expect(figure).toContain('<th>&lt;i&gt;</th>');
    expect(figure).toContain('<td>&lt;u&gt;</td>');
    // no script, no external resource
    expect(figure).not.toMatch(/<script|https?:/);
  });
});

describe('monthsText', () => {
  it('names up to three months, else counts them and names the latest three', () => {
    expect(monthsText('en', ['2025-01', '2025-02'])).toBe('Jan 2025 and Feb 2025');
    expect(monthsText('en', ['2025-01', '2025-02', '2025-03', '2025-05'])).toBe('4 months, the latest Feb 2025, Mar 2025, and May 2025');
    expect(monthsText('zh', ['2025-01', '2025-02', '2025-03', '2025-05'])).toBe('4 个月，最近为 2025年2月、2025年3月和2025年5月');
  });
});
