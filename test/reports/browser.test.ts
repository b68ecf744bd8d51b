import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../dashboards/reports/report-html.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

let ws: Workspace;
let browser: Browser;

/**
 * Two months of complaints, three a day in three departments, each text long and one of them a
 * single unbroken 300-character word, so that a table cell that does not wrap would push the
 * page sideways; none resolved, so every day has overdue cases.
 */
function complaintsCsv(): string {
  const lines = ['id,received_at,department,category,kind,channel,text'];
  const departments = ['Khoa Cấp cứu', 'Khoa Nhi', 'Phòng Tài chính kế toán'];
  for (let day = 0; day < 61; day++) {
    const date = new Date(Date.UTC(2025, 3, 1 + day)).toISOString().slice(0, 10);
    departments.forEach((department, k) => {
      const text = k === 0 ? 'x'.repeat(300) : `Chờ quá lâu ở quầy thu ngân, không ai hướng dẫn, ngày ${date} lần ${k} <i>rất</i> mệt`;
      lines.push(`R${day}-${k},${date} 0${k + 7}:30,${department},process,complaint,gov_hotline,"${text}"`);
    });
  }
  return `${lines.join('\n')}\n`;
}

/** A published file in a phone-sized window, with the errors it raised and the requests it made. */
async function open(file: string, width = 390): Promise<{ page: Page; errors: string[]; requests: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(join(ws.out, file)).href);
  return { page, errors, requests, close: () => context.close() };
}

const sidewaysOverflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

describe.skipIf(!chromiumAvailable)('the reports in real Chromium', () => {
  beforeAll(async () => {
    ws = await createWorkspace();
    await ws.write('complaints.csv', complaintsCsv());
    await ws.run({ lang: 'vi', asOf: '2025-05-31' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.dispose();
  });

  it('are reached from the first page, open offline on a phone and never scroll sideways', async () => {
    const { page, errors, requests, close } = await open('index.html');
    await page.click('a[href="reports/index.html"]');
    await page.waitForURL(/reports\/index\.html$/);
    // the latest week that ended on or before Saturday 31 May is W21, Monday 19 to Sunday 25 May
    for (const [link, title] of [['daily/2025-05-31.html', 'Bản tin ngày 31/05/2025'], ['weekly/2025-W21.html', 'Tổng hợp tuần 2025-W21 (19/05/2025 đến 25/05/2025)'], ['monthly/2025-04.html', 'Phân tích tháng 04/2025']] as const) {
      await page.goto(pathToFileURL(join(ws.out, 'reports', link)).href);
      expect(await page.locator('h1').innerText()).toBe(title);
      expect(await sidewaysOverflow(page), link).toBeLessThanOrEqual(0);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    await close();
  });

  it('break a Chinese heading on a phone between words, never inside a date', async () => {
    const title = '周汇总 2026-W46（2026年11月9日 至 2026年11月15日）';
    const table = { kind: 'table' as const, header: ['预警', '涉及', '新开', '已关闭'], rows: [['投诉超过办理时限', 'Khoa Cấp cứu · 医疗质量', '2026年11月15日', '']], numeric: [], unbroken: [2] };
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.setContent(renderReportHtml({ language: 'zh', title, meta: [], sections: [{ heading: '本周新开和关闭的预警', blocks: [table] }] }));
    // the line each character of an element's text is drawn on (its top, in px)
    const lines = (selector: string) =>
      page.evaluate<number[]>(`(() => {
        const text = document.querySelector(${JSON.stringify(selector)}).firstChild;
        const range = document.createRange();
        return [...text.textContent].map((_, i) => { range.setStart(text, i); range.setEnd(text, i + 1); return Math.round(range.getBoundingClientRect().top); });
      })()`);
    const heading = await lines('h1');
    // by hand: the heading needs more than one line at 390 px; each date stays on one
    expect(new Set(heading).size).toBeGreaterThan(1);
    for (const date of ['2026年11月9日', '2026年11月15日']) {
      const start = title.indexOf(date);
      expect(new Set(heading.slice(start, start + date.length)).size).toBe(1);
    }
    expect(await sidewaysOverflow(page)).toBe(0);
    await context.close();
  });

  it('print on A4 pages without overflowing them', async () => {
    const { page, close } = await open('reports/monthly/2025-04.html', 1200);
    await page.emulateMedia({ media: 'print' });
    // A4 less the 12 mm side margins, at 96 px to the inch: 186 mm
    await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 1000 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    // A4 is 210 × 297 mm, 595 × 842 points
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/);
    await close();
    const daily = await open('reports/daily/2025-05-31.html', 703);
    await daily.page.emulateMedia({ media: 'print' });
    expect(await sidewaysOverflow(daily.page)).toBeLessThanOrEqual(0);
    await daily.close();
  });

  it('escape what the records wrote', () => {
    const html = readFileSync(join(ws.out, 'reports/daily/2025-05-31.html'), 'utf8');
    expect(html).toContain('&lt;i&gt;rất&lt;/i&gt;');
    expect(html).not.toContain('<i>');
  });
});
