import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarOf } from '../pipeline/calendar.ts';
import { normalizeConfig } from '../pipeline/config.ts';
import { PipelineError } from '../pipeline/errors.ts';
import { createWorkspace, type Workspace } from './support/workspace.ts';

async function configWith(file: object, timezone = 'Asia/Shanghai') {
  const dir = await mkdtemp(join(tmpdir(), 'hearken-calendar-'));
  await writeFile(join(dir, 'hearken.config.json'), JSON.stringify(file));
  return normalizeConfig({ input: dir, lang: 'en', timezone });
}

describe('calendarOf', () => {
  it('derives the calendar from the file\'s time zone when the config names none', async () => {
    const config = await configWith({ timezones: { 'vn/**': 'Asia/Ho_Chi_Minh', 'saigon/**': 'Asia/Saigon', 'uk/**': 'Europe/London', 'hk/**': 'Asia/Hong_Kong' } });
    expect(config.calendar).toBeNull();
    expect(calendarOf('cn/a.csv', config)).toBe('CN');
    expect(calendarOf('vn/a.xlsx', config)).toBe('VN');
    expect(calendarOf('saigon/a.csv', config)).toBe('VN');
    expect(calendarOf('uk/a.jsonl', config)).toBe('none');
    expect(calendarOf('hk/a.csv', config)).toBe('none');
  });

  it('takes the first matching `calendars` glob, then `calendar`, and reads codes in any case', async () => {
    const config = await configWith({ calendar: 'vn', calendars: { 'clinic/**': 'None', 'clinic/cn/**': 'cn', 'cn/**': 'CN' } });
    expect(config.calendarsByPath).toEqual([
      { glob: 'clinic/**', calendar: 'none' },
      { glob: 'clinic/cn/**', calendar: 'CN' },
      { glob: 'cn/**', calendar: 'CN' },
    ]);
    expect(calendarOf('clinic/cn/a.csv', config)).toBe('none');
    expect(calendarOf('cn/a.csv', config)).toBe('CN');
    expect(calendarOf('a.csv', config)).toBe('VN');
  });

  it('refuses a calendar that is not a code', async () => {
    await expect(configWith({ calendar: 'China mainland' })).rejects.toThrow(/calendar: a calendar is a code such as CN, VN or none/);
  });
});

describe('a calendar holidays.csv does not hold', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await createWorkspace();
    await ws.write('hearken.config.json', JSON.stringify({ calendars: { 'th/**': 'TH' } }));
    await ws.write('a.csv', 'id,received_at,department,text\nA1,2025-03-03 09:00,急诊科,排队\n');
  });
  afterAll(async () => {
    await ws.dispose();
  });

  it('stops the run with a usage error naming the calendars there are', async () => {
    const error = await ws.run().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).message).toBe('unknown calendar: TH (holidays.csv has CN, VN; or use none)');
    expect((error as PipelineError).exitCode).toBe(2);
  });
});

describe('holidays a hospital adds in its own reference folder', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await createWorkspace();
    await ws.write('hearken.config.json', JSON.stringify({ reference_dirs: ['my-reference'] }));
    await ws.write('a.csv', 'id,received_at,department,category,text\nA1,2025-03-03 09:00,急诊科,process,排队\n');
  });
  afterAll(async () => {
    await ws.dispose();
  });

  // Mon 3 Mar 2025, process (3 working days): Tue 4, Wed 5, Thu 6 → due 6 Mar; with the hospital's
  // own day off on Tue 4 Mar (院庆): Wed 5, Thu 6, Fri 7 → due 7 Mar.
  it('counts them as days off', async () => {
    await ws.write('my-reference/holidays.csv', 'calendar,date,kind,name\nCN,2025-03-04,holiday,院庆\n');
    await ws.run();
    expect(await ws.query("select strftime(due_date, '%Y-%m-%d') as due from int_complaint_deadlines")).toEqual([{ due: '2025-03-07' }]);
  });

  it('refuses a date listed both as a holiday and as a working day', async () => {
    await ws.write('my-reference/holidays.csv', 'calendar,date,kind,name\nCN,2025-10-01,workday,值班\n');
    await expect(ws.run()).rejects.toThrow('holidays.csv: CN 2025-10-01: listed both as a holiday and as a workday');
  });
});
