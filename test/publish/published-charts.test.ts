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
        ['issues.html', { i: '<figure>i</figure>' }],
        ['departments/急诊科.html', { b: '<figure>b</figure>', c: '<figure>c</figure>' }],
      ]),
      await readPublishedCharts(connection),
    );
    await recordPublishedCharts(
      connection,
      new Map<string, Record<string, string>>([
        ['issues.html', { i: '<figure>i</figure>' }],
        ['departments/急诊科.html', { c: '<figure>c</figure>', d: '<figure>d & "e"</figure>' }],
        ['leadership.html', {}],
      ]),
      await readPublishedCharts(connection),
    );
    expect(await readPublishedCharts(connection)).toEqual(
      new Map([
        ['issues.html', { i: '<figure>i</figure>' }],
        ['departments/急诊科.html', { c: '<figure>c</figure>', d: '<figure>d & "e"</figure>' }],
      ]),
    );
  });

  it('writes only the pages whose figures changed', async () => {
    const recorded = await readPublishedCharts(connection);
    // a page's row changed behind the record: a page with the same digests is not written again, so it stays
    await connection.run(`update published_charts set figure = '<figure>marked</figure>' where page = 'issues.html'`);
    await recordPublishedCharts(connection, new Map([...recorded, ['index.html', { e: '<figure>e</figure>' }]]), recorded);
    expect(await readPublishedCharts(connection)).toEqual(new Map([...recorded, ['issues.html', { i: '<figure>marked</figure>' }], ['index.html', { e: '<figure>e</figure>' }]]));
  });

  it('digests the drawing code the same way twice', async () => {
    const code = await drawingCode();
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await drawingCode()).toBe(code);
  });
});
