/**
 * Regression (issue 19, defect 2): with site data blocked (Chromium's cookie setting, some
 * private modes) reading `localStorage` throws SecurityError. The app used to throw before
 * anything mounted, on every route. It must run on its in-memory fallback and say so.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, phoneContext, type TestServer, watchErrors } from './harness.ts';
import { cardOn, grade } from './drill-steps.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));
afterAll(() => closeBrowser(server, chromium));

/** What Chromium does with site data blocked: every storage API refuses with SecurityError. */
async function blockedContext(): Promise<BrowserContext> {
  const context = await phoneContext(chromium);
  await context.addInitScript(() => {
    const refuse = () => {
      throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
    };
    for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(window, name, { get: refuse, configurable: true });
    IDBFactory.prototype.open = function open() {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  return context;
}

describe('with site data blocked', () => {
  it('searches, drills and switches language on the in-memory fallback, and says so', async () => {
    const context = await blockedContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox').fill('docker ps');
    await page.locator('.results li').first().waitFor();
    await page.getByRole('status').filter({ hasText: 'Site data is blocked' }).waitFor();

    await page.goto(`${server.url}/drill`);
    const first = await grade(page);
    expect(await cardOn(page)).not.toBe(first);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: '中文' }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(errors.filter((e) => !/service ?worker|sw\.js/i.test(e))).toEqual([]);
    await context.close();
  });

  it('opens every route without a blank page', async () => {
    const context = await blockedContext();
    const page = await context.newPage();
    for (const path of ['/', '/topics', '/drill', '/stats', '/decks', '/settings', '/card/nope']) {
      await page.goto(`${server.url}${path}`);
      await expect.poll(() => page.locator('main#main').innerText(), { message: path }).not.toBe('');
    }
    await context.close();
  });
});
