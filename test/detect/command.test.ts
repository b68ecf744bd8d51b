import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { queryRows } from '../../pipeline/db.ts';
import { autoDetector } from '../../pipeline/detect/methods.ts';
import { buildSeries } from '../../pipeline/detect/series-input.ts';
import { capture } from '../support/captured-io.ts';
import { SHARED } from '../support/shared.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const R_VECTORS = join(SHARED, 'vectors/public');

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
});
afterAll(async () => {
  await ws.dispose();
});

describe('hearken detect, through the contract, against R surveillance 1.20.3', () => {
  it('agrees with R on every alarm of the first 25 public series, bounds within 1e-8', async () => {
    const input = join(ws.root, 'series.csv');
    const out = join(ws.root, 'alarms.csv');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `copy (select * from read_csv('${join(R_VECTORS, 'series.csv')}', all_varchar = true)
             where series in (select distinct series from read_csv('${join(R_VECTORS, 'series.csv')}', all_varchar = true) order by series limit 25))
       to '${input}' (header)`,
    );
    expect(await main(['detect', '--input', input, '--out', out], capture().io)).toBe(0);
    const agreement = await queryRows<{ method: string; rows: number; agree: number; worst: number | null; missing: number }>(
      connection,
      `with ours as (select * from read_csv('${out}', all_varchar = true)),
            r as (select * from read_csv('${join(R_VECTORS, 'r_alarms.csv')}', all_varchar = true)
                  where series in (select series from ours) and method in (select method from ours))
       select r.method, count(*)::integer as rows,
              avg(case when coalesce(nullif(r.alarm, ''), '0') = ours.alarm then 1 else 0 end)::double as agree,
              max(abs(r.upperbound::double - ours.upperbound::double) / greatest(abs(r.upperbound::double), 1e-9)) as worst,
              count(*) filter (where ours.series is null)::integer as missing
       from r left join ours using (series, period, method)
       group by r.method order by r.method`,
    );
    connection.closeSync();
    instance.closeSync();
    expect(agreement.map((a) => a.method)).toEqual(['cusum', 'ears_c1', 'ears_c2', 'ears_c3', 'farrington_flexible']);
    for (const method of agreement) {
      expect(method.missing, method.method).toBe(0);
      expect(method.agree, method.method).toBe(1);
      expect(method.worst ?? 0, method.method).toBeLessThan(1e-8);
    }
  });
});

describe('count series input', () => {
  it('fills a missing week with 0 and labels it in the series own kind', () => {
    const rows = (periods: string[]) => periods.map((period, i) => ({ series: 's', period, count: String(i + 1) }));
    expect(buildSeries(rows(['3', '1', '4']), 'en')).toEqual([{ name: 's', periods: ['1', '2', '3', '4'], counts: [2, 0, 1, 3] }]);
    expect(buildSeries(rows(['2025-01-06', '2025-01-20']), 'en')[0]).toEqual({ name: 's', periods: ['2025-01-06', '2025-01-13', '2025-01-20'], counts: [1, 0, 2] });
    // ISO weeks across a year end: 2020 has 53 weeks
    expect(buildSeries(rows(['2020-W52', '2021-W01']), 'en')[0]?.periods).toEqual(['2020-W52', '2020-W53', '2021-W01']);
    expect(buildSeries([{ series: 's', period: '1', count: 'NA' }], 'en')[0]?.counts).toEqual([Number.NaN]);
  });

  it('says what is wrong, in one line, with exit 2', async () => {
    const messages: string[] = [];
    const bad = async (csv: string) => {
      const { err, io } = capture();
      const input = join(ws.root, 'bad.csv');
      await import('node:fs/promises').then((fs) => fs.writeFile(input, csv));
      const code = await main(['detect', '--input', input, '--out', join(ws.root, 'x.csv')], io);
      messages.push(err.join(''));
      return { code, message: err.join('') };
    };
    expect(await bad('series,week,count\ns,1,2\n')).toEqual({ code: 2, message: expect.stringMatching(/has no period column/) });
    expect(await bad('series,period,count\ns,1,-2\n')).toEqual({ code: 2, message: expect.stringMatching(/count must be a whole number ≥ 0, not -2/) });
    expect(await bad('series,period,count\ns,1,2\ns,2025-01-06,3\n')).toEqual({ code: 2, message: expect.stringMatching(/periods mix/) });
    expect(await bad('series,period,count\ns,1,2\ns,1,3\n')).toEqual({ code: 2, message: expect.stringMatching(/given twice/) });
    expect(messages.join('')).not.toMatch(/\n\s+at /);
  });
});

describe('auto', () => {
  it('raises no alarm on fewer than 5 cases in 4 weeks, where EARS C2 alone would', () => {
    const quiet = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3];
    expect(autoDetector(quiet).at(-1)).toMatchObject({ alarm: 0 });
    const loud = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 6];
    expect(autoDetector(loud).at(-1)).toMatchObject({ alarm: 1 });
  });

  it('writes the contract header and one row per series, method and week', async () => {
    const input = join(ws.root, 'one.csv');
    const out = join(ws.root, 'one-out.csv');
    await import('node:fs/promises').then((fs) => fs.writeFile(input, 'series,period,count\n"急诊科, 排队",1,3\n"急诊科, 排队",2,4\n'));
    expect(await main(['detect', '--input', input, '--out', out, '--method', 'auto'], capture().io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('series,period,method,count,expected,upperbound,alarm\n"急诊科, 排队",1,auto,3,,,0\n"急诊科, 排队",2,auto,4,,,0\n');
  });
});
