import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows, quoteLiteral, setVariables } from '../db.ts';
import { HIGH_FREQUENCY_ISSUE_MODELS, type StepModels } from '../plan.ts';
import { appendRows } from '../table-writer.ts';
import type { Language } from '../text/types.ts';
import { dailyRate } from './daily-rate.ts';
import { issueThemes } from './issue-themes.ts';
import { pickQuotes } from './quotes.ts';
import { termKey } from './terms.ts';

const defaults = {
  /** Themes published per month and language. */
  themes: 10,
  /** Departments and locations listed per theme. */
  places: 3,
  /**
   * Records read whole (with their texts) at once: consecutive months computed again, up to this
   * many (a bigger month alone). The 10M bench's largest hospital holds about 110,000 a month: two
   * months a slice, which needs 150 to 250 MiB of DuckDB's memory for the rows read and about 1 GB
   * of heap (BENCHMARKS.md, "The high-frequency issues in slices").
   */
  sliceRecords: 250_000,
} as const;

/** A record as the months after it count it: its month and its distinct terms. */
interface CountedRecord {
  month: string;
  terms: string[];
}

/** A record of a month whose themes are computed again: all the themes, places and quotes read of it. */
interface IssueRecord extends CountedRecord {
  hospital: string;
  source: string;
  id: string;
  lang: Language;
  department: string;
  location: string | null;
  text_redacted: string;
}

/**
 * A month of one hospital's records in one language (int_issue_month_inputs): its days and records,
 * whether its rows are computed again, and whether one computed again counts its records (one of
 * the 3 before).
 */
interface IssueMonth {
  hospital: string;
  lang: Language;
  month: string;
  days: number;
  records: number;
  rebuild: boolean;
  counted: boolean;
}

/** One row of mart_high_frequency_issues, by column name (a type, so that appendRows takes it as a record). */
type IssueRow = {
  hospital: string;
  month: string;
  lang: Language;
  rank: number;
  theme: string;
  anchor_term: string;
  records: number;
  previous_month_records: number;
  mean_previous_3_months: number;
  days: number;
  records_per_day: number;
  previous_month_per_day: number | null;
  previous_3_months_per_day: number | null;
  departments: string[];
  locations: string[];
  quotes: string[];
};

/** Counts of `values`, most frequent first, as "value (n)". */
function topCounts(values: readonly string[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([value, n]) => `${value} (${n})`);
}

/** What the rows of a month are made by besides the SQL of the step's models: these modules. */
const STEP_MODULES = ['high-frequency-issues.ts', 'issue-themes.ts', 'quotes.ts', 'daily-rate.ts', 'terms.ts'] as const;

/**
 * A digest of the step's code and the SQL of its models: a month's stored rows are kept only while
 * both are as when they were computed (int_issue_month_inputs).
 */
function issueRulesFingerprint(models: StepModels): string {
  const hash = createHash('sha256');
  for (const module of STEP_MODULES) hash.update(readFileSync(resolve(import.meta.dirname, module)));
  for (const model of HIGH_FREQUENCY_ISSUE_MODELS) hash.update(models.sql(model));
  return hash.digest('hex');
}

/**
 * The high-frequency issues (高频事项) of each of the 24 months to the as-of date, per hospital and language:
 * themes from issueThemes over the words that name an issue (dim_term.names_issue: no function
 * word, no source's template), near duplicates merged, with their records, the trend against the
 * month before and the three before (per day, so the month to date compares fairly), the
 * departments and locations most affected and up to five redacted quotes. A theme needs at least
 * five records, so no quote stands for one or two identifiable patients.
 *
 * Only the months whose inputs changed since their rows were stored are computed again (on a new
 * day: the as-of month, and any month a late record or a newly learned issue term reaches; see
 * int_issue_month_inputs); the others keep their rows. The months computed again are read in
 * slices of at most `sliceRecords` records (defaults.sliceRecords; a test's smaller one cuts a
 * small history into many), so that a whole build holds a slice, not the history.
 */
