import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';
import { feedbackCsv } from '../ingest/fixtures.ts';

let ws: Workspace;
let browser: Browser;

/** Where the screenshots for review go (HEARKEN_SCREENSHOTS, else a folder in the temporary directory). */
const SCREENSHOTS = process.env['HEARKEN_SCREENSHOTS'] ?? join(tmpdir(), 'hearken-screenshots');

/** Open complaints of 儿科 and 眼科: O3's due date (Thu 26 June, 3 working days for a process complaint) passes in the week to the as-of date 30 June, so 眼科 has that one warning. */
const OPEN_CASES = [
  'id,received_at,department,category,status,text',
  'O1,2025-06-02 09:00,儿科,cost,handling,收费不清楚',
  'O2,2025-06-03 09:00,儿科,facility,received,厕所很脏',
  'O3,2025-06-23 09:00,眼科,process,verifying,候诊区灯坏了',
].join('\n');

/**
 * A year of outpatient surveys for the leadership page: Khoa Nhi with 12 respondents a month to
 * June 2025, Khoa Cấp cứu with 3 in June (below the floor), and a response on 30 June, the test's
 * today, so that June is the latest complete month.
 */
function surveyCsv(): string {
  const lines = ['response_id,submitted_at,department,patient_type,q_a1,q_b1,q_d1,overall,recommend'];
  for (let k = 0; k < 12; k++) {
    const month = new Date(Date.UTC(2024, 6 + k, 1)).toISOString().slice(0, 7);
    for (let r = 0; r < 12; r++) {
      const score = (offset: number) => 3 + ((r + k + offset) % 3);
      lines.push(`L${k}-${r},${month}-${String(2 + r).padStart(2, '0')} 10:00,Khoa Nhi,outpatient,${score(0)},${score(1)},${score(2)},${score(0)},${(r * 7 + k) % 11}`);
    }
  }
  for (let r = 0; r < 3; r++) lines.push(`E${r},2025-06-1${r} 10:00,Khoa Cấp cứu,outpatient,4,4,4,4,9`);
  lines.push('L-last,2025-06-30 09:00,Khoa Nhi,outpatient,5,5,5,5,10');
  return `${lines.join('\n')}\n`;
}

/** A page of the site in a phone-sized window (or another), with the errors it raised and the requests it made. */
async function openOnPhone(file: string, options: { width?: number; height?: number; javaScriptEnabled?: boolean } = {}) {
  const { width = 390, height = 844, javaScriptEnabled = true } = options;
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(join(ws.out, file)).href);
  return { context, page, errors, requests };
}

