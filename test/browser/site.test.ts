import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';
import { feedbackCsv } from '../ingest/fixtures.ts';

let ws: Workspace;
let browser: Browser;

describe.skipIf(!chromiumAvailable)('the published page in real Chromium', () => {
  beforeAll(async () => {
    ws = await createWorkspace();
    await ws.write('complaints.csv', feedbackCsv());
    await ws.run({ lang: 'zh' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.dispose();
  });

  it('opens offline on a phone, in Chinese, with no error and nothing fetched from outside', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(join(ws.out, 'index.html')).href);
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
});
