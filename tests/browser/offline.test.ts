import { describe, expect, it } from 'vitest';
import { phoneContext, useBrowser, waitForServiceWorker, watchErrors } from './harness.ts';

const app = useBrowser();

describe('offline after the first visit', () => {
  it('serves search and deep links from the service worker with zero requests to the server', async () => {
    const context = await phoneContext(app.chromium);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(app.server.url);
    await page.getByRole('searchbox', { name: 'Search cards' }).waitFor();
    await waitForServiceWorker(page);
    // Find a deep link while online, to open it later offline.
    await page.getByRole('searchbox').fill('rmi');
    const cardHref = await page.locator('.results li a').first().getAttribute('href');
    expect(cardHref).toMatch(/^\/card\//);

    await context.setOffline(true);
    const before = app.server.requests.length;

    await page.reload();
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('-P');
    await expect.poll(() => page.locator('.results li .result-key').first().textContent()).toContain('-P');

    await page.goto(app.server.url + cardHref);
    await expect.poll(() => page.locator('.card-view h1').count()).toBe(1);

    await page.goto(`${app.server.url}/?q=${encodeURIComponent('删除镜像')}`);
    await expect.poll(() => page.locator('.results li').count()).toBeGreaterThan(0);

    expect(app.server.requests.slice(before)).toEqual([]);
    expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await context.close();
  });
});
