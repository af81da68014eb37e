import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, phoneContext, type TestServer, waitForServiceWorker, watchErrors } from './harness.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));

afterAll(() => closeBrowser(server, chromium));

describe('offline after the first visit', () => {
  it('serves search and deep links from the service worker with zero requests to the server', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search cards' }).waitFor();
    await waitForServiceWorker(page);
    // Find a deep link while online, to open it later offline.
    await page.getByRole('searchbox').fill('rmi');
    const cardHref = await page.locator('.results li a').first().getAttribute('href');
    expect(cardHref).toMatch(/^\/card\//);

    await context.setOffline(true);
    const before = server.requests.length;

    await page.reload();
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('-P');
    await expect.poll(() => page.locator('.results li .result-key').first().textContent()).toContain('-P');

    await page.goto(server.url + cardHref);
    await expect.poll(() => page.locator('.card-view h1').count()).toBe(1);

    await page.goto(`${server.url}/?q=${encodeURIComponent('删除镜像')}`);
    await expect.poll(() => page.locator('.results li').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    expect(server.requests.slice(before)).toEqual([]);
    expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await context.close();
  });
});
