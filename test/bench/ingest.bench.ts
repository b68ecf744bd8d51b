import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { normalizeConfig } from '../../pipeline/config.ts';
import { openWarehouse, quoteLiteral } from '../../pipeline/db.ts';
import { discoverInputFiles } from '../../pipeline/ingest/discover.ts';
import { ingestFiles } from '../../pipeline/ingest/ingest.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { rulesFingerprint } from '../../pipeline/ingest/reference.ts';
import { prepareSession } from '../../pipeline/warehouse-ingest.ts';
import { writeBenchFeedbackCsv } from '../../data/generator/bench.ts';
import { formatSeconds, timeAlternating } from './measure.ts';

export interface IngestBenchResult {
  rows: number;
  fileBytes: number;
  bare: { median: number; runs: number[] };
  hearken: { median: number; runs: number[] };
  ratio: number;
  rowsPerSecond: number;
  rerunSkipSeconds: number;
}

/**
 * Ingest throughput: hearken's whole ingest stage on N generated feedback rows (checksum, encoding
 * detection, reading, every check, redaction, the keyed merge and the commit) against a bare
 * DuckDB read_csv of the same file into a table of a fresh on-disk database: the same work a
 * warehouse load does at the least. Both run in alternation, each on a fresh database file.
 */
export async function benchIngest(workDir: string, rows: number, repeats: number, log: (line: string) => void): Promise<IngestBenchResult> {
  const inputDir = join(workDir, 'input');
  await mkdir(inputDir, { recursive: true });
  const csvPath = join(inputDir, 'feedback.csv');
  log(`ingest: generating ${rows.toLocaleString('en')} feedback rows …`);
  await writeBenchFeedbackCsv(csvPath, rows, 20261123);
  const { size: fileBytes } = await import('node:fs').then((fs) => fs.statSync(csvPath));

  const bareDb = join(workDir, 'bare.duckdb');
  const hearkenDb = join(workDir, 'hearken.duckdb');
  const config = normalizeConfig({ input: inputDir, db: hearkenDb, out: join(workDir, 'out'), timezone: 'Asia/Shanghai' });
  const freshDatabase = async (path: string) => {
    await rm(path, { force: true });
    await rm(`${path}.wal`, { force: true });
  };
  const ingestOnce = async () => {
    const warehouse = await openWarehouse(hearkenDb);
    try {
      const { connection } = warehouse;
      await prepareSession(connection, config);
      const ingestModels = modelsOfStep(connection, 'ingest', 'ingestFiles');
      const reports = await ingestFiles(connection, await discoverInputFiles(inputDir), {
        config,
        models: ingestModels,
        runId: 'bench',
        now: new Date('2026-11-23T04:00:00Z'),
        rulesFingerprint: rulesFingerprint(config, ingestModels),
        progress: silentProgress,
      });
      const loaded = reports[0]?.loaded ?? 0;
      const accounted = (reports[0]?.loaded ?? 0) + (reports[0]?.duplicates ?? 0) + (reports[0]?.quarantined ?? 0);
      if (accounted !== rows) throw new Error(`bench: ${accounted} of ${rows} rows accounted for (${loaded} loaded)`);
    } finally {
      warehouse.close();
    }
  };

  log(`ingest: timing ${repeats} rounds (bare read_csv, hearken ingest) …`);
  const [bare, hearken] = await timeAlternating(repeats, [
    {
      label: 'bare read_csv',
      prepare: () => freshDatabase(bareDb),
      run: async () => {
        const instance = await DuckDBInstance.create(bareDb);
        const connection = await instance.connect();
        await connection.run(`create table feedback as select * from read_csv(${quoteLiteral(csvPath)})`);
        connection.closeSync();
        instance.closeSync();
      },
    },
    { label: 'hearken ingest', prepare: () => freshDatabase(hearkenDb), run: ingestOnce },
  ]);
  if (!bare || !hearken) throw new Error('bench: missing timings');

  // the second reading of the same file: skipped by its checksum
  const start = process.hrtime.bigint();
  await ingestOnce().catch(() => undefined);
  const rerunSkipSeconds = Number(process.hrtime.bigint() - start) / 1e9;

  const result: IngestBenchResult = {
    rows,
    fileBytes,
    bare: { median: bare.median, runs: bare.runs },
    hearken: { median: hearken.median, runs: hearken.runs },
    ratio: hearken.median / bare.median,
    rowsPerSecond: rows / hearken.median,
    rerunSkipSeconds,
  };
  log(
    `ingest: ${rows.toLocaleString('en')} rows (${(fileBytes / 1e6).toFixed(0)} MB): bare read_csv ${formatSeconds(bare.median)}, ` +
      `hearken ${formatSeconds(hearken.median)} (${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s), ` +
      `ratio ${result.ratio.toFixed(2)}; re-run skipped in ${formatSeconds(rerunSkipSeconds)}`,
  );
  return result;
}
