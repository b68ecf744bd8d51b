// Issue 12 item 1 / issue 14 item 3: with several hospitals, every page is one hospital's, and the
// first page compares them side by side without adding them up.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hospitalPages, PAGES } from '../../pipeline/publish/publish.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

// Two hospitals writing the same language. As of Friday 13 June 2025 the latest complete month is
// May: east received 3 complaints (急诊科 ×3, one resolved) and 1 in April; west 2 (儿科, 眼科).
const header = 'id,received_at,department,category,kind,text,resolved_at';
const EAST = [
  header,
  'E0,2025-04-07 09:00,急诊科,process,complaint,排队太久,2025-04-08 09:00',
  'E1,2025-05-06 09:00,急诊科,process,complaint,挂号排队,2025-05-07 09:00',
  'E2,2025-05-07 09:00,急诊科,attitude,complaint,态度不好,',
  'E3,2025-05-08 09:00,急诊科,process,complaint,等候太久,',
  // due Monday 9 June (3 working days): past due this week, so a breach warning of this week
  'E4,2025-06-04 09:00,急诊科,process,complaint,排队太久,',
].join('\n');
const WEST = [
  header,
  'W1,2025-05-12 09:00,儿科,process,complaint,等候太久,',
  'W2,2025-05-13 09:00,眼科,facility,complaint,厕所很脏,',
  'W3,2025-06-04 09:00,儿科,process,complaint,排队太久,',
].join('\n');

let ws: Workspace;
const read = (file: string) => readFileSync(join(ws.out, file), 'utf8');
const dom = (file: string) => parseHTML(read(file)).document;

beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('east/complaints.csv', EAST);
  await ws.write('west/complaints.csv', WEST);
  await ws.run({ asOf: '2025-06-13' });
});
afterAll(async () => {
  await ws.dispose();
});

describe('a site of two hospitals', () => {
  it('publishes each hospital its own pages, and none of the one-hospital names but the first page', () => {
    for (const hospital of ['east', 'west']) {
      const pages = hospitalPages(hospital, true);
      expect(pages.leadership).toBe(`leadership.${hospital}.html`);
      for (const file of Object.values(pages)) expect(existsSync(join(ws.out, file)), file).toBe(true);
    }
    expect(PAGES.filter((file) => existsSync(join(ws.out, file)))).toEqual(['index.html']);
  });

  it('shows on each hospital page only its departments and its numbers, and says whose page it is', () => {
    // the site's default language is English: departments are named as the department table names them in it
    const east = read('leadership.east.html');
    const west = read('leadership.west.html');
    expect(east).toContain('Emergency Department');
    expect(east).not.toMatch(/Pediatrics|Ophthalmology|儿科|眼科/);
    expect(west).toMatch(/Pediatrics/);
    expect(west).not.toMatch(/Emergency Department|急诊科/);
    // on the Chinese pages, as the hospitals write them
    expect(read('zh/leadership.east.html')).toContain('急诊科');
    expect(read('zh/leadership.west.html')).not.toContain('急诊科');
    // the whole-hospital row of complaints received in May: 3 in east, 2 in west, never 5
    const complaints = (file: string) => [...dom(file).querySelectorAll('table')].find((table) => [...table.querySelectorAll('th')].some((th) => th.textContent === 'Received'));
    const allRow = (file: string) => [...(complaints(file)?.querySelectorAll('tbody tr') ?? [])].find((row) => row.textContent?.startsWith('Whole hospital'));
    expect(allRow('leadership.east.html')?.querySelectorAll('td')[1]?.textContent).toBe('3');
    expect(allRow('leadership.west.html')?.querySelectorAll('td')[1]?.textContent).toBe('2');
    for (const [file, hospital] of [
      ['leadership.east.html', 'east'],
      ['issues.west.html', 'west'],
      ['departments/index.east.html', 'east'],
    ] as const) {
      const meta = dom(file).querySelector('p.meta')?.textContent ?? '';
      expect(meta, file).toContain(`Hospital: ${hospital}`);
      expect(meta, file).toMatch(/from the data up to 13 Jun 2025\..*run /);
    }
    const departments = (file: string) => [...dom(file).querySelectorAll('tbody tr td:first-child a')].map((a) => a.textContent);
    expect(departments('departments/index.east.html')).toEqual(['Emergency Department']);
    expect(departments('departments/index.west.html').sort()).toEqual(['Ophthalmology', 'Pediatrics']);
    expect(departments('zh/departments/index.west.html').sort()).toEqual(['儿科', '眼科'].sort());
    // a department's own page names its hospital too
    const pack = dom('departments/index.east.html').querySelector('tbody tr td:first-child a')?.getAttribute('href') ?? '';
    expect(dom(`departments/${pack}`).querySelector('p.meta')?.textContent).toContain('Hospital: east');
  });

  it('compares the hospitals on the first page, one row each, with no pooled total', () => {
    const document = dom('index.html');
    const group = [...document.querySelectorAll('table')].find((table) => table.querySelector('th')?.textContent === 'Hospital' && table.querySelectorAll('th').length > 5);
    expect(group).toBeDefined();
    expect(group?.querySelector('tfoot')).toBeNull();
    const rows = [...(group?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''));
    // each hospital's name, its pages and latest reports under it
    expect(rows.map((cells) => cells[0])).toEqual([
      'eastindex and rates · issues · departments · 13 Jun 2025 · 2025-W23 · May 2025',
      'westindex and rates · issues · departments · 13 Jun 2025 · 2025-W23 · May 2025',
    ]);
    // complaints of May, east with April's 1 beside it
    expect(rows.map((cells) => cells[1])).toEqual(['3previous month 1', '2']);
    expect(rows.flat().join(' ')).not.toMatch(/\b5\b/);
    const links = [...(group?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['leadership.east.html', 'issues.west.html', 'departments/index.west.html']));
  });

  it('puts this week\'s warnings first, each with its hospital', () => {
    const document = dom('index.html');
    expect(document.querySelector('h2')?.textContent).toBe("This week's warnings");
    const warnings = document.querySelector('h2 + .scroll table');
    // kind, what happened, hospital, ...
    const hospitals = [...(warnings?.querySelectorAll('tbody tr td:nth-child(3)') ?? [])].map((cell) => cell.textContent);
    expect(hospitals.length).toBeGreaterThan(0);
    expect(new Set(hospitals)).toEqual(new Set(['east', 'west']));
  });
});
