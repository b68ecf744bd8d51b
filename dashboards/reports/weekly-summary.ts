import type { Language } from '../../pipeline/config.ts';
import type { HandlingCounts } from '../handling-counts.ts';
import { reportWords, type ReportWords } from './copy.ts';
import { blocksOrNone, paragraph, tableBlock, type ReportBlock, type ReportDocument } from './document.ts';
import { reportMeta } from './meta.ts';
import { warningTable, type ReportWarning } from './warnings.ts';

/** A category's complaints in the week against the mean of the weeks before (report_week_volumes). */
export interface WeekVolume {
  category: string;
  complaints: number;
  /** null in the first week of the data */
  expected: number | null;
}

/** An issue word of the week (report_week_issues). */
export interface WeekIssue {
  rank: number;
  lang: string;
  term: string;
  /** The term as written most often. */
  written: string;
  records: number;
  previous_week_records: number;
}

/** Everything one weekly summary (周汇总) shows. */
export interface WeeklySummaryData {
  /** YYYY-Www */
  week: string;
  start: string;
  end: string;
  hospital: string | null;
  volumes: WeekVolume[];
  /** The week's complaints (report_week_rates); null when none was received in the week. */
  handling: HandlingCounts | null;
  /** Warnings opened or closed in the week. */
  warnings: ReportWarning[];
  issues: WeekIssue[];
}

/** Issue words listed in a weekly summary. */
export const WEEKLY_ISSUES = 10;

const CATEGORY_ORDER = ['ALL', 'process', 'attitude', 'quality', 'cost', 'facility', 'other'];

/** The rows of a complaint-handling table: each rate with the counts behind it. */
function handlingRows(counts: HandlingCounts, words: ReportWords): string[][] {
  const fraction = (count: number, total: number) => words.say('rates.fraction', { count: words.number(count), total: words.number(total) });
  return [
    [words.say('rates.response_rate'), words.rate(counts.response_rate), fraction(counts.responded, counts.received)],
    [words.say('rates.resolution_rate'), words.rate(counts.resolution_rate), fraction(counts.resolved, counts.received)],
    [words.say('rates.within_sla_rate'), words.rate(counts.within_sla_rate), fraction(counts.resolved_within_sla, counts.resolved)],
    [words.say('rates.satisfaction_rate'), words.rate(counts.satisfaction_rate), fraction(counts.satisfied, counts.satisfaction_answers)],
  ];
}

/**
 * The weekly summary of one ISO week: complaints by category against the mean of the weeks
 * before, the handling rates of the week's complaints, the warnings opened and closed, and the
 * issue words written most.
 */
export function weeklySummary(data: WeeklySummaryData, language: Language): ReportDocument {
  const words = reportWords(language);
  const n = words.number;
  const round = (value: number) => Math.round(value * 10) / 10;
  const volumes = [...data.volumes].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
  const volumeRows = volumes.map((row) => [
    row.category === 'ALL' ? words.say('weekly.all') : words.category(row.category),
    n(row.complaints),
    row.expected === null ? '–' : n(round(row.expected)),
    words.change(row.complaints, row.expected === null ? null : round(row.expected)),
  ]);
  const handling: ReportBlock[] =
    data.handling === null
      ? [paragraph(words.say('weekly.none'))]
      : [paragraph(words.say('rates.weekNote')), tableBlock([words.say('rates.measure'), words.say('rates.value'), words.say('rates.counts')], handlingRows(data.handling, words), [1])];
  const issues = [...data.issues].sort((a, b) => a.rank - b.rank).slice(0, WEEKLY_ISSUES);
  return {
    language,
    title: words.say('weekly.title', { week: data.week, start: words.day(data.start), end: words.day(data.end) }),
    meta: reportMeta(words, data.start, data.end, data.hospital),
    sections: [
      {
        heading: words.say('weekly.volumes'),
        blocks: [
          tableBlock([words.say('weekly.category'), words.say('weekly.thisWeek'), words.say('weekly.expected'), words.say('weekly.difference')], volumeRows, [1, 2, 3]),
          paragraph(words.say('weekly.volumesNote')),
        ],
      },
      { heading: words.say('rates.title'), blocks: handling },
      {
        heading: words.say('weekly.warnings'),
        blocks: blocksOrNone(data.warnings, words.say('weekly.noWarnings'), [warningTable(data.warnings, words)]),
      },
      {
        heading: words.say('weekly.issues'),
        blocks: blocksOrNone(issues, words.say('weekly.noIssues'), [
          tableBlock(
            [words.say('issues.rank'), words.say('issues.word'), words.say('issues.records'), words.say('issues.weekBefore')],
            issues.map((issue) => [n(issue.rank), issue.written, n(issue.records), n(issue.previous_week_records)]),
            [0, 2, 3],
          ),
        ]),
      },
    ],
  };
}
