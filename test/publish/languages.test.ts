// Issue 14 items 2, 5 and 6: one run publishes every page of the registry in zh, vi and en, the
// default language (--lang) at the contract's paths, every link of every page leading somewhere,
// and the filterable tables' data as Arrow IPC that matches the rows the page shows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

// Two hospitals, as of Friday 13 June 2025: east's 急诊科 has an open complaint due Monday 9 June
// (a breach warning of this week), west's 儿科 one due the same day.
const header = 'id,received_at,department,category,kind,text,resolved_at';
const EAST = [header, 'E1,2025-05-06 09:00,急诊科,process,complaint,挂号排队,2025-05-07 09:00', 'E4,2025-06-04 09:00,急诊科,process,complaint,排队太久,'].join('\n');
const WEST = [header, 'W2,2025-05-13 09:00,眼科,facility,complaint,厕所很脏,', 'W3,2025-06-04 09:00,儿科,process,complaint,排队太久,'].join('\n');

let ws: Workspace;
const read = (file: string) => readFileSync(join(ws.out, file), 'utf8');
const dom = (file: string) => parseHTML(read(file)).document;

/** Every file under a folder, relative to it, with `/`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** The pages of one language: the site's pages under its folder ('' for the default), without reports. */
function pagesOf(folder: string): string[] {
  const all = filesUnder(ws.out).filter((file) => file.endsWith('.html') && !file.startsWith('reports/'));
  return folder === ''
    ? all.filter((file) => !/^(zh|vi|en)\//.test(file))
    : all.filter((file) => file.startsWith(folder)).map((file) => file.slice(folder.length));
}

/** The tables a page's data script sets, decoded from Arrow IPC. */
function tablesOf(file: string) {
  const self: { hearkenTables?: Record<string, string> } = {};
  new Function('self', read(file))(self);
  return Object.fromEntries(Object.entries(self.hearkenTables ?? {}).map(([name, base64]) => [name, tableFromIPC(new Uint8Array(Buffer.from(base64, 'base64')))]));
}

beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('east/complaints.csv', EAST);
  await ws.write('west/complaints.csv', WEST);
  await ws.run({ asOf: '2025-06-13', lang: 'vi' });
});
afterAll(async () => {
  await ws.dispose();
});

describe('a site in three languages', () => {
  it('publishes the default language at the contract’s paths and the same pages in zh/ and en/', () => {
    const root = pagesOf('');
    expect(root).toContain('index.html');
    expect(root).toContain('leadership.east.html');
    expect(root).toContain('departments/index.west.html');
    expect(pagesOf('zh/').sort()).toEqual([...root].sort());
    expect(pagesOf('en/').sort()).toEqual([...root].sort());
    expect(existsSync(join(ws.out, 'vi'))).toBe(false);
    expect(dom('index.html').documentElement.getAttribute('lang')).toBe('vi');
    expect(dom('zh/index.html').querySelector('h1')?.textContent).toBe('hearken：患者反馈');
    expect(dom('en/index.html').querySelector('h1')?.textContent).toBe('hearken: patient feedback');
    expect(dom('en/leadership.east.html').documentElement.getAttribute('lang')).toBe('en');
  });

  it('says on a hospital’s leadership page that it has no surveys, rather than too few months', () => {
    const page = read('en/leadership.east.html');
    expect(page).toContain('This hospital has no survey responses, so it has no satisfaction index');
    expect(page).not.toContain('Too few months');
  });

  it('leads every link and script of every page to a file of the site', () => {
    const broken: string[] = [];
    for (const folder of ['', 'zh/', 'en/']) {
      for (const page of pagesOf(folder)) {
        const file = `${folder}${page}`;
        for (const element of dom(file).querySelectorAll('a[href], link[href], script[src]')) {
          const target = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
          if (target.startsWith('#')) continue;
          if (!existsSync(join(ws.out, dirname(file), target.split('#')[0] ?? ''))) broken.push(`${file} → ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('links each page to itself in the other two languages, marked with their language', () => {
    const links = [...dom('en/departments/index.east.html').querySelectorAll('nav.languages a')].map((a) => [a.getAttribute('hreflang'), a.getAttribute('href')]);
    expect(links).toEqual([
      ['zh', '../../zh/departments/index.east.html'],
      ['vi', '../../departments/index.east.html'],
    ]);
  });

  it('ships apache-arrow and the tables script in the site, without a source map to ask for', () => {
    expect(read('assets/apache-arrow.js')).toContain('tableFromIPC');
    expect(read('assets/apache-arrow.js')).not.toContain('sourceMappingURL');
    expect(existsSync(join(ws.out, 'assets/tables.js'))).toBe(true);
  });

  it('gives this week’s warning list its rows as Arrow: each row of the page names its row of the data', () => {
    const { warnings } = tablesOf('index.tables.js');
    const rows = [...dom('zh/index.html').querySelectorAll('table[data-table="warnings"] tbody tr')];
    // one breach warning per hospital's case past its due date this week: E4 and W3
    expect(rows).toHaveLength(2);
    expect(warnings?.numRows).toBe(2);
    const shown = rows.map((row) => {
      const key = Number(row.getAttribute('data-row'));
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
      // kind, what happened, hospital, department, severity, due date, status
      return [cells[2], cells[3], warnings?.getChild('hospital')?.get(key), warnings?.getChild('department')?.get(key), warnings?.getChild('kind')?.get(key)];
    });
    expect(shown.sort()).toEqual([
      ['east', '急诊科', 'east', '急诊科', 'sla_breach'],
      ['west', '儿科', 'west', '儿科', 'sla_breach'],
    ]);
  });

  it('gives a hospital’s open-case list and department table their own data, the same in every language', () => {
    const { open_cases: cases } = tablesOf('leadership.east.tables.js');
    // east's one open complaint, E4, received 4 June
    expect(cases?.numRows).toBe(1);
    expect(cases?.getChild('received_date')?.get(0)).toBe('2025-06-04');
    expect(cases?.getChild('category')?.get(0)).toBe('process');
    for (const file of ['leadership.east.html', 'zh/leadership.east.html', 'en/leadership.east.html']) {
      expect(dom(file).querySelector('table[data-table="open_cases"] tbody tr')?.getAttribute('data-row'), file).toBe('0');
    }
    const { departments } = tablesOf('departments/index.west.tables.js');
    const byDepartment = Object.fromEntries(Array.from({ length: departments?.numRows ?? 0 }, (_, k) => [departments?.getChild('department')?.get(k), departments?.getChild('high')?.get(k)]));
    expect(Object.keys(byDepartment).sort()).toEqual(['儿科', '眼科'].sort());
  });
});
