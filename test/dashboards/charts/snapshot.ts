import { join } from 'node:path';
import type { SafeHtml } from '../../../dashboards/html.ts';
import { expectGolden } from '../../support/golden.ts';

/**
 * Numbers rounded to 3 decimals, as Observable Plot's snapshot tests do, so a last-digit
 * difference in floating point does not fail a drawing that looks the same.
 *
 * @example roundNumbers('M0.1234567,2') // 'M0.123,2'
 */
export function roundNumbers(text: string): string {
  return text.replace(/-?\d+\.\d{4,}/g, (number) => String(Number(Number(number).toFixed(3))));
}

/** The drawing of a rendered chart: its one `<svg role="img">`, without the legend, caption and table around it. */
export function chartSvg(chart: SafeHtml | null): string {
  if (chart === null) throw new Error('the chart drew nothing');
  const start = chart.value.search(/<svg[^>]*role="img"/);
  const end = chart.value.indexOf('</svg>', start);
  if (start < 0 || end < 0) throw new Error('the chart has no <svg role="img">');
  return chart.value.slice(start, end + '</svg>'.length);
}

/** Compares a chart's drawing with `<name>.svg` beside the tests: a missing one fails, a changed one is written as `<name>-changed.svg`. */
export function expectChartSnapshot(name: string, chart: SafeHtml | null): void {
  expectGolden(join(import.meta.dirname, `${name}.svg`), `${roundNumbers(chartSvg(chart))}\n`);
}

/** The rows of the numbers table under a chart, each as its cells' text. */
export function tableRows(chart: SafeHtml | null): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(chart?.value ?? '')?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1] ?? ''));
}

/** The text alternative of a chart: its `<desc>`. */
export function description(chart: SafeHtml | null): string {
  return /<desc>([\s\S]*?)<\/desc>/.exec(chart?.value ?? '')?.[1] ?? '';
}
