import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKLOG_COMPLAINTS, BACKLOG_HEADER } from '../support/backlog-complaints.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * The reports of contract section 7 on a small fixture, worked by hand at the as-of date Fri 13 Jun
 * 2025 (calendar CN, the workspace's Asia/Shanghai; 端午节 closes Sat 31 May .. Mon 2 Jun; due
 * dates count working days after the day of receipt: process 3, attitude 7, quality and cost 15;
 * the same complaints as test/marts/complaint_backlog.test.ts, whose due dates are worked there).
 *   B4 急诊科 process, Mon 12 May, resolved 20 Jun; due Thu 15 May.
 *   B3 急诊科 quality, Thu 29 May, open; due Fri 20 Jun.
 *   B7 心血管内科 attitude, Fri 30 May, open; due Wed 11 Jun.
 *   B5 急诊科 process, Mon 2 Jun, resolved Wed 4 Jun; due Thu 5 Jun: within its time limit.
 *   B2 急诊科 process, Fri 6 Jun, open; due Wed 11 Jun.
 *   P1 心血管内科 praise, Tue 10 Jun.
 *   B1 急诊科 process, Thu 12 Jun, open, its text with markup and a phone number.
 *   B8 心血管内科 cost, Fri 13 Jun 08:00; C1 急诊科 consultation, Fri 13 Jun.
 *   B6 急诊科 process, Mon 16 Jun: after the as-of date.
 * Periods: days 12 May .. 13 Jun (the first record to the as-of date, under the 90-day cap); ISO
 * weeks W20 (12-18 May) .. W23 (2-8 Jun), W24 not ended; months 2025-05 only.
 */
const CSV = [
  BACKLOG_HEADER,
  'B1,2025-06-12 09:00,急诊科,process,complaint,"排队 <b>太久</b> | *快* 电话13812345678",handling,',
  ...BACKLOG_COMPLAINTS,
  'C1,2025-06-13 10:00,急诊科,,consultation,咨询挂号,,',
  'P1,2025-06-10 09:00,心血管内科,,praise,感谢,,',
].join('\n');

let ws: Workspace;
const read = (path: string) => readFileSync(join(ws.out, 'reports', path), 'utf8');
const list = (folder: string) => readdirSync(join(ws.out, 'reports', folder)).sort();

beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('complaints.csv', CSV);
  await ws.run({ asOf: '2025-06-13' });
});
afterAll(async () => {
  await ws.dispose();
});

