// Navigation → usable search box (input on screen and cards loaded), served from the service
// worker cache, headless Chromium at phone size. Prints each load and the median of 10.
import { launchChromium } from './chromium.ts';
import { serve } from '../tests/browser/harness.ts';

const RUNS = Number(process.argv[2] ?? 10);
const server = await serve();
const chromium = await launchChromium();
const context = await chromium.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, deviceScaleFactor: 2 });
const page = await context.newPage();

await page.goto(server.url);
await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
await page.evaluate(async () => {
  await navigator.serviceWorker.ready;
});
await page.reload(); // warm: controlled by the service worker from here on
await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const before = server.requests.length;
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && !!document.querySelector('input[type=search]'));
  const ms = await page.evaluate(() => Number(document.documentElement.dataset.readyAt));
  times.push(ms);
  console.log(`load ${String(i + 1).padStart(2)}: ${ms.toFixed(1)} ms (server requests: ${server.requests.length - before})`);
}
times.sort((a, b) => a - b);
const median = (times[Math.floor((RUNS - 1) / 2)]! + times[Math.ceil((RUNS - 1) / 2)]!) / 2;
console.log(`median of ${RUNS}: ${median.toFixed(1)} ms (target ≤ 300 ms)`);
await chromium.close();
await server.close();
