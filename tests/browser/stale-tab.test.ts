/**
 * Regression (issue 19, defect 4): a tab left open while another tab updates the app. Its
 * not-yet-loaded pages used to fail ("Failed to fetch dynamically imported module", 404s:
 * the new build no longer has the old chunks) and its Reload button did nothing (the new
 * worker was already active, so nothing was waiting to take over).
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, serve, useNextVersion } from './harness.ts';

const NEXT_DIST = resolve('.tmp/dist-stale-next');
const versions = useNextVersion(NEXT_DIST);

const chunk = (dir: string, page: string) => readdirSync(resolve(dir, 'assets')).find((f) => f.startsWith(`${page}-`) && f.endsWith('.js'));

describe('a tab left open on the previous version', () => {
  it('still opens its lazy pages after another tab updated, and its Reload brings the new version', async () => {
    // The premise: the new build really lacks the old tab's page chunks.
    for (const page of ['StatsPage', 'DrillPage']) expect(chunk(NEXT_DIST, page)).not.toBe(chunk(DIST, page));

    // The new version is deployed; another tab opens it and accepts the update.
    const { context, page: stale, oldBuild, next } = await versions.openThenDeploy();
    const fresh = await context.newPage();
    await fresh.goto(next.url);
    await fresh.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = fresh.getByRole('alert').filter({ hasText: 'Update available' });
    await prompt.waitFor({ timeout: 30_000 });
    await Promise.all([fresh.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect.poll(() => fresh.evaluate(() => document.documentElement.dataset.build)).toMatch(/^next-/);

    // The old tab opens pages it had not loaded yet: they work.
    await stale.getByRole('link', { name: 'Drill' }).click();
    await stale.locator('.prompt[data-card]').waitFor({ timeout: 15_000 });
    await stale.getByRole('link', { name: 'Stats' }).click();
    await stale.locator('section.stats').waitFor({ timeout: 15_000 });
    expect(await stale.locator('[data-failed]').count()).toBe(0);
    expect(await stale.evaluate(() => document.documentElement.dataset.build)).toBe(oldBuild);

    // Its Reload now reloads into the new version.
    const stalePrompt = stale.getByRole('alert').filter({ hasText: 'Update available' });
    await stalePrompt.waitFor({ timeout: 30_000 });
    await Promise.all([stale.waitForEvent('load'), stalePrompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect.poll(() => stale.evaluate(() => document.documentElement.dataset.build)).toMatch(/^next-/);
    await context.close();
  }, 120_000);
});

describe('a lazy page that cannot be fetched', () => {
  it('says so in its place and offers a reload that works', async () => {
    versions.server ??= await serve();
    const context = await versions.chromium.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/assets/DecksPage-*.js', (route) => route.abort());
    await page.goto(`${versions.server.url}/`);
    await page.getByRole('link', { name: 'Notes' }).click();
    const failed = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await failed.waitFor({ timeout: 15_000 });
    await page.unroute('**/assets/DecksPage-*.js');
    await Promise.all([page.waitForEvent('load'), failed.getByRole('button', { name: 'Reload' }).click()]);
    await page.locator('.saved-decks').waitFor({ timeout: 15_000 });
    await context.close();
  });
});