export async function buildHighFrequencyIssues(connection: DuckDBConnection, models: StepModels, sliceRecords: number = defaults.sliceRecords): Promise<void> {
  await models.run('marts/mart_issue_records');
  await models.run('intermediate/int_issue_months');
  await models.run('intermediate/int_issue_month_versions');
  const rules = issueRulesFingerprint(models);
  // the mart carries the rules that wrote it and its versions (its table comment, set below):
  // versions without the rows they describe (a first run, a warehouse whose mart was dropped) or
  // beside rows other code wrote (a hearken from before the versions replaces the mart whole, which
  // clears the comment, and leaves them) keep nothing
  const [mart] = await queryRows<{ rules: string | null }>(connection, "select comment as rules from duckdb_tables() where schema_name = 'main' and table_name = 'mart_high_frequency_issues'");
  const stored = mart !== undefined;
  if (mart?.rules !== rules) await connection.run('delete from int_issue_month_versions');
  await setVariables(connection, { issue_rules: rules });
  await models.run('intermediate/int_issue_month_inputs');
  const months = await queryRows<IssueMonth>(connection, 'select hospital, lang, month, days, records, rebuild, counted from int_issue_month_inputs order by hospital, lang, month');
  const rows = stored ? await queryRows<IssueRow>(connection, models.sql('intermediate/issue_rows_kept')) : [];
  // a theme holds issue terms only: theirs are the only surfaces it shows
  const issueTerms = await queryRows<{ lang: Language; term: string; surface: string }>(connection, 'select lang, term, surface from dim_term where names_issue');
  const surfaces = new Map(issueTerms.map((row) => [termKey(row.lang, row.term), row.surface]));
  const languages = new Map(months.filter((row) => row.rebuild).map((row) => [JSON.stringify([row.hospital, row.lang]), { hospital: row.hospital, lang: row.lang }]));
  for (const { hospital, lang } of languages.values()) {
    const eligible = new Set(issueTerms.filter((row) => row.lang === lang).map((row) => row.term));
    const languageMonths = months.filter((row) => row.hospital === hospital && row.lang === lang);
    const read: MonthReader = {
      records: (first, last) => queryRows<IssueRecord>(connection, models.sql('intermediate/issue_records_rebuilt'), { hospital, lang, first_month: first, last_month: last }),
      termLists: (first, last) => queryRows<CountedRecord>(connection, models.sql('intermediate/issue_term_lists_before'), { hospital, lang, first_month: first, last_month: last }),
    };
    rows.push(...(await issueRows(hospital, lang, read, languageMonths, sliceRecords, eligible, (term) => surfaces.get(termKey(lang, term)) ?? term)));
  }
  // the order the mart is exported in: hospital, month, then language, then rank
  const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  rows.sort((a, b) => byCodeUnit(a.hospital, b.hospital) || byCodeUnit(a.month, b.month) || byCodeUnit(a.lang, b.lang) || a.rank - b.rank);

  await inTransaction(connection, async () => {
    await models.run('marts/mart_high_frequency_issues');
    await appendRows(connection, 'mart_high_frequency_issues', rows);
    await models.run('intermediate/store_issue_month_versions');
    await connection.run(`comment on table mart_high_frequency_issues is ${quoteLiteral(rules)}`);
  });
}

/** Records grouped by their month, in the order given. */
function byMonthOf<R extends CountedRecord>(records: readonly R[]): Map<string, R[]> {
  const byMonth = new Map<string, R[]>();
  for (const record of records) {
    const list = byMonth.get(record.month);
    if (list) list.push(record);
    else byMonth.set(record.month, [record]);
  }
  return byMonth;
}

/** Reads a hospital's records of the months `first` to `last` in one language: whole (issue_records_rebuilt), or their term lists only (issue_term_lists_before). */
interface MonthReader {
  records(first: string, last: string): Promise<IssueRecord[]>;
  termLists(first: string, last: string): Promise<CountedRecord[]>;
}

/**
 * The months one read takes from `months[from]`: it, and the months right after it of its kind
 * (computed again, or counted) while their records stay within `limit`.
 */
