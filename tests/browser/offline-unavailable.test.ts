/**
 * Regression (issue 19): when the service worker cannot install (a tiny storage quota, so
 * precaching fails), nothing told the user that offline use would not work.
 */
import { describe, it } from 'vitest';
import { phoneContext, useBrowser } from './harness.ts';

const app = useBrowser();

describe('a service worker that cannot install', () => {
  it('tells the user offline use is not available, and search still works', async () => {
    const context = await phoneContext(app.chromium);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.server.url, quotaSize: 200_000 });
    await page.goto(app.server.url);
    await page.getByRole('status').filter({ hasText: 'Offline use is not available' }).waitFor({ timeout: 20_000 });
    await page.getByRole('searchbox').fill('docker ps');
    await page.locator('.results li').first().waitFor();
    await context.close();
  });
});
