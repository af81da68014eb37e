/**
 * Regression (issue 19): an import refused for lack of space said "this review could not be
 * saved" — the grade's wording. It must say the notes were not saved because storage is full.
 */
import { describe, expect, it } from 'vitest';
import { phoneContext, useBrowser, waitForAppDatabase } from './harness.ts';
import { fillStorage } from './fill-storage.ts';

const app = useBrowser();

describe('importing with storage full', () => {
  it('says the notes were not saved because storage is full', async () => {
    const context = await phoneContext(app.chromium);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.server.url, quotaSize: 30_000_000 });
    await page.goto(`${app.server.url}/decks`);
    await waitForAppDatabase(page);
    await fillStorage(page);
    const note = ['# Disk notes', '', '## docker system df', '', 'Show docker disk usage.', '', '```sh', 'docker system df -v', '```', ''].join('\n').repeat(40);
    await page.locator('.import-panel input[type=file]').setInputFiles([{ name: 'disk-notes.md', mimeType: 'text/markdown', buffer: Buffer.from(note) }]);
    await page.locator('.draft-found').waitFor();
    await page.locator('.save-decks').click();
    const error = page.locator('.import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/storage is full/i);
    expect(await error.textContent()).not.toMatch(/review/i);
    await context.close();
  });
});
