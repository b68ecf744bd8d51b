import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_MANIFEST } from '../../pipeline/publish/out-folder.ts';
import { EXPORTS, PAGES } from '../../pipeline/publish/publish.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/** Identifiers planted in the input; none may reach any published file. */
const SECRETS = ['13812345678', '110101199003071234', '0912 345 678', 'li.wei@example.com', '079204001234', 'DN4797915123456'];

let ws: Workspace;
let published: Record<string, string>;

beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write(
    'complaints.csv',
    [
      'id,received_at,department,location,text,satisfied',
      '1,2025-03-01 09:00,急诊科,挂号窗口,请回电 13812345678，身份证 110101199003071234,',
      '2,2025-03-01 10:00,Khoa Nhi,,Gọi lại cho tôi: 0912 345 678; CCCD 079204001234; thẻ BHYT DN4797915123456,',
      '3,2025-03-01 11:00,<script>alert(1)</script>,,"Write to li.wei@example.com <b>now</b>",',
      // quarantined: the offending value itself holds a phone number
      '4,2025-03-01 12:00,急诊科,,满意度,13812345678',
    ].join('\n'),
  );
  // rejected whole: its name, in the summary and in the reason that quotes it, holds a phone number
  await ws.write('export-13812345678.xlsx', 'id,received_at\n');
  await ws.run();
  published = {};
  const walk = (dir: string, prefix = '') => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (!entry.name.endsWith('.parquet')) published[`${prefix}${entry.name}`] = readFileSync(path, 'utf8');
    }
  };
  walk(ws.out);
});

afterAll(async () => {
  await ws.dispose();
});

describe('what is published', () => {
  it('holds the site in three languages, the summary, the warnings and the exports', () => {
    // one alert pack per department, page and JSON: 急诊科, Khoa Nhi, and the unknown name holding markup
    const slugs = ['emergency-zh', 'pediatrics-vi', 'd-5c140d35dc'];
    const pages = [...PAGES, ...slugs.map((slug) => `departments/${slug}.html`)];
    expect(Object.keys(published).sort()).toEqual([
      ...Object.keys(EXPORTS).map((name) => `data/${name}.csv`),
      // English (the default) at the root, the other languages in their folders
      ...pages,
      ...['zh', 'vi'].flatMap((language) => pages.map((page) => `${language}/${page}`)),
      ...slugs.map((slug) => `departments/${slug}.json`),
      // the data of the filterable tables, and the scripts that read it
      'index.tables.js',
      'leadership.tables.js',
      'departments/index.tables.js',
      'assets/apache-arrow.js',
      'assets/apache-arrow.LICENSE.txt',
      'assets/tables.js',
      // the reports of the one day of data (2025-03-01, a Saturday: no week or month has ended)
      'reports/index.html',
      'reports/daily/2025-03-01.html',
      'reports/daily/2025-03-01.md',
      'run-summary.json',
      'warnings.json',
      SITE_MANIFEST,
    ].sort());
  });

  it.each(SECRETS)('never contains %s', (secret) => {
    for (const [name, text] of Object.entries(published)) expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
  });

  it('has no identifier in the Parquet export either', async () => {
    const rows = await ws.query<{ text: string }>(`select text_redacted as text from read_parquet('${join(ws.out, 'data/feedback.parquet')}')`);
    const all = rows.map((r) => r.text).join('\n');
    for (const secret of SECRETS) expect(all.includes(secret)).toBe(false);
    expect(all).toContain('[phone]');
  });

  it('has no identifier in the partitioned Parquet export', async () => {
    const rows = await ws.query<{ text: string }>(`select text_redacted as text from read_parquet('${join(ws.out, 'data/partitioned/feedback')}/*/*/*.parquet', hive_partitioning = true)`);
    const all = rows.map((r) => r.text).join('\n');
    for (const secret of SECRETS) expect(all.includes(secret)).toBe(false);
    expect(all).toContain('[phone]');
  });

  it('redacts the names a rejected file\'s reason quotes, as its path and error', () => {
    const summary = JSON.parse(published['run-summary.json'] ?? '{}') as { files: { path: string; error?: string; rejection?: unknown }[] };
    expect(summary.files.find((file) => file.rejection !== undefined)).toMatchObject({
      path: 'export-[phone].xlsx',
      error: 'export-[phone].xlsx is not a valid .xlsx file: it is not a zip archive (a CSV or other text renamed to .xlsx?)',
      rejection: { reason: 'rejection.xlsxNotZip', values: { file: 'export-[phone].xlsx' } },
    });
  });

  it('escapes every string in the page', () => {
    const html = published['index.html'] ?? '';
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says when and from what data the page was built', () => {
    // the time as the hospital's zone reads it, the instant itself in the datetime
    expect(published['index.html']).toMatch(/Built <time datetime="2025-06-30T12:00:00\+08:00">\d{1,2} Ju[nl] 2025, \d\d:\d\d \([^)]+\)<\/time> from the data up to <time datetime="2025-03-01">1 Mar 2025<\/time>\./);
  });
});
