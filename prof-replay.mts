import { DuckDBInstance } from '@duckdb/node-api';
import { modelsOfStep } from './pipeline/plan.ts';
import { readSatisfactionSeries, watchSatisfaction, readSatisfactionDrops } from './pipeline/satisfaction/stage.ts';
import { addDays } from './pipeline/time.ts';
const db = await DuckDBInstance.create('/tmp/satwatch/replay.duckdb');
const c = await db.connect();
const models = modelsOfStep(c, 'satisfaction', 'satisfactionStatistics');
const series = await readSatisfactionSeries(c);
let charted: string | null = null;
for (let monday = '2024-11-18'; monday <= '2026-11-16'; monday = addDays(monday, 7)) {
  charted = await watchSatisfaction(c, series, addDays(monday, -1), models, charted);
  const drops = await readSatisfactionDrops(c);
  if (drops.length > 0) console.log(addDays(monday, -1), drops.map((d) => `${d.department} ${d.satisfaction?.section} ${d.satisfaction?.patient_type} ${d.satisfaction?.period} ${d.method} ${d.observed.toFixed(1)}/${d.expected.toFixed(1)} q=${d.satisfaction?.quotes.length}`).join(' | '));
}
console.log('done');
