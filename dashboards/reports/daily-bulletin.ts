import type { Language } from '../../pipeline/config.ts';
import { reportWords } from './copy.ts';
import { blocksOrNone, paragraph, tableBlock, type ReportDocument, type ReportSection } from './document.ts';
import { reportMeta } from './meta.ts';
import { byOpening, warningAbout, type ReportWarning } from './warnings.ts';

/** A record received on the bulletin's day (report_day_records); text redacted. */
export interface DayRecord {
  source: string;
  id: string;
  /** YYYY-MM-DD HH:MM, hospital-local */
  received_at: string;
  kind: string;
  department: string;
  category: string;
  channel: string;
  location: string | null;
  text_redacted: string;
}

/** A complaint that became overdue on the day (report_day_overdue). */
export interface OverdueCase {
  id: string;
  department: string;
  category: string;
  received_at: string;
  due_date: string;
}

/** A department's complaints overdue at the end of the day (report_day_overdue_departments). */
export interface DepartmentOverdue {
  department: string;
  overdue: number;
  most_working_days_overdue: number;
}

/** Everything one daily bulletin (日通报) shows. */
export interface DailyBulletinData {
  day: string;
  hospital: string | null;
  records: DayRecord[];
  newlyOverdue: OverdueCase[];
  overdueByDepartment: DepartmentOverdue[];
  /** Warnings first raised on the day, sentinels among them. */
  opened: ReportWarning[];
}

/** Complaints and newly overdue cases listed one by one, at most this many each; the rest are counted. */
export const LISTED_CASES = 30;

/** Redacted text cut to a length a bulletin line can hold. */
const EXCERPT_CHARACTERS = 160;

const KINDS = ['complaint', 'consultation', 'suggestion', 'praise'] as const;

function excerpt(text: string): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  return characters.length <= EXCERPT_CHARACTERS ? characters.join('') : `${characters.slice(0, EXCERPT_CHARACTERS - 1).join('')}…`;
}

/**
 * The daily bulletin of one day: what was received (by kind, and the new complaints), the cases
 * newly overdue and all overdue at the end of the day, the sentinel events and the new warnings.
 */
export function dailyBulletin(data: DailyBulletinData, language: Language): ReportDocument {
  const words = reportWords(language);
  const n = words.number;
  const complaints = data.records.filter((record) => record.kind === 'complaint');
  const counts = [...KINDS, ...new Set(data.records.map((record) => record.kind).filter((kind) => !(KINDS as readonly string[]).includes(kind)))];
  const received: ReportSection = {
    heading: words.say('daily.received'),
    blocks: [tableBlock([words.say('daily.kind'), words.say('daily.records')], counts.map((kind) => [words.label('kind', kind), n(data.records.filter((r) => r.kind === kind).length)]), [1])],
  };
  const more = (count: number) => (count > LISTED_CASES ? [paragraph(words.say('daily.more', { count: n(count - LISTED_CASES) }))] : []);
  const newComplaints: ReportSection = {
    heading: words.say('daily.newComplaints'),
    blocks: blocksOrNone(complaints, words.say('daily.noNewComplaints'), [
      tableBlock(
        [words.say('daily.time'), words.say('daily.department'), words.say('daily.category'), words.say('daily.text')],
        complaints.slice(0, LISTED_CASES).map((record) => [record.received_at.slice(11, 16), record.department, words.category(record.category), excerpt(record.text_redacted)]),
        [],
        [0],
      ),
      ...more(complaints.length),
    ]),
  };
  const newly = data.newlyOverdue;
  const overdue: ReportSection = {
    heading: words.say('daily.overdue'),
    blocks: [
      paragraph(words.say('daily.overdueSummary', { all: n(data.overdueByDepartment.reduce((sum, row) => sum + row.overdue, 0)), newly: n(newly.length) })),
      ...(newly.length === 0
        ? []
        : [
            tableBlock(
              [words.say('daily.id'), words.say('daily.department'), words.say('daily.category'), words.say('daily.receivedAt'), words.say('daily.dueDate')],
              newly.slice(0, LISTED_CASES).map((item) => [item.id, item.department, words.category(item.category), words.day(item.received_at.slice(0, 10)), words.day(item.due_date)]),
              [],
              [3, 4],
            ),
            ...more(newly.length),
          ]),
    ],
  };
  const departmentRows = [...data.overdueByDepartment].sort(
    (a, b) => b.overdue - a.overdue || b.most_working_days_overdue - a.most_working_days_overdue || a.department.localeCompare(b.department),
  );
  // with nothing overdue the summary line above says so; the table would be empty
  const overdueByDepartment: ReportSection[] =
    departmentRows.length === 0
      ? []
      : [
          {
            heading: words.say('daily.overdueByDepartment'),
            blocks: [tableBlock([words.say('daily.department'), words.say('daily.overdueCount'), words.say('daily.mostOverdue')], departmentRows.map((row) => [row.department, n(row.overdue), n(row.most_working_days_overdue)]), [1, 2])],
          },
        ];
  const opened = [...data.opened].sort(byOpening);
  const sentinels = opened.filter((warning) => warning.kind === 'sentinel');
  const others = opened.filter((warning) => warning.kind !== 'sentinel');
  const sentinelSection: ReportSection = {
    heading: words.say('daily.sentinels'),
    blocks: blocksOrNone(sentinels, words.say('daily.noSentinels'), [
      tableBlock(
        [words.say('daily.department'), words.say('daily.location'), words.say('daily.text'), words.say('daily.id')],
        sentinels.map((warning) => [warning.department ?? words.hospitalWide, warning.location ?? '', excerpt(warning.sentinel_text ?? ''), warning.first_evidence_id ?? '']),
        [],
        [3],
      ),
    ]),
  };
  const warningSection: ReportSection = {
    heading: words.say('daily.newWarnings'),
    blocks: blocksOrNone(others, words.say('daily.noNewWarnings'), [
      tableBlock([words.say('warnings.kind'), words.say('warnings.about'), words.say('warnings.id')], others.map((warning) => [words.label('warning', warning.kind), warningAbout(warning, words), warning.id]), [], [2]),
    ]),
  };
  return {
    language,
    title: words.say('daily.title', { date: words.day(data.day) }),
    meta: reportMeta(words, data.day, data.day, data.hospital),
    sections: [received, newComplaints, overdue, ...overdueByDepartment, sentinelSection, warningSection],
  };
}
