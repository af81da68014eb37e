/** The drill screens pass axe (serious and critical rules) in both themes, at phone size. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, phoneContext, seriousViolations, type TestServer } from './harness.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));

afterAll(() => closeBrowser(server, chromium));


describe.each(['light', 'dark'] as const)('drill screens in the %s theme', (colorScheme) => {
  it('question, answer with grades, stats, card history and drill settings have no serious axe violations', async () => {
    const context = await phoneContext(chromium, { colorScheme });
    const page = await context.newPage();
    await page.goto(`${server.url}/drill`);
    await page.locator('.prompt').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const type = await page.locator('.prompt').getAttribute('data-prompt');
    if (type === 'confusable') await page.locator('.choice').first().click();
    else if (type === 'typed-command') {
      await page.getByLabel('Your command').fill('docker run');
      await page.getByRole('button', { name: 'Check' }).click();
    } else await page.getByRole('button', { name: 'Show answer' }).click();
    await page.locator('.grades').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const id = (await page.locator('.prompt').getAttribute('data-card'))!;
    await page.locator('.grades').getByRole('button', { name: /^Good/ }).click();
    await page.locator('.drill-foot button').waitFor();

    await page.goto(`${server.url}/stats`);
    await page.locator('[data-stats-ready]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/card/${encodeURIComponent(id)}`);
    await page.locator('.history-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/settings`);
    await page.locator('.drill-settings').waitFor();
    await page.locator('.topics-picker summary').click();
    await page.locator('.prompt-picker summary').click();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
