// The group view of two hospitals in real Chromium on a phone: opens from file:// with no error,
// fits the screen, and leads to each hospital's own pages.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const header = 'id,received_at,department,category,kind,text,resolved_at';
const EAST = [header, 'E1,2025-05-06 09:00,急诊科,process,complaint,挂号排队,2025-05-07 09:00', 'E2,2025-05-07 09:00,急诊科,attitude,complaint,态度不好,'].join('\n');
const WEST = [header, 'W1,2025-05-12 09:00,儿科,process,complaint,等候太久,'].join('\n');

let ws: Workspace;
let browser: Browser;

describe.skipIf(!chromiumAvailable)('the group view in real Chromium', () => {
  beforeAll(async () => {
    ws = await createWorkspace();
    await ws.write('东院/complaints.csv', EAST);
    await ws.write('西院/complaints.csv', WEST);
    await ws.run({ lang: 'zh', asOf: '2025-06-13' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.dispose();
  });

  it('opens on a phone with a row per hospital and leads to a hospital\'s leadership page', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(join(ws.out, 'index.html')).href);
    expect(await page.locator('h2').first().innerText()).toBe('本周预警');
    expect(await page.locator('h2').nth(1).innerText()).toBe('各医院对比');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ws.root, 'group-phone.png'), fullPage: true });
    await page.click('a[href="leadership.西院.html"]');
    await page.waitForURL(/leadership\.%E8%A5%BF%E9%99%A2\.html$/);
    expect(await page.locator('p.meta').first().innerText()).toContain('医院：西院');
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    await context.close();
  });
});
