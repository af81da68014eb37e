// bench:sync's Chromium device: bundles bench-sync-page.ts (the app's sync code) with esbuild,
// serves it from 127.0.0.1, and times its syncs in Debian's Chromium — real IndexedDB for the
// store and PouchDB's idb adapter for the mirror, as the app runs. "Main-thread" time is the
// renderer's busy time (CDP Performance TaskDuration): IndexedDB's own work runs elsewhere.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { SyncConfig } from '../src/lib/sync/server.ts';
import { launchChromium } from './chromium.ts';

interface Timed {
  ms: number;
  reviews: number;
}
interface PageBench {
  fresh(config: SyncConfig): Promise<Timed>;
  round(): Promise<Timed>;
  schedules(): Promise<string>;
}

export async function chromiumDevice() {
  const bundle = await build({ entryPoints: ['scripts/bench-sync-page.ts'], bundle: true, format: 'esm', platform: 'browser', write: false, minify: true, logLevel: 'error' });
  const js = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js);
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><script type="module" src="/bench.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => 'deckhandBench' in globalThis);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const measure = async (fn: () => Promise<Timed>) => {
    const before = await busy();
    const result = await fn();
    return { ...result, mainThreadMs: (await busy()) - before };
  };
  // These functions run in the page (serialized by Playwright): they reach the bench through globalThis.
  return {
    /** The page's DevTools session (e.g. Profiler.start / Profiler.stop to see where its time goes). */
    cdp,
    fresh: (config: SyncConfig) => measure(() => page.evaluate((c) => (globalThis as unknown as { deckhandBench: PageBench }).deckhandBench.fresh(c), config)),
    round: () => measure(() => page.evaluate(() => (globalThis as unknown as { deckhandBench: PageBench }).deckhandBench.round())),
    schedules: () => page.evaluate(() => (globalThis as unknown as { deckhandBench: PageBench }).deckhandBench.schedules()),
    async close() {
      await browser.close();
      server.close();
    },
  };
}
