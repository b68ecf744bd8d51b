import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModel } from '../../pipeline/db.ts';
import { drawingCode, readPublishedCharts, recordPublishedCharts } from '../../pipeline/publish/pages/published-charts.ts';

let connection: DuckDBConnection;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  await runModel(connection, 'landing/published_charts');
});

afterAll(() => connection.closeSync());

describe('published charts', () => {
  it('gives back, by page, the figures the last site recorded, and only those', async () => {
    await recordPublishedCharts(
      connection,
      new Map<string, Record<string, string>>([
        ['index.html', { a: '<figure>a</figure>' }],
        ['departments/急诊科.html', { b: '<figure>b</figure>', c: '<figure>c</figure>' }],
      ]),
    );
    await recordPublishedCharts(
      connection,
      new Map<string, Record<string, string>>([
        ['departments/急诊科.html', { c: '<figure>c</figure>', d: '<figure>d & "e"</figure>' }],
        ['leadership.html', {}],
      ]),
    );
    expect(await readPublishedCharts(connection)).toEqual(new Map([['departments/急诊科.html', { c: '<figure>c</figure>', d: '<figure>d & "e"</figure>' }]]));
  });

  it('digests the drawing code the same way twice', async () => {
    const code = await drawingCode();
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await drawingCode()).toBe(code);
  });
});
