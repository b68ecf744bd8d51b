import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { appendRows } from '../table-writer.ts';
import type { Language } from '../text/types.ts';
import { dailyRate } from './daily-rate.ts';
import { issueThemes } from './issue-themes.ts';
import { pickQuotes } from './quotes.ts';
import { termKey, termSurfaces } from './terms.ts';

const defaults = {
  /** Themes published per month and language. */
  themes: 10,
  /** Departments and locations listed per theme. */
  places: 3,
} as const;

interface IssueRecord {
  hospital: string;
  source: string;
  id: string;
  lang: Language;
  month: string;
  department: string;
  location: string | null;
  text_redacted: string;
  terms: string[];
}

/** One row of mart_high_frequency_issues, in its column order. */
interface IssueRow {
  hospital: string;
  month: string;
  lang: Language;
  rank: number;
  theme: string;
  anchor: string;
  records: number;
  previousMonth: number;
  meanPrevious3: number;
  days: number;
  perDay: number;
  previousMonthPerDay: number | null;
  previous3PerDay: number | null;
  departments: string[];
  locations: string[];
  quotes: string[];
}

/** Counts of `values`, most frequent first, as "value (n)". */
function topCounts(values: readonly string[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([value, n]) => `${value} (${n})`);
}

/**
 * The high-frequency issues (高频事项) of each of the 24 months to the as-of date, per hospital and language:
 * themes from issueThemes over the words that name an issue (dim_term.names_issue: no function
 * word, no source's template), near duplicates merged, with their records, the trend against the
 * month before and the three before (per day, so the month to date compares fairly), the
 * departments and locations most affected and up to five redacted quotes. A theme needs at least
 * five records, so no quote stands for one or two identifiable patients.
 */
export async function buildHighFrequencyIssues(connection: DuckDBConnection, models: StepModels): Promise<void> {
  await models.run('marts/mart_issue_records');
  await models.run('intermediate/int_issue_months');
  const issueTerms = await queryRows<{ lang: Language; term: string }>(connection, 'select lang, term from dim_term where names_issue');
  const months = await queryRows<{ hospital: string; lang: Language; month: string; days: number; published: boolean }>(
    connection,
    'select * from int_issue_months order by hospital, lang, month',
  );
  const surfaces = await termSurfaces(connection);

  const rows: IssueRow[] = [];
  const slices = new Map(months.map((row) => [JSON.stringify([row.hospital, row.lang]), { hospital: row.hospital, lang: row.lang }]));
  for (const { hospital, lang } of slices.values()) {
    const records = await queryRows<IssueRecord>(connection, 'select * from mart_issue_records where hospital = $hospital and lang = $lang order by month, source, id', { hospital, lang });
    const eligible = new Set(issueTerms.filter((row) => row.lang === lang).map((row) => row.term));
    const sliceMonths = months.filter((row) => row.hospital === hospital && row.lang === lang);
    rows.push(...issueRows(hospital, lang, records, sliceMonths, eligible, (term) => surfaces.get(termKey(lang, term)) ?? term));
  }
  // the order the mart is exported in: hospital, month, then language, then rank
  const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  rows.sort((a, b) => byCodeUnit(a.hospital, b.hospital) || byCodeUnit(a.month, b.month) || byCodeUnit(a.lang, b.lang) || a.rank - b.rank);

  await inTransaction(connection, async () => {
    await models.run('marts/mart_high_frequency_issues');
    await appendRows(
      connection,
      'mart_high_frequency_issues',
      rows.map((row) => ({
        hospital: row.hospital,
        month: row.month,
        lang: row.lang,
        rank: row.rank,
        theme: row.theme,
        anchor_term: row.anchor,
        records: row.records,
        previous_month_records: row.previousMonth,
        mean_previous_3_months: row.meanPrevious3,
        days: row.days,
        records_per_day: row.perDay,
        previous_month_per_day: row.previousMonthPerDay,
        previous_3_months_per_day: row.previous3PerDay,
        departments: row.departments,
        locations: row.locations,
        quotes: row.quotes,
      })),
    );
  });
}

/**
 * The themes of each published month of one hospital's records in one language, with their trend per day against the months
 * before (counting the records that hold any of a theme's anchors), places and quotes.
 */
function issueRows(
  hospital: string,
  lang: Language,
  records: readonly IssueRecord[],
  months: readonly { month: string; days: number; published: boolean }[],
  eligible: ReadonlySet<string>,
  surface: (term: string) => string,
): IssueRow[] {
  const byMonth = new Map<string, IssueRecord[]>();
  for (const record of records) {
    const list = byMonth.get(record.month);
    if (list) list.push(record);
    else byMonth.set(record.month, [record]);
  }
  const daysIn = new Map(months.map((row) => [row.month, row.days]));
  const holdingAny = recordsHoldingAny(byMonth);
  const rows: IssueRow[] = [];
  for (const { month, days } of months.filter((row) => row.published)) {
    const monthRecords = byMonth.get(month) ?? [];
    issueThemes(monthRecords, eligible, { maxThemes: defaults.themes }).forEach((theme, index) => {
      const anchors = new Set([theme.anchor, ...theme.merged]);
      const before = [1, 2, 3].map((back) => {
        const earlier = shiftMonth(month, -back);
        return { records: holdingAny(earlier, anchors), days: daysIn.get(earlier) ?? 0 };
      });
      const members = theme.records.map((i) => monthRecords[i]!);
      rows.push({
        hospital,
        month,
        lang,
        rank: index + 1,
        theme: [theme.anchor, ...theme.merged, ...theme.partners].map(surface).join(lang === 'zh' ? '、' : ', '),
        anchor: theme.anchor,
        records: theme.records.length,
        previousMonth: before[0]!.records,
        meanPrevious3: (before[0]!.records + before[1]!.records + before[2]!.records) / 3,
        days,
        perDay: dailyRate([{ records: theme.records.length, days }]) ?? 0,
        previousMonthPerDay: dailyRate(before.slice(0, 1)),
        previous3PerDay: dailyRate(before),
        departments: topCounts(members.map((r) => r.department), defaults.places),
        locations: topCounts(members.flatMap((r) => (r.location === null ? [] : [r.location])), defaults.places),
        quotes: pickQuotes(members, new Set([...anchors, ...theme.partners])),
      });
    });
  }
  return rows;
}

/**
 * How many of a month's records hold any of `terms`: the union of the terms' records, each month's
 * terms indexed once when first asked, rather than every record scanned for every theme.
 */
function recordsHoldingAny(byMonth: ReadonlyMap<string, readonly IssueRecord[]>): (month: string, terms: ReadonlySet<string>) => number {
  const indexed = new Map<string, Map<string, number[]>>();
  const postingsOf = (month: string) => {
    let postings = indexed.get(month);
    if (postings === undefined) {
      postings = new Map();
      (byMonth.get(month) ?? []).forEach((record, index) => {
        for (const term of record.terms) {
          const list = postings!.get(term);
          if (list) list.push(index);
          else postings!.set(term, [index]);
        }
      });
      indexed.set(month, postings);
    }
    return postings;
  };
  return (month, terms) => {
    const postings = postingsOf(month);
    const holding = new Set<number>();
    for (const term of terms) for (const index of postings.get(term) ?? []) holding.add(index);
    return holding.size;
  };
}

/** 'YYYY-MM' moved by `months`. */
export function shiftMonth(month: string, months: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
