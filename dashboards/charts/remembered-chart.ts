import { createHash } from 'node:crypto';
import { raw, type SafeHtml } from '../html.ts';

/**
 * The figures a page file may reuse and those it draws: each chart's HTML by the digest of what
 * draws it (`code`: the drawing code's digest, drawingCode) and what it is drawn from (the chart,
 * its rows and options). A chart is a pure function of these, so a figure found under its digest is
 * the very HTML drawing it again would give; a daily run finds most of the site's charts unchanged
 * (their months end at the latest complete month) and draws only the others.
 */
export interface ChartMemo {
  code: string;
  /** Figures of the last site built, by digest: those this page may reuse. */
  known: Readonly<Record<string, string>>;
  /** Every figure this page shows, drawn or reused, by digest: what the next site may reuse. */
  shown: Record<string, string>;
}

/**
 * JSON that tells apart every two values a chart may draw differently: what JSON writes alike or
 * not at all (NaN, infinities, -0, undefined, a bigint, a date and its ISO string, a Map or a Set)
 * is written as an object under a key no data holds. (node:v8's serialize is not it: the same
 * rows gave other bytes on a render thread than here.)
 *
 * @example exactJson([null, Number.NaN]) // '[null,{"\u0000":"number","value":"NaN"}]'
 */
export function exactJson(value: unknown): string {
  // `this[key]` is the value before JSON's own conversion (a date's toJSON), `written` after it
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, written: unknown) {
    const held = this[key];
    if (typeof held === 'number' && (!Number.isFinite(held) || Object.is(held, -0))) return { '\u0000': 'number', value: Object.is(held, -0) ? '-0' : String(held) };
    if (held === undefined) return { '\u0000': 'undefined' };
    if (typeof held === 'bigint') return { '\u0000': 'bigint', value: String(held) };
    if (held instanceof Date) return { '\u0000': 'date', value: Number.isNaN(held.getTime()) ? null : held.toISOString() };
    if (held instanceof Map) return { '\u0000': 'map', value: [...held] };
    if (held instanceof Set) return { '\u0000': 'set', value: [...held] };
    return written;
  });
}

/** The memo of the page being drawn (withChartMemo); drawing is synchronous, so one page's at a time. */
let current: ChartMemo | null = null;

/** Draws a page with `memo` (its charts reused or drawn, and listed in memo.shown); without, every chart is drawn. */
export function withChartMemo<T>(memo: ChartMemo, draw: () => T): T {
  current = memo;
  try {
    return draw();
  } finally {
    current = null;
  }
}

/**
 * A chart that, on a page drawn withChartMemo, reuses the figure its digest names instead of
 * drawing it again. The digest is over the chart's `name` (given, since a bundle renames
 * functions) and its rows and options as exactJson writes them.
 *
 * @example export const ratesChart = rememberedChart('ratesChart', function ratesChart(rows, options) { … });
 */
export function rememberedChart<R, O>(name: string, draw: (rows: readonly R[], options: O) => SafeHtml | null): (rows: readonly R[], options: O) => SafeHtml | null {
  return (rows, options) => {
    const memo = current;
    if (memo === null) return draw(rows, options);
    const digest = createHash('sha256').update(`${memo.code}\0${name}\0`).update(exactJson([rows, options])).digest('base64url');
    const known = memo.known[digest];
    const figure = known === undefined ? draw(rows, options) : raw(known);
    if (figure !== null) memo.shown[digest] = figure.value;
    return figure;
  };
}
