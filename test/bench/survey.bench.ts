import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { prepareCalendars } from '../../pipeline/calendar.ts';
import { caseDefaults, caseVariables } from '../../pipeline/case-settings.ts';
import { normalizeConfig } from '../../pipeline/config.ts';
import { openWarehouse, queryRows, quoteLiteral, setVariables } from '../../pipeline/db.ts';
import { prepareIncrements } from '../../pipeline/increments.ts';
import { discoverInputFiles } from '../../pipeline/ingest/discover.ts';
import { ingestFiles } from '../../pipeline/ingest/ingest.ts';
import { executePlan, modelsOfStep } from '../../pipeline/plan.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { rulesFingerprint } from '../../pipeline/ingest/reference.ts';
import { prepareSession } from '../../pipeline/warehouse-ingest.ts';
import { writeBenchSurveyCsv } from '../../data/generator/bench.ts';
import { buildSatisfactionStatistics, writeSurveyDefinitions } from '../../pipeline/satisfaction/stage.ts';
import { formatSeconds, timeAlternating } from './measure.ts';

interface Contender {
  median: number;
  runs: number[];
}

export interface SurveyBenchResult {
  responses: number;
  fileBytes: number;
  answers: number;
  ingest: { bare: Contender; hearken: Contender; ratio: number; responsesPerSecond: number };
  satisfaction: { bare: Contender; hearken: Contender; ratio: number; indexRows: number };
}

/** The least SQL that gives pct_satisfied per department-month from the landing tables. */
const BARE_INDEX_SQL = `create or replace table bare_index as
select department_raw as department, strftime(submitted_at, '%Y-%m') as month,
       100.0 * count(*) filter (where answer.score >= 4) / count(*) as pct_satisfied
from (select department_raw, submitted_at, unnest(answers) as answer from survey_responses)
group by all`;

/**
 * Survey throughput, two parts on N generated responses (`writeBenchSurveyCsv`: the Ministry of
 * Health items, one wide CSV row per response).
 *
 * Ingest: hearken's whole ingest stage (checksum, encoding, reading, checks, each response's
 * answers as a list on its row, the keyed merge and the commit) against a bare DuckDB read_csv of the same
 * file into a fresh on-disk database, in alternation, each on a fresh database file.
 *
 * Satisfaction: what a run does after ingest for surveys: the plan's marts and satisfaction stages
 * (pipeline/plan.ts: the calendars, every mart, definition matching, the counts, the clustered
 * intervals of the index, the measures, the SPC and funnel tables, the drop candidates), against a
 * bare group-by of pct_satisfied per department-month over the same landing tables. Both start each
 * round from a fresh copy of the same loaded warehouse.
 */
