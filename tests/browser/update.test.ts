import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useNextVersion } from './harness.ts';

const NEXT_DIST = resolve('.tmp/dist-next');
const versions = useNextVersion(NEXT_DIST);

describe('a new version', () => {
  it('shows "Update available" and reloads only when the user accepts', async () => {
    // Same origin, new build behind it.
    const { context, page, oldBuild } = await versions.openThenDeploy();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const prompt = page.getByRole('alert').filter({ hasText: 'Update available' });
    await prompt.waitFor({ timeout: 30_000 });

    // Mark this page; it must survive until the user says so.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(oldBuild);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByRole('searchbox').waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBeUndefined();
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toMatch(/^next-/);
    await context.close();
  });
});

describe('an app left open', () => {
  it('looks for a new version when it becomes visible again, and waits for the user', async () => {
    const { context, page, oldBuild, next } = await versions.openThenDeploy();
    // The user comes back to the app (a tab or an installed app shown again): no navigation.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

    const prompt = page.getByRole('alert').filter({ hasText: 'Update available' });
    await prompt.waitFor({ timeout: 30_000 });
    expect(next.requests).toContain('/sw.js');
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(oldBuild);
    await context.close();
  });
});

