import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, PHONE, phoneContext, type TestServer, watchErrors } from './harness.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));

afterAll(() => closeBrowser(server, chromium));

/** A house-format note with `n` cards; one of them says a word no other card has. */
function bigNote(n: number): Buffer {
  const lines = ['---', 'title: Fleet labels', '---', '', '# Fleet'];
  for (let i = 0; i < n; i++) {
    const word = i === n - 1 ? 'quokka' : `unit${i}`;
    lines.push('', `## fleetctl label svc${i}`, '', '```sh', `fleetctl label svc${i} --team ops${i}`, '```', '', `- en: Label service ${i} (${word})`, `  Marks service ${i} for team ${i}.`);
  }
  return Buffer.from(lines.join('\n'));
}

/** Imports `bigNote` on the Notes screen and saves it. */
async function importBigDeck(page: Page): Promise<void> {
  await page.goto(`${server.url}/decks`);
  await page.locator('.import-panel input[type=file]').setInputFiles([
    { name: 'fleet.md', mimeType: 'text/markdown', buffer: bigNote(200) },
  ]);
  await page.locator('.draft .draft-found').waitFor({ timeout: 60_000 });
  await page.locator('.save-decks').click();
  await expect.poll(() => page.locator('.draft').count(), { timeout: 30_000 }).toBe(0);
}

describe('search in a worker (indexing on the main thread blocked the first seconds)', () => {
  it('searches the imported deck with the bundled one', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await importBigDeck(page);
    // While the worker takes in the cards, the screen says it is searching: never "no card matches".
    await page.evaluate(() => {
      const w = window as unknown as { sawNoMatch: boolean };
      w.sawNoMatch = false;
    });
    await page.addInitScript(() => {
      const w = window as unknown as { sawNoMatch: boolean };
      w.sawNoMatch = false;
      new MutationObserver(() => {
        if (document.querySelector('.empty')?.textContent?.includes('No card matches')) w.sawNoMatch = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });

    await page.goto(`${server.url}/?q=quokka`);
    await expect.poll(() => page.locator('.results li .result-title').first().textContent(), { timeout: 30_000 }).toContain('quokka');
    expect(await page.evaluate(() => (window as unknown as { sawNoMatch: boolean }).sawNoMatch)).toBe(false);
    // The bundled deck is still found, case-sensitively, through the worker.
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('-P');
    await expect.poll(() => page.locator('.results li .result-key').first().textContent()).toContain('docker run -P');

    const workers = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.includes('search.worker')),
    );
    expect(workers.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when the search worker cannot run, instead of searching for ever', async () => {
    // no service worker here, so the worker script is fetched, and broken, on its way in
    const context = await chromium.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-US', serviceWorkers: 'block' });
    await context.route(/\/assets\/search\.worker-[\w-]+\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("broken on purpose")' }),
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/?q=${encodeURIComponent('docker run')}`);
    await expect.poll(() => page.locator('.search-failed').textContent(), { timeout: 30_000 }).toMatch(/^Search stopped working \(.+\)\. Reload the app to try again\.$/);
    expect(await page.locator('.empty').count()).toBe(0);
    await context.close();
  });
});