describe('report files and periods', () => {
  it('writes a daily bulletin for every day from the first record to the as-of date, as HTML and Markdown', () => {
    const files = list('daily');
    expect(files).toHaveLength(2 * 33);
    expect(files[0]).toBe('2025-05-12.html');
    expect(files.at(-1)).toBe('2025-06-13.md');
  });

  it('writes the ISO weeks that have ended and the months that have ended', () => {
    expect(list('weekly')).toEqual(['2025-W20.html', '2025-W20.md', '2025-W21.html', '2025-W21.md', '2025-W22.html', '2025-W22.md', '2025-W23.html', '2025-W23.md']);
    expect(list('monthly')).toEqual(['2025-05.html', '2025-05.md']);
  });

  it('links the reports from the index page and lists them in reports/index.html', () => {
    const index = readFileSync(join(ws.out, 'index.html'), 'utf8');
    expect(index).toContain('href="reports/index.html"');
    expect(index).toContain('href="reports/daily/2025-06-13.html"');
    expect(index).toContain('href="reports/weekly/2025-W23.html"');
    expect(index).toContain('href="reports/monthly/2025-05.html"');
    expect(read('index.html')).toContain('href="daily/2025-05-12.md"');
    expect(read('index.html')).toMatch(/Built <time datetime="2025-06-30T12:00:00\+08:00">\d{1,2} Ju[nl] 2025, \d\d:\d\d \([^)]+\)<\/time> from the data up to <time datetime="2025-06-13">13 Jun 2025<\/time>\./);
  });

  it('lists every report in the site manifest', () => {
    const manifest = JSON.parse(readFileSync(join(ws.out, '.hearken-site.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(expect.arrayContaining(['reports/index.html', 'reports/daily/2025-06-13.md', 'reports/monthly/2025-05.html']));
  });
});

describe('daily bulletin', () => {
  it('counts the day by kind and lists its new complaints (13 Jun: B8, and C1 a consultation)', () => {
    const md = read('daily/2025-06-13.md');
    expect(md).toContain('| Complaints | 1 |');
    expect(md).toContain('| Consultations | 1 |');
    expect(md).toContain('| 08:00 | Cardiology | cost | 收费 |');
  });

  it('counts all overdue and the newly overdue: 12 Jun, B2 and B7 (due 11 Jun) newly, B4 since 16 May', () => {
    const md = read('daily/2025-06-12.md');
    expect(md).toContain('At the end of the day 3 complaints were open past their due date; 2 of them became overdue that day.');
    expect(md).toContain('| B2 | Emergency Department | process | 6 Jun 2025 | 11 Jun 2025 |');
    expect(md).toContain('| B7 | Cardiology | attitude | 30 May 2025 | 11 Jun 2025 |');
    // working days overdue on 12 Jun: B4 19 (16 May .. 12 Jun, 端午节 off), B2 and B7 1 (12 Jun)
    expect(md).toContain('| Emergency Department | 2 | 19 |');
    expect(md).toContain('| Cardiology | 1 | 1 |');
  });

  it('finds nothing newly overdue on 13 Jun and 3 overdue in all; B4 was overdue first on 16 May', () => {
    expect(read('daily/2025-06-13.md')).toContain('At the end of the day 3 complaints were open past their due date; 0 of them became overdue that day.');
    expect(read('daily/2025-05-16.md')).toContain('| B4 | Emergency Department | process | 12 May 2025 | 15 May 2025 |');
  });

  it('publishes redacted text only, escaped in HTML and in Markdown', () => {
    const html = read('daily/2025-06-12.html');
    const md = read('daily/2025-06-12.md');
    expect(html).toContain('排队 &lt;b&gt;太久&lt;/b&gt; | *快* 电话[phone]');
    expect(html).not.toContain('<b>');
    expect(md).toContain('排队 \\<b\\>太久\\</b\\> \\| \\*快\\* 电话\\[phone\\]');
    expect(html + md).not.toContain('13812345678');
  });

  it('prints on A4', () => {
    expect(read('daily/2025-06-12.html')).toContain('@page { size: A4;');
  });
});

describe('weekly summary', () => {
  it('compares the week with the mean of the weeks before: W23 had 2 process complaints, W20-W22 1, 0, 0', () => {
    const md = read('weekly/2025-W23.md');
    expect(md).toContain('| All complaints | 2 | 1 | +1 |');
    expect(md).toContain('| process | 2 | 0.3 | +1.7 |');
    expect(md).toContain('| quality | 0 | 0.3 | −0.3 |');
  });

  it('gives the handling rates of the week’s complaints with their counts (B2 open, B5 closed in time)', () => {
    const md = read('weekly/2025-W23.md');
    expect(md).toContain('| Response rate | 0% | 0 of 2 |');
    expect(md).toContain('| Closure rate | 50% | 1 of 2 |');
    expect(md).toContain('| Closed within the time limit | 100% | 1 of 1 |');
    expect(md).toContain('| Complainant satisfaction | – | 0 of 0 |');
  });

  it('has no expected value in the first week of the data', () => {
    expect(read('weekly/2025-W20.md')).toContain('| All complaints | 1 | – | – |');
  });
});

describe('monthly analysis', () => {
  it('names the departments in the report’s language, as the site’s pages do (急诊科 in an English report is Emergency Department)', () => {
    const md = read('monthly/2025-05.md');
    expect(md).not.toMatch(/急诊科|心血管内科/);
    expect(md).toContain('| Emergency Department | 2 | – | – |');
  });

  it('counts May by category, department and channel, with no month before the data', () => {
    const md = read('monthly/2025-05.md');
    expect(md).toContain('Complaints in 2025-05: 3 (month before –, same month last year –).');
    expect(md).toContain('| process | 1 | – | – |');
    expect(md).toContain('| Emergency Department | 2 | – | – |');
    expect(md).toContain('| Cardiology | 1 | – | – |');
  });

  it('gives the month’s handling rates from the kpis mart (B4 closed after its due date)', () => {
    const md = read('monthly/2025-05.md');
    expect(md).toContain('| Closure rate | 33.3% | – | – |');
    expect(md).toContain('| Closed within the time limit | 0% | – | – |');
  });

  it('says so when there is no topic to propose and no fix under review, instead of inventing them', () => {
    const md = read('monthly/2025-05.md');
    expect(md).toContain('No recurring issue to propose: no high-frequency theme this month, or each is already being fixed.');
    expect(md).toContain('No fix under review in the month: a hospital records its fixes in fixes.csv in the input folder.');
  });
});

describe('earlier periods', () => {
  it('are published again, byte for byte, by a later run; a rerun changes no report', async () => {
    const before = Object.fromEntries(['daily/2025-06-12.md', 'daily/2025-06-12.html', 'weekly/2025-W22.md', 'weekly/2025-W23.html', 'monthly/2025-05.md', 'monthly/2025-05.html'].map((path) => [path, read(path)]));
    const daily = list('daily');
    await ws.run({ asOf: '2025-06-13' });
    expect(list('daily')).toEqual(daily);
    expect(read('daily/2025-06-13.md')).toBeDefined();
    await ws.run({ asOf: '2025-06-20' });
    for (const [path, text] of Object.entries(before)) expect(read(path), path).toBe(text);
    expect(list('weekly')).toContain('2025-W24.md');
    expect(list('daily')).toContain('2025-06-20.html');
    expect(list('daily')).toContain('2025-05-12.html');
  });
});
