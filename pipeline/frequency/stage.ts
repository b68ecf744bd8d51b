import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { appendRows } from '../table-writer.ts';
import type { Language } from '../text/types.ts';
import { departmentKeywords } from './department-keywords.ts';
import { emergence, type Emergence } from './emerging.ts';
import { keyness } from './keyness.ts';
import { kleinbergBursts, type BurstState } from './kleinberg-bursts.ts';
import { termKey, termSurfaces } from './terms.ts';

const defaults = {
  /** G² for p < 0.001 (χ², 1 df) and at least twice the baseline share: a rise worth reading. */
  minG2: 10.83,
  minLogRatio: 1,
  /** A rise needs this many recent records holding the term: two records are an anecdote. */
  minRecentRecords: 3,
} as const;

interface WindowCountRow {
  hospital: string;
  lang: Language;
  scope: string;
  term: string;
  recent_with_term: number;
  baseline_with_term: number;
  recent_records: number;
  baseline_records: number;
}

interface WeeklyRow {
  hospital: string;
  lang: Language;
  term: string;
  records: number[];
  week_records: number[];
}

export interface KeyTermRow extends WindowCountRow {
  g2: number;
  log_ratio: number;
  emergence: Emergence | null;
}

/**
 * Keyness of the recent window (28 days to the as-of date) against its baseline (the year before),
 * per hospital, hospital-wide and per department, into mart_term_keyness: Dunning's G² for significance, Hardie's
 * Log Ratio for size, and emergence: a term new to the baseline, or hospital-wide in a Kleinberg
 * burst in the latest of 26 weeks. Kept: rises in at least 3 recent records with G² >= 10.83 and
 * Log Ratio >= 1, each marked with its emergence, if any. Emergence alone keeps no row: the table
 * states one threshold and every row meets it (a burst of a common word that is not a rise over
 * the year, G² 2.6, would contradict it).
 */
export async function buildTermKeyness(connection: DuckDBConnection, models: StepModels): Promise<KeyTermRow[]> {
  await models.run('marts/mart_term_window_counts');
  await models.run('marts/mart_term_weekly_recent');
  // a hospital's term, as one string no hospital or term can make ambiguous
  const burstKey = (hospital: string, lang: Language, term: string) => JSON.stringify([hospital, lang, term]);
  const burstStates = new Map<string, BurstState[]>();
  const weekly = await queryRows<WeeklyRow>(
    connection,
    'select hospital, lang, term, list(records order by week_start) as records, list(week_records order by week_start) as week_records from mart_term_weekly_recent group by hospital, lang, term',
  );
  for (const row of weekly) {
    const series = row.records.map((relevant, i) => ({ relevant, total: row.week_records[i] ?? 0 })).filter((week) => week.total > 0);
    if (series.length > 1) burstStates.set(burstKey(row.hospital, row.lang, row.term), [...kleinbergBursts(series).states]);
  }
  const rows = await queryRows<WindowCountRow>(connection, 'select * from mart_term_window_counts');
  const kept: KeyTermRow[] = [];
  for (const row of rows) {
    if (row.baseline_records === 0) continue;
    const k = keyness(row.recent_with_term, row.recent_records, row.baseline_with_term, row.baseline_records);
    const states = row.scope === 'ALL' ? (burstStates.get(burstKey(row.hospital, row.lang, row.term)) ?? []) : [];
    const emerging = emergence(row.recent_with_term, row.baseline_with_term, states);
    const rising = k.direction === 'rise' && k.g2 >= defaults.minG2 && k.logRatio >= defaults.minLogRatio && row.recent_with_term >= defaults.minRecentRecords;
    if (rising) kept.push({ ...row, g2: k.g2, log_ratio: k.logRatio, emergence: emerging });
  }
  // G² ties often (the same counts give the same G²): language and term make the order total
  const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  kept.sort((a, b) => byCodeUnit(a.hospital, b.hospital) || byCodeUnit(a.scope, b.scope) || b.g2 - a.g2 || byCodeUnit(a.lang, b.lang) || byCodeUnit(a.term, b.term));
  const surfaces = await termSurfaces(connection);
  await inTransaction(connection, async () => {
    await models.run('marts/mart_term_keyness');
    await appendRows(
      connection,
      'mart_term_keyness',
      kept.map((row) => ({
        hospital: row.hospital,
        lang: row.lang,
        scope: row.scope,
        term: row.term,
        surface: surfaces.get(termKey(row.lang, row.term)) ?? row.term,
        recent_with_term: row.recent_with_term,
        baseline_with_term: row.baseline_with_term,
        recent_records: row.recent_records,
        baseline_records: row.baseline_records,
        g2: row.g2,
        log_ratio: row.log_ratio,
        emergence: row.emergence,
      })),
    );
  });
  return kept;
}

/**
 * The keywords of each department over the year to the as-of date, per language, into
 * mart_department_keywords: what its patients raise that its hospital's other departments' do not.
 */
export async function buildDepartmentKeywords(connection: DuckDBConnection, models: StepModels): Promise<void> {
  await models.run('marts/mart_department_term_counts');
  const rows = await queryRows<{ hospital: string; department: string; lang: Language; term: string; records: number }>(
    connection,
    // hospitals, languages, then departments, then terms: the order the mart is written in
    'select hospital, department, lang, term, records from mart_department_term_counts order by hospital, lang, department, term',
  );
  const surfaces = await termSurfaces(connection);
  // the departments of one hospital in one language are the documents of one TF-IDF
  const byCorpus = new Map<string, { hospital: string; lang: Language; departments: Map<string, Map<string, number>> }>();
  for (const row of rows) {
    const key = JSON.stringify([row.hospital, row.lang]);
    const corpus = byCorpus.get(key) ?? { hospital: row.hospital, lang: row.lang, departments: new Map<string, Map<string, number>>() };
    byCorpus.set(key, corpus);
    const terms = corpus.departments.get(row.department) ?? new Map<string, number>();
    corpus.departments.set(row.department, terms);
    terms.set(row.term, row.records);
  }
  await inTransaction(connection, async () => {
    await models.run('marts/mart_department_keywords');
    const keywordRows = [...byCorpus.values()].flatMap(({ hospital, lang, departments }) =>
      [...departmentKeywords(departments)].flatMap(([department, keywords]) =>
        keywords.map((keyword, index) => ({
          hospital,
          department,
          lang,
          rank: index + 1,
          term: keyword.term,
          surface: surfaces.get(termKey(lang, keyword.term)) ?? keyword.term,
          records: keyword.records,
          tf_idf: keyword.weight,
        })),
      ),
    );
    await appendRows(connection, 'mart_department_keywords', keywordRows);
  });
}
