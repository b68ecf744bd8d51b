/**
 * The per-kind evaluation of a sample backtest (issue 13, "Done when"), for BENCHMARKS.md:
 *
 *   npx tsx test/bench/kind-scores.ts BACKTEST.json WAREHOUSE.duckdb [data/sample/planted.json]
 *
 * The warehouse is the one the backtest loaded (`backtest --db`), for each record's hospital and
 * source; the truth is the generator's planted.json (planted rises and survey drops, normal rises
 * as decoys, and planted serious events and harmless senses where it lists them).
 */
import { readFileSync } from 'node:fs';
import { openWarehouse, queryRows } from '../../pipeline/db.ts';
import { evaluateKinds, formatKindScores, type GroundTruth, type ScoredWarning } from '../../pipeline/warnings/kind-evaluation.ts';

const [backtestFile, warehouseFile, truthFile = 'data/sample/planted.json'] = process.argv.slice(2);
if (backtestFile === undefined || warehouseFile === undefined) throw new Error('usage: kind-scores.ts BACKTEST.json WAREHOUSE.duckdb [planted.json]');
const { warnings } = JSON.parse(readFileSync(backtestFile, 'utf8')) as { warnings: ScoredWarning[] };
const sample = JSON.parse(readFileSync(truthFile, 'utf8')) as GroundTruth & { normal_rises: GroundTruth['decoys']; decoys?: GroundTruth['decoys'] };
const truth: GroundTruth = { planted: sample.planted, sentinels: sample.sentinels, decoys: [...sample.normal_rises, ...(sample.decoys ?? [])] };
const warehouse = await openWarehouse(warehouseFile);
const rows = await queryRows<{ id: string; hospital: string; source: string }>(warehouse.connection, 'select id, hospital, source from fct_feedback');
warehouse.close();
// the truth codes hospitals (cn, vn, uk); the warehouse names them: a planted record links the two
const hospitalOf = new Map(rows.map((row) => [row.id, row.hospital]));
const hospitalCode = new Map(truth.planted.flatMap((problem) => problem.record_ids.filter((id) => hospitalOf.has(id)).map((id) => [hospitalOf.get(id)!, problem.hospital] as const)));
const facts = { hospitalCode, source: new Map(rows.map((row) => [row.id, row.source])) };
process.stdout.write(formatKindScores(evaluateKinds(warnings, truth, facts)));
