import { launchChromium } from './test/support/chromium.ts';
const [w, chunks, ...pages] = process.argv.slice(2);
const browser = await launchChromium();
const ctx = await browser.newContext({ viewport: { width: Number(w), height: 900 } });
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
for (const p of pages) {
  await page.goto('file://' + p);
  const height = await page.evaluate(() => document.body.scrollHeight);
  const name = p.replace(/^\/tmp\/[^/]+\//, '').replace(/\//g, '_');
  for (let i = 0; i < Number(chunks) && i * 900 < height; i++) {
    await page.screenshot({ path: `/tmp/shots/${w}-${name}-${i}.png`, fullPage: true, clip: { x: 0, y: i * 900, width: Number(w), height: 900 } });
  }
  console.log(name, height);
}
await browser.close();
