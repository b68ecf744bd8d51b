import { describe, expect, it } from 'vitest';
import { ratesChart } from '../../../dashboards/charts/rates-chart.ts';
import { exactJson, withChartMemo, type ChartMemo } from '../../../dashboards/charts/remembered-chart.ts';
import { deepFreeze } from '../../statistics/vectors.ts';

const rows = deepFreeze([
  { month: '2025-05', response_rate: 92.5 },
  { month: '2025-06', response_rate: 100 },
]);
const options = deepFreeze({ language: 'en' as const, scope: 'Whole hospital', rates: [{ column: 'response_rate', label: 'Response rate' }] });

/** The chart drawn with a memo of `known` figures under drawing code `code`: its HTML and the figures it shows. */
function drawnWith(known: Record<string, string>, code = 'code-1', chartRows: readonly Record<string, unknown>[] = rows, chartOptions = options): { html: string | undefined; shown: Record<string, string> } {
  const memo: ChartMemo = { code, known, shown: {} };
  const html = withChartMemo(memo, () => ratesChart(chartRows as typeof rows, chartOptions))?.value;
  return { html, shown: memo.shown };
}

describe('rememberedChart', () => {
  it('draws as without a memo, and lists the figure under one digest', () => {
    const plain = ratesChart(rows, options)?.value;
    const { html, shown } = drawnWith({});
    expect(html).toBe(plain);
    expect(Object.values(shown)).toEqual([plain]);
    // sha-256 in base64url: 43 characters
    expect(Object.keys(shown)[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('reuses the figure its digest names instead of drawing it', () => {
    const [digest] = Object.keys(drawnWith({}).shown);
    // a figure no drawing would give: only the memo can have put it there
    const { html, shown } = drawnWith({ [digest!]: '<figure>kept</figure>' });
    expect(html).toBe('<figure>kept</figure>');
    expect(shown).toEqual({ [digest!]: '<figure>kept</figure>' });
  });

  it('draws again when the drawing code, a row, an option or the kind of a value differs', () => {
    const first = drawnWith({}).shown;
    const kept = Object.fromEntries(Object.keys(first).map((digest) => [digest, '<figure>kept</figure>']));
    const differing = [
      drawnWith(kept, 'code-2'),
      drawnWith(kept, 'code-1', [rows[0]!, { month: '2025-06', response_rate: 99.9 }]),
      drawnWith(kept, 'code-1', rows, { ...options, language: 'vi' as never }),
      // a blank rate (null, drawn as a gap) and a NaN are two values, though JSON writes both as null
      drawnWith(kept, 'code-1', [rows[0]!, { month: '2025-06', response_rate: null }]),
      drawnWith(kept, 'code-1', [rows[0]!, { month: '2025-06', response_rate: Number.NaN }]),
    ];
    for (const { html, shown } of differing) {
      expect(html).not.toBe('<figure>kept</figure>');
      expect(Object.keys(shown)).toHaveLength(1);
      expect(Object.keys(shown)[0]).not.toBe(Object.keys(first)[0]);
    }
    expect(new Set(differing.map(({ shown }) => Object.keys(shown)[0])).size).toBe(differing.length);
  });

  it('lists nothing for a chart that draws nothing', () => {
    const { html, shown } = drawnWith({}, 'code-1', [{ month: '2025-06', response_rate: null }]);
    expect(html).toBeUndefined();
    expect(shown).toEqual({});
  });
});

describe('exactJson', () => {
  it('writes apart what JSON writes alike, and plain data as JSON does', () => {
    const alike = [null, Number.NaN, Number.POSITIVE_INFINITY, 0, -0, undefined, '2025-01-01T00:00:00.000Z', new Date('2025-01-01T00:00:00Z'), 1, 1n, {}, new Map(), new Set()];
    expect(new Set(alike.map((value) => exactJson([value]))).size).toBe(alike.length);
    // a property set to undefined is not a property absent
    expect(exactJson({ a: undefined })).not.toBe(exactJson({}));
    expect(exactJson([{ month: '2025-06', rate: 92.5, label: 'Tỷ lệ "phản hồi"' }])).toBe(JSON.stringify([{ month: '2025-06', rate: 92.5, label: 'Tỷ lệ "phản hồi"' }]));
  });
});