function readFrom(months: readonly Omit<IssueMonth, 'hospital' | 'lang'>[], from: number, kind: 'rebuild' | 'counted', limit: number): string[] {
  const read = [months[from]!.month];
  let records = months[from]!.records;
  for (let next = months[from + 1]; next?.[kind] && records + next.records <= limit; next = months[from + read.length]) {
    read.push(next.month);
    records += next.records;
  }
  return read;
}

/** The records of the months read (readFrom), each month's in a list of its own (empty when it has none). */
async function readMonths<R extends CountedRecord>(months: readonly string[], read: (first: string, last: string) => Promise<R[]>): Promise<Map<string, R[]>> {
  const records = byMonthOf(await read(months[0]!, months.at(-1)!));
  return new Map(months.map((month) => [month, records.get(month) ?? []]));
}

/**
 * The themes of each month to compute again (`rebuild`) of one hospital's records in one language,
 * with their trend per day against the months before (counting the records that hold any of a
 * theme's anchors), places and quotes. `months` in order, every month of the 27: those computed
 * again read whole in slices of consecutive months of at most `sliceRecords` records, those they
 * count (`counted`, at most three in a row) as term lists, and only the term lists of the three
 * months before the one computed kept, so that a whole build holds a slice, not the history.
 */
async function issueRows(
  hospital: string,
  lang: Language,
  read: MonthReader,
  months: readonly Omit<IssueMonth, 'hospital' | 'lang'>[],
  sliceRecords: number,
  eligible: ReadonlySet<string>,
  surface: (term: string) => string,
): Promise<IssueRow[]> {
  const daysIn = new Map(months.map((row) => [row.month, row.days]));
  // the term lists of the months read, the three before the month computed (months in order)
  const termLists = new Map<string, readonly CountedRecord[]>();
  const holdingAny = recordsHoldingAny(termLists);
  const rows: IssueRow[] = [];
  // the months of the slice last read whole not yet computed, with their records
  let slice = new Map<string, IssueRecord[]>();
  for (const [index, { month, days, rebuild, counted }] of months.entries()) {
    termLists.delete(shiftMonth(month, -4));
    if (!rebuild) {
      if (counted && !termLists.has(month)) {
        for (const [countedMonth, lists] of await readMonths(readFrom(months, index, 'counted', Infinity), read.termLists)) termLists.set(countedMonth, lists);
      }
      continue;
    }
    if (!slice.has(month)) slice = await readMonths(readFrom(months, index, 'rebuild', sliceRecords), read.records);
    const monthRecords = slice.get(month)!;
    slice.delete(month);
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
        anchor_term: theme.anchor,
        records: theme.records.length,
        previous_month_records: before[0]!.records,
        mean_previous_3_months: (before[0]!.records + before[1]!.records + before[2]!.records) / 3,
        days,
        records_per_day: dailyRate([{ records: theme.records.length, days }]) ?? 0,
        previous_month_per_day: dailyRate(before.slice(0, 1)),
        previous_3_months_per_day: dailyRate(before),
        departments: topCounts(members.map((r) => r.department), defaults.places),
        locations: topCounts(members.flatMap((r) => (r.location === null ? [] : [r.location])), defaults.places),
        quotes: pickQuotes(members, new Set([...anchors, ...theme.partners])),
      });
    });
    // the months after count only its term lists
    termLists.set(month, monthRecords.map((record) => ({ month, terms: record.terms })));
  }
  return rows;
}

/**
 * How many of a month's records hold any of `terms`: the union of the terms' records, each month's
 * terms indexed once when first asked, rather than every record scanned for every theme.
 */
function recordsHoldingAny(byMonth: ReadonlyMap<string, readonly CountedRecord[]>): (month: string, terms: ReadonlySet<string>) => number {
  // by the month's list itself, so that a month's index goes with the month when byMonth lets it go
  const indexed = new WeakMap<readonly CountedRecord[], Map<string, number[]>>();
  const postingsOf = (month: string) => {
    const records = byMonth.get(month) ?? [];
    let postings = indexed.get(records);
    if (postings === undefined) {
      postings = new Map();
      records.forEach((record, index) => {
        for (const term of record.terms) {
          const list = postings!.get(term);
          if (list) list.push(index);
          else postings!.set(term, [index]);
        }
      });
      indexed.set(records, postings);
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
