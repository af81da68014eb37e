import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_THRESHOLD } from '../../src/lib/search/protocol.ts';
import { closeBrowser, openBrowser, phoneContext, type TestServer, watchErrors } from './harness.ts';

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

describe('a deck big enough to drop a frame', () => {
  it('is searched in a worker, with the same results as inline search', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/decks`);
    await page.locator('.import-panel input[type=file]').setInputFiles([
      { name: 'fleet.md', mimeType: 'text/markdown', buffer: bigNote(WORKER_THRESHOLD + 100) },
    ]);
    await page.locator('.draft .draft-found').waitFor({ timeout: 60_000 });
    await page.locator('.save-decks').click();
    await expect.poll(() => page.locator('.draft').count(), { timeout: 30_000 }).toBe(0);

    await page.goto(`${server.url}/?q=quokka`);
    await expect.poll(() => page.locator('.results li .result-title').first().textContent(), { timeout: 30_000 }).toContain('quokka');
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
});
