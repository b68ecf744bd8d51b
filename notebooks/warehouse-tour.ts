/**
 * A first look at the warehouse, for an analyst: what came in, from where, month by month, and
 * what was held back. Read it, change the queries, run it again:
 *
 *   npx tsx notebooks/warehouse-tour.ts [path/to/warehouse.duckdb]
 *
 * It opens the warehouse read-only, so it can run while nothing else holds it. Nothing imports it.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const path = process.argv[2] ?? 'data/hearken.duckdb';
const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();

async function show(title: string, sql: string): Promise<void> {
  const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
  console.log(`\n## ${title}`);
  console.table(rows);
}

// 1. Every source's volume by month: a gap or a jump here is an export problem before it is a trend.
await show(
  'Feedback records per source and month (last 12 months of each source)',
  `with monthly as (
       select source, strftime(received_at, '%Y-%m') as month, count(*) as records from fct_feedback group by all
   )
   select * from monthly
   qualify row_number() over (partition by source order by month desc) <= 12
   order by source, month`,
);

// 2. How records reach the hospital: the channel mix per source.
await show(
  'Channel mix per source (% of records)',
  `select source, channel, round(100.0 * count(*) / sum(count(*)) over (partition by source), 1) as pct
   from fct_feedback group by source, channel order by source, pct desc`,
);

// 3. What was held back, file by file (the latest reading of each file).
await show(
  'Quarantined rows by file and reason',
  'select path, reason, count(*) as rows from mart_quarantine group by path, reason order by path, rows desc',
);

// 4. Names the reference table does not know yet: add them to department_aliases.csv.
await show('Department names not in the reference table', 'select * from mart_unknown_departments');

// 5. Survey responses per department and month, and how many items each answered on average.
await show(
  'Survey responses per department (last 3 months)',
  `select department, strftime(submitted_at, '%Y-%m') as month, count(*) as responses,
          round(avg(items_answered), 1) as items_answered
   from fct_survey_response
   where submitted_at >= (select max(submitted_at) from fct_survey_response) - interval 3 month
   group by department, month order by department, month`,
);

connection.closeSync();
instance.closeSync();