export async function benchSurvey(workDir: string, responses: number, repeats: number, log: (line: string) => void): Promise<SurveyBenchResult> {
  const inputDir = join(workDir, 'input');
  await mkdir(inputDir, { recursive: true });
  const csvPath = join(inputDir, 'survey.csv');
  log(`survey: generating ${responses.toLocaleString('en')} survey responses …`);
  await writeBenchSurveyCsv(csvPath, responses, 20261123);
  const { size: fileBytes } = await stat(csvPath);

  const bareDb = join(workDir, 'bare.duckdb');
  const loadedDb = join(workDir, 'loaded.duckdb');
  const stageDb = join(workDir, 'stage.duckdb');
  const config = normalizeConfig({ input: inputDir, db: loadedDb, out: join(workDir, 'out'), timezone: 'Asia/Ho_Chi_Minh' });
  const removeDatabase = async (path: string) => {
    await rm(path, { force: true });
    await rm(`${path}.wal`, { force: true });
  };
  const ingestOnce = async () => {
    const warehouse = await openWarehouse(loadedDb);
    try {
      await prepareSession(warehouse.connection, config);
      const ingestModels = modelsOfStep(warehouse.connection, 'ingest', 'ingestFiles');
      const [report] = await ingestFiles(warehouse.connection, await discoverInputFiles(inputDir), {
        config,
        models: ingestModels,
        runId: 'bench',
        now: new Date('2026-11-23T04:00:00Z'),
        rulesFingerprint: rulesFingerprint(config, ingestModels),
        progress: silentProgress,
      });
      const accounted = (report?.loaded ?? 0) + (report?.duplicates ?? 0) + (report?.quarantined ?? 0);
      if (accounted !== responses) throw new Error(`bench: ${accounted} of ${responses} survey rows accounted for`);
      await warehouse.connection.run('checkpoint');
    } finally {
      warehouse.close();
    }
  };

  log(`survey: timing ${repeats} ingest rounds (bare read_csv, hearken ingest) …`);
  const [bareRead, ingest] = await timeAlternating(repeats, [
    {
      label: 'bare read_csv',
      prepare: () => removeDatabase(bareDb),
      run: async () => {
        const instance = await DuckDBInstance.create(bareDb);
        const connection = await instance.connect();
        await connection.run(`create table survey as select * from read_csv(${quoteLiteral(csvPath)})`);
        connection.closeSync();
        instance.closeSync();
      },
    },
    { label: 'hearken ingest', prepare: () => removeDatabase(loadedDb), run: ingestOnce },
  ]);
  if (!bareRead || !ingest) throw new Error('bench: missing ingest timings');

  // the last ingest round left the loaded warehouse every satisfaction round starts from
  const loaded = await openWarehouse(loadedDb);
  let answers: number;
  let asOf: string;
  try {
    const [row] = await queryRows<{ answers: number; newest: string }>(
      loaded.connection,
      "select (select count(*) from survey_answers)::integer as answers, (select strftime(max(submitted_at), '%Y-%m-%d') from survey_responses) as newest",
    );
    answers = row?.answers ?? 0;
    asOf = row?.newest ?? '';
  } finally {
    loaded.close();
  }
  log(`survey: ${answers.toLocaleString('en')} answers loaded; as of ${asOf}`);

  const freshStage = async () => {
    await removeDatabase(stageDb);
    await copyFile(loadedDb, stageDb);
  };
  let indexRows = 0;
  const onStage = (work: (connection: DuckDBConnection) => Promise<void>) => async () => {
    const opened = await openWarehouse(stageDb);
    try {
      await prepareSession(opened.connection, { ...config, dbPath: stageDb });
      await work(opened.connection);
    } finally {
      opened.close();
    }
  };

  log(`survey: timing ${repeats} satisfaction rounds (bare group-by, marts + buildSatisfaction) …`);
  const [bareIndex, stage] = await timeAlternating(repeats, [
    {
      label: 'bare group-by',
      prepare: freshStage,
      run: onStage(async (connection) => {
        await connection.run(BARE_INDEX_SQL);
      }),
    },
    {
      label: 'satisfaction stage',
      prepare: freshStage,
      run: onStage(async (connection) => {
        await executePlan(connection, ['marts', 'satisfaction'], {
          calendars: (models) => prepareCalendars(connection, config, models),
          asOf: () => setVariables(connection, { as_of: asOf, ...caseVariables(caseDefaults) }),
          increments: (models) => prepareIncrements(connection, models),
          surveyDefinitions: (models) => writeSurveyDefinitions(connection, config, models),
          satisfactionStatistics: (models) => buildSatisfactionStatistics(connection, asOf, models),
        });
        const [row] = await queryRows<{ rows: number }>(connection, 'select count(*)::integer as rows from export_satisfaction_index');
        indexRows = row?.rows ?? 0;
        if (indexRows === 0) throw new Error('bench: the satisfaction stage wrote no index rows');
      }),
    },
  ]);
  if (!bareIndex || !stage) throw new Error('bench: missing satisfaction timings');

  const result: SurveyBenchResult = {
    responses,
    fileBytes,
    answers,
    ingest: {
      bare: { median: bareRead.median, runs: bareRead.runs },
      hearken: { median: ingest.median, runs: ingest.runs },
      ratio: ingest.median / bareRead.median,
      responsesPerSecond: responses / ingest.median,
    },
    satisfaction: {
      bare: { median: bareIndex.median, runs: bareIndex.runs },
      hearken: { median: stage.median, runs: stage.runs },
      ratio: stage.median / bareIndex.median,
      indexRows,
    },
  };
  log(
    `survey: ingest of ${responses.toLocaleString('en')} responses (${(fileBytes / 1e6).toFixed(0)} MB): bare read_csv ${formatSeconds(bareRead.median)}, ` +
      `hearken ${formatSeconds(ingest.median)} (${Math.round(result.ingest.responsesPerSecond).toLocaleString('en')} responses/s), ratio ${result.ingest.ratio.toFixed(2)}`,
  );
  log(
    `survey: satisfaction over ${answers.toLocaleString('en')} answers: bare group-by ${formatSeconds(bareIndex.median)}, ` +
      `marts + buildSatisfaction ${formatSeconds(stage.median)} (${indexRows.toLocaleString('en')} index rows), ratio ${result.satisfaction.ratio.toFixed(2)}`,
  );
  return result;
}
