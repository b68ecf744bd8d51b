import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';
import { feedbackCsv } from '../ingest/fixtures.ts';

let ws: Workspace;
let browser: Browser;

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

/** A page of the site in a phone-sized window, with the errors it raised and the requests it made. */
async function openOnPhone(file: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
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
    expect(await warning.innerText()).toContain('心内科投诉 R1 已超过办理时限 2025-06-27 1 个工作日（督办第 1 级），责任人：科室主任。');
    expect(await warning.locator('details summary').innerText()).toBe('依据：1 条记录');
    await page.screenshot({ path: join(ws.root, 'department-phone.png'), fullPage: true });
    await context.close();
  });
});