describe.skipIf(!chromiumAvailable)('the published page in real Chromium', () => {
  beforeAll(async () => {
    ws = await createWorkspace();
    await ws.write('complaints.csv', feedbackCsv());
    // due Fri 27 June, past it from Saturday: the one case that passes its due date in the week to 30 June
    await ws.write('recent.csv', 'id,received_at,department,category,text\nR1,2025-06-24 09:00,心内科,process,排队太久\n');
    await ws.write('survey.csv', surveyCsv());
    await ws.write('open.csv', `${OPEN_CASES}\n`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ws.run({ lang: 'zh' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.dispose();
  });

  it('opens offline on a phone, in Chinese, with no error and nothing fetched from outside', async () => {
    const { context, page, errors, requests } = await openOnPhone('index.html');
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(await page.locator('h1').innerText()).toBe('hearken：患者反馈');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh');
    // the page itself never scrolls sideways; wide tables scroll inside their own box
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const reasons = await page.locator('h3 + .scroll tbody tr').first().innerText();
    expect(reasons).toMatch(/CSV 行格式损坏|缺少|接收时间|类型|满意度/);
    await page.screenshot({ path: join(ws.root, 'phone.png'), fullPage: true });
    await context.close();
  });

  it('opens the leadership page from the first page on a phone: the whole hospital first, nothing wider than the screen', async () => {
    const { context, page, errors, requests } = await openOnPhone('index.html');
    await page.click('a[href="leadership.html"]');
    await page.waitForURL(/leadership\.html$/);
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(await page.locator('h1').innerText()).toBe('患者满意度指数与投诉办理');
    // the body never scrolls sideways; the wide tables scroll inside their own boxes
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    // the page's own tables, not those of the charts' numbers (folded under each chart)
    const tables = page.locator('main > div.scroll table');
    const satisfaction = tables.first().locator('tbody tr');
    expect(await satisfaction.first().locator('td').first().innerText()).toBe('全院');
    expect(await satisfaction.first().locator('td').nth(2).innerText()).toMatch(/^\d+\.\d%/);
    const tooFew = satisfaction.filter({ hasText: 'Khoa Cấp cứu' });
    expect(await tooFew.innerText()).toContain('回答人数过少');
    expect(await tables.nth(1).locator('tbody tr').first().locator('td').first().innerText()).toBe('全院');
    // the charts are drawn, each with its text alternative, and fit the screen
    const charts = page.locator('figure.chart svg[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const chart of await charts.all()) {
      expect(await chart.getAttribute('aria-label')).toBeTruthy();
      expect(await chart.locator('desc').textContent()).toBeTruthy();
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    expect(await page.locator('figcaption').first().innerText()).toBe('全院：逐月满意度指数');
    await page.screenshot({ path: join(ws.root, 'leadership-phone.png'), fullPage: true });
    await context.close();
  });

  it('opens the issues page from the first page on a phone, escaped and nothing wider than the screen', async () => {
    const { context, page, errors, requests } = await openOnPhone('index.html');
    await page.click('a[href="issues.html"]');
    await page.waitForURL(/issues\.html$/);
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(await page.locator('h1').innerText()).toBe('高频事项');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    // the category report names each language the run read
    expect(await page.locator('h2').last().innerText()).toBe('缺失类别的推断方式');
    await context.close();
  });

  it('opens a department’s alert pack from the first page on a phone, with its warning', async () => {
    const { context, page, errors, requests } = await openOnPhone('index.html');
    await page.click('a[href="departments/index.html"]');
    await page.waitForURL(/departments\/index\.html$/);
    // 心内科 is cardiology (心血管内科 in the reference table), shown as the hospital writes it; its complaint R1 passed its due date in the week
    // to the as-of date 30 June: the one sla_breach warning (its complaint of March passed it long ago)
    await page.click('a[href="cardiology-zh.html"]');
    await page.waitForURL(/departments\/cardiology-zh\.html$/);
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(await page.locator('h1').innerText()).toBe('心内科');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const warning = page.locator('section').first();
    expect(await warning.locator('h3').innerText()).toBe('投诉超期未办结');
    expect(await warning.innerText()).toContain('心内科投诉 R1 已超过办理时限 2025年6月27日 1 个工作日（督办第 1 级），责任人：科室主任。');
    expect(await warning.locator('details summary').innerText()).toBe('依据：1 条记录');
    await page.screenshot({ path: join(ws.root, 'department-phone.png'), fullPage: true });
    await context.close();
  });
  it('filters and sorts the open-case list in the page from its Arrow data, and shows every row with scripts off', async () => {
    for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]] as const) {
      const { context, page, errors, requests } = await openOnPhone('leadership.html', { width, height });
      const list = page.locator('table[data-table="open_cases"]').first();
      const rows = list.locator('tbody tr:visible');
      const total = await rows.count();
      const department = page.locator('.filters').first().locator('select[data-field="department"]');
      await department.selectOption('儿科');
      // O1 and O2, nothing else
      expect(await rows.count()).toBe(2);
      expect(await page.locator('.filters output').first().innerText()).toBe(`显示 2 行，共 ${total} 行`);
      await page.locator('.filters').first().locator('select[data-field="category"]').selectOption({ label: '诊疗费用' });
      expect(await rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain('收费不清楚');
      await page.locator('.filters').first().locator('select[data-field="category"]').selectOption('');
      await department.selectOption('');
      expect(await rows.count()).toBe(total);
      // the received dates (ISO in each cell's <time datetime>), sorted by the Arrow data's column, up then down;
      // on a phone each case is a card under its labels (no heading row to click), in the list's due-date order
      const header = list.locator('thead th', { hasText: '受理日期' });
      const received = () => list.locator('tbody tr td:nth-child(5) time').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('datetime') ?? ''));
      if (name === 'desktop') {
        await header.click();
        expect(await header.getAttribute('aria-sort')).toBe('ascending');
        const up = await received();
        expect(up).toEqual([...up].sort());
        await header.click();
        expect(await received()).toEqual([...up].reverse());
      } else {
        expect(await header.isVisible()).toBe(false);
        expect(await page.evaluate<string>('getComputedStyle(document.querySelector(\'table[data-table="open_cases"] tbody tr td:nth-child(9)\')).display')).toBe('block');
      }
      expect(errors).toEqual([]);
      expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
      await page.locator('h2', { hasText: '未办结投诉清单' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, `open-cases-${name}.png`) });
      await context.close();
    }
    const { context, page } = await openOnPhone('leadership.html', { javaScriptEnabled: false });
    expect(await page.locator('.filters').count()).toBe(0);
    expect(await page.locator('table[data-table="open_cases"]').first().locator('tbody tr', { hasText: '候诊区灯坏了' }).isVisible()).toBe(true);
    await context.close();
  });

  it('lists the departments of a filter by the page’s names: the English page’s open cases filter by Ophthalmology', async () => {
    const { context, page, errors } = await openOnPhone('en/leadership.html', { width: 1280, height: 900 });
    const department = page.locator('.filters').first().locator('select[data-field="department"]');
    const labels = await department.locator('option').allInnerTexts();
    // 儿科 keeps its name on every page: this hospital also writes it Khoa Nhi (mart_department_page_names)
    expect(labels).toEqual(expect.arrayContaining(['Ophthalmology', 'Cardiology', '儿科']));
    expect(labels.some((label) => /眼科|心内科/.test(label))).toBe(false);
    await department.selectOption({ label: 'Ophthalmology' });
    // O3, as the Chinese page's 眼科
    const rows = page.locator('table[data-table="open_cases"]').first().locator('tbody tr:visible');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('候诊区灯坏了');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters this week’s warnings on the first page: the department 眼科 leaves its one warning', async () => {
    const { context, page, errors, requests } = await openOnPhone('index.html', { width: 1280, height: 900 });
    const rows = page.locator('table[data-table="warnings"] tbody tr:visible');
    expect(await rows.count()).toBeGreaterThan(1);
    await page.locator('select[data-field="department"]').selectOption('眼科');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').first().innerText()).toBe('投诉超期未办结');
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'warnings-filtered-desktop.png') });
    await context.close();
  });

  it('writes dates, and what each warning says, in the page’s language, keeping ISO for machines', async () => {
    const shown = [
      ['departments/cardiology-zh.html', '2025年6月27日', '心内科投诉 R1 已超过办理时限 2025年6月27日'],
      ['vi/departments/cardiology-zh.html', '27/06/2025', 'Khiếu nại R1 của Khoa Nội tim mạch đã quá hạn 27/06/2025'],
      ['en/departments/cardiology-zh.html', '27 Jun 2025', 'Complaint R1 of Cardiology: due 27 Jun 2025'],
    ] as const;
    for (const [file, due, summary] of shown) {
      const { context, page, errors } = await openOnPhone(file);
      const warning = page.locator('section').first();
      expect(await warning.innerText(), file).toContain(summary);
      expect(await warning.locator('time[datetime="2025-06-27"]').first().innerText(), file).toBe(due);
      // the build line: the as-of date as the language writes it, the ISO date in its datetime
      const asOf = page.locator('p.meta time').nth(1);
      expect(await asOf.getAttribute('datetime'), file).toBe('2025-06-30');
      expect(await asOf.innerText(), file).toBe({ zh: '2025年6月30日', vi: '30/06/2025', en: '30 Jun 2025' }[(await page.locator('html').getAttribute('lang')) as 'zh' | 'vi' | 'en']);
      expect(errors).toEqual([]);
      await context.close();
    }
    // the first page's list words each warning in its own language too, the department named in it (心内科 is cardiology)
    const { context, page } = await openOnPhone('en/index.html', { width: 1280, height: 900 });
    expect(await page.locator('table[data-table="warnings"] tbody').innerText()).toContain('Complaint R1 of Cardiology: due 27 Jun 2025');
    await context.close();
  });

  it('gives the heatmap of the quality office’s page a key to its colours', async () => {
    const { context, page } = await openOnPhone('en/issues.html');
    const legend = page.locator('figure.chart ul.legend');
    expect(await legend.count()).toBe(1);
    expect(await legend.locator('li').allInnerTexts()).toEqual(['× ¼ or less', '× ½', '× 1, as usual', '× 2', '× 4 or more', 'new this month (none before)', 'no usual level yet', 'outlined: 3 or more and at least twice the usual']);
    await context.close();
  });

  it('links every page to the same page in the other languages, and back', async () => {
    const { context, page, errors, requests } = await openOnPhone('index.html');
    await page.click('nav.languages a[hreflang="en"]');
    await page.waitForURL(/\/en\/index\.html$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('hearken: patient feedback');
    await page.click('a[href="departments/index.html"]');
    await page.click('a[href="cardiology-zh.html"]');
    await page.waitForURL(/\/en\/departments\/cardiology-zh\.html$/);
    await page.click('nav.languages a[hreflang="vi"]');
    await page.waitForURL(/\/vi\/departments\/cardiology-zh\.html$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('section h3').first().innerText()).toBe('Khiếu nại quá hạn giải quyết');
    await page.screenshot({ path: join(SCREENSHOTS, 'department-vi-phone.png'), fullPage: true });
    await page.click('nav.languages a[hreflang="zh"]');
    await page.waitForURL((url) => url.pathname.endsWith('/out/departments/cardiology-zh.html'));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh');
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    await context.close();
  });
});
