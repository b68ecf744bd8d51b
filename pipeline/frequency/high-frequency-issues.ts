import { LIST, listValue, VARCHAR, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows, runModel } from '../db.ts';
import type { Language } from '../text/types.ts';
import { dailyRate } from './daily_rate.ts';
import { issueThemes } from './issue_themes.ts';
import { pickQuotes } from './quotes.ts';
import { termKey, termSurfaces } from './stage.ts';

const VARCHAR_LIST = LIST(VARCHAR);

const defaults = {
  /** Themes published per month and language. */
  themes: 10,
  /** Departments and locations listed per theme. */
  places: 3,
} as const;

interface IssueRecord {
  source: string;
  id: string;
  lang: Language;
  month: string;
  department: string;
  location: string | null;
  text_redacted: string;
  terms: string[];
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
 * The high-frequency issues (高频事项) of each of the 24 months to the as-of date, per language:
 * themes from issueThemes over the words that name an issue (dim_term.names_issue: no function
 * word, no source's template), near duplicates merged, with their records, the trend against the
 * month before and the three before (per day, so the month to date compares fairly), the
 * departments and locations most affected and up to five redacted quotes. A theme needs at least
 * five records, so no quote stands for one or two identifiable patients.
 */
export async function buildHighFrequencyIssues(connection: DuckDBConnection): Promise<void> {
  await runModel(connection, 'marts/mart_issue_records');
  await runModel(connection, 'intermediate/int_issue_months');
  const issueTerms = await queryRows<{ lang: Language; term: string }>(connection, 'select lang, term from dim_term where names_issue');
  const months = await queryRows<{ lang: Language; month: string; days: number; published: boolean }>(connection, 'select * from int_issue_months order by lang, month');
  const surfaces = await termSurfaces(connection);

  await inTransaction(connection, async () => {
    await runModel(connection, 'marts/mart_high_frequency_issues');
    const appender = await connection.createAppender('mart_high_frequency_issues');
    for (const lang of new Set(months.map((row) => row.lang))) {
      const records = await queryRows<IssueRecord>(connection, 'select * from issue_records where lang = $lang order by month, source, id', { lang });
      const byMonth = new Map<string, IssueRecord[]>();
      for (const record of records) {
        const list = byMonth.get(record.month);
        if (list) list.push(record);
        else byMonth.set(record.month, [record]);
      }
      const daysIn = new Map(months.filter((row) => row.lang === lang).map((row) => [row.month, row.days]));
      const eligible = new Set(issueTerms.filter((row) => row.lang === lang).map((row) => row.term));
      const surface = (term: string): string => surfaces.get(termKey(lang, term)) ?? term;
      for (const { month, days } of months.filter((row) => row.lang === lang && row.published)) {
        const monthRecords = byMonth.get(month) ?? [];
        const themes = issueThemes(monthRecords, eligible, { maxThemes: defaults.themes });
        themes.forEach((theme, index) => {
          const anchors = new Set([theme.anchor, ...theme.merged]);
          const before = [1, 2, 3].map((back) => {
            const earlier = shiftMonth(month, -back);
            return { records: (byMonth.get(earlier) ?? []).filter((record) => record.terms.some((term) => anchors.has(term))).length, days: daysIn.get(earlier) ?? 0 };
          });
          const members = theme.records.map((i) => monthRecords[i]!);
          appender.appendVarchar(month);
          appender.appendVarchar(lang);
          appender.appendInteger(index + 1);
          appender.appendVarchar([theme.anchor, ...theme.merged, ...theme.partners].map(surface).join(lang === 'zh' ? '、' : ', '));
          appender.appendVarchar(theme.anchor);
          appender.appendInteger(theme.records.length);
          appender.appendInteger(before[0]!.records);
          appender.appendDouble((before[0]!.records + before[1]!.records + before[2]!.records) / 3);
          appender.appendInteger(days);
          appender.appendDouble(dailyRate([{ records: theme.records.length, days }]) ?? 0);
          appendNullable(appender, dailyRate(before.slice(0, 1)));
          appendNullable(appender, dailyRate(before));
          appender.appendList(listValue(topCounts(members.map((r) => r.department), defaults.places)), VARCHAR_LIST);
          appender.appendList(listValue(topCounts(members.flatMap((r) => (r.location === null ? [] : [r.location])), defaults.places)), VARCHAR_LIST);
          appender.appendList(listValue(pickQuotes(members, new Set([...anchors, ...theme.partners]))), VARCHAR_LIST);
          appender.endRow();
        });
      }
    }
    appender.closeSync();
  });
}

function appendNullable(appender: DuckDBAppender, value: number | null): void {
  if (value === null) appender.appendNull();
  else appender.appendDouble(value);
}

/** 'YYYY-MM' moved by `months`. */
export function shiftMonth(month: string, months: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
