import type { Language } from '../../pipeline/config.ts';

/**
 * A report as plain text in blocks, before it is written as HTML or Markdown: the two renderings
 * read the same document, so they cannot say different things, and each escapes for its own
 * format (nothing in a document is markup).
 */
export interface ReportDocument {
  language: Language;
  title: string;
  /** What the report covers and from which data, under the title. */
  meta: string[];
  sections: ReportSection[];
}

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  /** Marks what another part of hearken does not record yet: shown as such, never filled in. */
  | { kind: 'placeholder'; text: string }
  /** `numeric` lists the columns to right-align; `unbroken` those (dates, times, ids) never to wrap. */
  | { kind: 'table'; header: string[]; rows: string[][]; numeric: readonly number[]; unbroken: readonly number[] };

/** A table block; numbers right-aligned in the `numeric` columns, dates and codes kept whole in the `unbroken` ones. */
export function tableBlock(header: string[], rows: string[][], numeric: readonly number[] = [], unbroken: readonly number[] = []): ReportBlock {
  return { kind: 'table', header, rows, numeric, unbroken };
}

/** A paragraph block. */
export function paragraph(text: string): ReportBlock {
  return { kind: 'paragraph', text };
}

/** A list's blocks, or where it has no items the sentence saying so: a report never shows an empty table. */
export function blocksOrNone(items: readonly unknown[], none: string, blocks: ReportBlock[]): ReportBlock[] {
  return items.length === 0 ? [paragraph(none)] : blocks;
}
