import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, phoneContext, seriousViolations, type TestServer } from './harness.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));

afterAll(() => closeBrowser(server, chromium));

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (colorScheme) => {
  it('has no serious or critical axe violations on home, results and a card view', async () => {
    const context = await phoneContext(chromium, { colorScheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('searchbox').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('searchbox').fill('save export');
    await page.locator('.results li').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('.results li a').first().click();
    await page.locator('.card-view').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/?q=-v`);
    await page.locator('.results li a').first().click();
    await page.locator('.card-view').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
