import { LIST, listValue, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows } from '../db.ts';
import type { StepModels } from '../plan.ts';
import type { Language } from '../text/types.ts';
import { issueThemes, type IssueTheme } from './issue_themes.ts';
import { pickQuotes } from './quotes.ts';
import { termKey, termSurfaces } from './terms.ts';

const VARCHAR_LIST = LIST(VARCHAR);

const defaults = {
  /** Themes published per month and language. */
  themes: 10,
  /** Departments and locations listed per theme. */
  places: 3,
  /**
   * An issue term leans to one category (lift at least this much over its share of all records),
   * and is in at most this share of any one source's records: a word of every category alike
   * (attended, 孩子) narrates, and a word of a source's every other record (来电人, 对此不满 in
   * 12345 work orders) is its template; neither names an issue.
   */
  minCategoryLift: 1.5,
  maxSourceShare: 0.2,
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
 * themes from issueThemes, with their records, the trend against the month before and the three
 * before, the departments and locations most affected and up to five redacted quotes. A theme
 * needs at least five records, so no quote stands for one or two identifiable patients.
 */
export async function buildHighFrequencyIssues(connection: DuckDBConnection, models: StepModels): Promise<void> {
  await models.run('marts/mart_issue_records');
  const issueTerms = await queryRows<{ lang: Language; term: string }>(
    connection,
    'select lang, term from dim_term where category_lift >= $lift and max_source_share <= $share',
    { lift: defaults.minCategoryLift, share: defaults.maxSourceShare },
  );
  const monthly = await queryRows<{ hospital: string; lang: Language; term: string; month: string; records: number }>(
    connection,
    'select hospital, lang, term, month, records from mart_term_monthly',
  );
  const monthlyCount = new Map(monthly.map((row) => [JSON.stringify([row.hospital, row.lang, row.term, row.month]), row.records]));
  const surfaces = await termSurfaces(connection);
  const slices = await queryRows<{ hospital: string; month: string; lang: Language }>(
    connection,
    'select distinct hospital, month, lang from issue_records order by hospital, month, lang',
  );

  await inTransaction(connection, async () => {
    await models.run('marts/mart_high_frequency_issues');
    const appender = await connection.createAppender('mart_high_frequency_issues');
    for (const { hospital, month, lang } of slices) {
      const records = await queryRows<IssueRecord>(
        connection,
        'select * from issue_records where hospital = $hospital and month = $month and lang = $lang order by source, id',
        { hospital, month, lang },
      );
      const eligible = new Set(issueTerms.filter((row) => row.lang === lang).map((row) => row.term));
      const themes = issueThemes(records, eligible, { maxThemes: defaults.themes });
      const countIn = (term: string, monthsBack: number): number => monthlyCount.get(JSON.stringify([hospital, lang, term, shiftMonth(month, -monthsBack)])) ?? 0;
      themes.forEach((theme, index) => {
        const members = theme.records.map((i) => records[i]!);
        const surface = (term: string): string => surfaces.get(termKey(lang, term)) ?? term;
        appender.appendVarchar(hospital);
        appender.appendVarchar(month);
        appender.appendVarchar(lang);
        appender.appendInteger(index + 1);
        appender.appendVarchar([theme.anchor, ...theme.partners].map(surface).join(lang === 'zh' ? '、' : ', '));
        appender.appendVarchar(theme.anchor);
        appender.appendInteger(theme.records.length);
        appender.appendInteger(countIn(theme.anchor, 1));
        appender.appendDouble((countIn(theme.anchor, 1) + countIn(theme.anchor, 2) + countIn(theme.anchor, 3)) / 3);
        appender.appendList(listValue(topCounts(members.map((r) => r.department), defaults.places)), VARCHAR_LIST);
        appender.appendList(listValue(topCounts(members.flatMap((r) => (r.location === null ? [] : [r.location])), defaults.places)), VARCHAR_LIST);
        appender.appendList(listValue(pickQuotes(theme.records.map((index) => records[index]!), new Set([theme.anchor, ...theme.partners]))), VARCHAR_LIST);
        appender.endRow();
      });
    }
    appender.closeSync();
  });
}

/** 'YYYY-MM' moved by `months`. */
export function shiftMonth(month: string, months: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
