import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, setVariables } from '../db.ts';
import type { StepModels } from '../plan.ts';

/** The staging models of each kind of file, in the order they run (a survey's answers first: stg_survey joins them). */
const STAGED_TABLES = {
  feedback: ['stg_feedback'],
  survey: ['stg_survey_answers', 'stg_survey'],
} as const;

/** Where a staged table gathers its slices until the last one is staged. */
const wholeTable = (table: string) => `${table}_whole`;

/**
 * Makes the view input_rows (the file's rows as the contract's columns; `selectList` over raw_rows,
 * see columns.ts) and stages it: stg_feedback, or stg_survey_answers and stg_survey. A file of more
 * than `sliceRows` rows is staged a slice of rows at a time, each slice's staged rows appended to the
 * file's, so DuckDB's working memory is bounded by the slice, not the file: staged whole, a survey
 * file of 20 million responses ran out of 4 GiB (BENCHMARKS.md, "Staging a large file in slices").
 * Staging judges each row by itself (its distinct values are cleaned once per slice instead of once
 * per file, to the same result), so the slices give the rows one pass gives. What needs the whole
 * file (the last row of each key, the counts, the quarantine) is decided after, over the staged
 * tables, by int_record_outcome and the load, as for a file staged at once.
 *
 * @example await stageFile(connection, 'survey', plan.selectList, 1_000_000, models)
 */
export async function stageFile(
  connection: DuckDBConnection,
  kind: keyof typeof STAGED_TABLES,
  selectList: string,
  sliceRows: number,
  models: StepModels,
): Promise<void> {
  const staged = STAGED_TABLES[kind];
  const [bounds] = await queryRows<{ first: number | null; last: number | null }>(
    connection,
    'select min(rowid)::bigint as first, max(rowid)::bigint as last from raw_rows',
  );
  const first = bounds?.first ?? 0;
  const last = bounds?.last ?? -1;
  if (last - first + 1 <= sliceRows) {
    // a view and not a model: its select list is the file's header mapped to the contract's columns
    await connection.run(`create or replace temp view input_rows as select ${selectList} from raw_rows`);
    for (const table of staged) await models.run(`staging/${table}`);
    return;
  }
  // the slice's bounds are variables, read each time a model reads the view
  await connection.run(
    `create or replace temp view input_rows as select ${selectList} from raw_rows
     where rowid between getvariable('slice_first') and getvariable('slice_last')`,
  );
  for (let sliceFirst = first; sliceFirst <= last; sliceFirst += sliceRows) {
    await setVariables(connection, { slice_first: BigInt(sliceFirst), slice_last: BigInt(sliceFirst + sliceRows - 1) });
    for (const table of staged) await models.run(`staging/${table}`);
    for (const table of staged) {
      if (sliceFirst === first) await connection.run(`alter table ${table} rename to ${wholeTable(table)}`);
      else await connection.run(`insert into ${wholeTable(table)} select * from ${table}; drop table ${table}`);
    }
  }
  for (const table of staged) await connection.run(`alter table ${wholeTable(table)} rename to ${table}`);
  // the load reads each landed row's text from input_rows
  await setVariables(connection, { slice_first: BigInt(first), slice_last: BigInt(last) });
}
