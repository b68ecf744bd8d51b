import type { Language } from '../config.ts';
import type { EvaluationRow } from '../detect/planted-evaluation.ts';
import { formatNumber, t } from '../i18n.ts';
import { roundR } from '../statistics/round_r.ts';
import { csvCell } from './csv-cell.ts';

const CSV_HEADER = 'method,parameter,value,size_k,outbreaks,detected,sensitivity,false_alarms_per_100,median_delay_weeks,cell_weeks';

/** The first line of the Markdown evaluation: hidden where Markdown is shown, it tells hearken's file from someone's notes, in any language. */
const MARKDOWN_MARK = '<!-- hearken: planted-outbreak evaluation -->';

/**
 * How an evaluation file hearken wrote begins (Markdown for `.md`, else CSV), whatever the
 * language: `--evaluate` replaces only an existing file that begins so.
 *
 * @example evaluationFileStart('scores.md') // '<!-- hearken: planted-outbreak evaluation -->'
 */
export function evaluationFileStart(path: string): string {
  return isMarkdownPath(path) ? MARKDOWN_MARK : `${CSV_HEADER.split(',')[0]},`;
}

/** Whether the evaluation at `path` is written as Markdown (for people) rather than CSV. */
export function isMarkdownPath(path: string): boolean {
  return /\.md$/i.test(path);
}

/** A Markdown evaluation as written: hearken's mark, then the text. */
export function markedMarkdown(text: string): string {
  return `${MARKDOWN_MARK}\n${text}`;
}

const csvNumber = (value: number | null, digits: number) => (value === null ? '' : String(roundR(value, digits)));

/**
 * The rows as CSV for machines: English column names, as every hearken CSV; empty = not defined.
 * Sensitivity to 4 decimals and false alarms to 3, as the R reference's evaluate.R rounds them.
 *
 * @example formatEvaluationCsv(rows).split('\n')[0] // 'method,parameter,value,size_k,outbreaks,…'
 */
export function formatEvaluationCsv(rows: readonly EvaluationRow[]): string {
  const header = CSV_HEADER;
  const lines = rows.map((r) =>
    [csvCell(r.method), csvCell(r.parameter), r.value ?? '', r.size, r.outbreaks, r.detected, csvNumber(r.sensitivity, 4), csvNumber(r.falseAlarmsPer100, 3), csvNumber(r.medianDelay, 1), r.cellWeeks].join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

/**
 * The rows as a Markdown table for people, headed in their language: sensitivity in percent,
 * false alarms per 100 cell-weeks to 2 decimals, "–" where a measure is not defined.
 *
 * @example formatEvaluationTable(rows, 'en') // '| Method | Setting | Outbreak size (k × SD) | …'
 */
export function formatEvaluationTable(rows: readonly EvaluationRow[], language: Language): string {
  const number = (value: number | null, digits: number) => (value === null ? '–' : formatNumber(language, roundR(value, digits)));
  const keys = [
    'evaluation.method',
    'evaluation.setting',
    'evaluation.size',
    'evaluation.outbreaks',
    'evaluation.detected',
    'evaluation.sensitivity',
    'evaluation.falseAlarmsPer100',
    'evaluation.medianDelay',
    'evaluation.cellWeeks',
  ] as const;
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const body = rows.map((r) =>
    line([
      `\`${r.method}\``,
      // a setting as it is typed in a config, whatever the language
      r.parameter === null ? t(language, 'evaluation.autoSetting') : `\`${r.parameter} = ${r.value}\``,
      formatNumber(language, r.size),
      formatNumber(language, r.outbreaks),
      formatNumber(language, r.detected),
      r.sensitivity === null ? '–' : `${number(100 * r.sensitivity, 0)}%`,
      number(r.falseAlarmsPer100, 2),
      number(r.medianDelay, 1),
      formatNumber(language, r.cellWeeks),
    ]),
  );
  return `${[line(keys.map((key) => t(language, key))), line(keys.map(() => '---')), ...body].join('\n')}\n`;
}
