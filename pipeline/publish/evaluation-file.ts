import type { Language } from '../config.ts';
import type { EvaluationRow } from '../detect/planted-evaluation.ts';
import { formatNumber, t, type MessageKey } from '../i18n.ts';
import type { EvaluatedKind, KindScore } from '../warnings/kind-evaluation.ts';
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

/** The warning-kind name people read for an evaluated kind: a rise is what a spike warning says. */
const KIND_NAMES = {
  rise: 'warning.kind.spike',
  hotspot: 'warning.kind.hotspot',
  emerging_term: 'warning.kind.emerging_term',
  satisfaction_drop: 'warning.kind.satisfaction_drop',
  sentinel: 'warning.kind.sentinel',
} as const satisfies Record<EvaluatedKind, MessageKey>;

/**
 * The per-kind scores on known problems (evaluateKinds) as a Markdown table for people, headed
 * in their language: found in time and precision as counts with a percentage, "–" where a measure
 * is not defined.
 *
 * @example formatKindScoreTable(scores, 'en').split('\n')[2] // '| Complaints rising sharply | All hospitals | 9 of 9 (100%) | 11 of 13 (85%) | 0 | 0.005 | 13 |'
 */
export function formatKindScoreTable(scores: readonly KindScore[], language: Language): string {
  const percent = (value: number | null) => (value === null ? '' : ` (${formatNumber(language, roundR(100 * value, 0))}%)`);
  const fraction = (count: number, total: number, share: number | null) => (total === 0 ? '–' : `${t(language, 'evaluation.kinds.fraction', { count: formatNumber(language, count), total: formatNumber(language, total) })}${percent(share)}`);
  const keys = [
    'evaluation.kinds.kind',
    'evaluation.kinds.hospital',
    'evaluation.kinds.found',
    'evaluation.kinds.precision',
    'evaluation.kinds.decoyHits',
    'evaluation.falseAlarmsPer100',
    'evaluation.kinds.medianDelay',
  ] as const;
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const body = scores.map((s) =>
    line([
      t(language, KIND_NAMES[s.kind]),
      s.hospital ?? t(language, 'evaluation.kinds.allHospitals'),
      fraction(s.found, s.planted, s.recall),
      s.precision === null ? '–' : fraction(s.pointing, s.warnings, s.precision),
      formatNumber(language, s.decoyHits),
      s.falseAlarmsPer100 === null ? '–' : formatNumber(language, roundR(s.falseAlarmsPer100, 3)),
      s.medianDelayDays === null ? '–' : formatNumber(language, s.medianDelayDays),
    ]),
  );
  return `${[line(keys.map((key) => t(language, key))), line(keys.map(() => '---')), ...body].join('\n')}\n`;
}
