import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, freePort, phoneContext, serve, waitForServiceWorker, type TestServer } from './harness.ts';

const NEXT_DIST = resolve('.tmp/dist-next');
let chromium: Browser;
let server: TestServer | undefined;

beforeAll(() => {
  // A changed build: same content, a different build id, so the service worker differs.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    env: { ...process.env, DECKHAND_BUILD_ID: `next-${Date.now()}`, DECKHAND_OUT_DIR: NEXT_DIST },
    stdio: 'inherit',
  });
}, 180_000);

beforeAll(async () => {
  chromium = await browser();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('a new version', () => {
  it('shows "Update available" and reloads only when the user accepts', async () => {
    const port = await freePort();
    server = await serve(undefined, port);
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('searchbox').waitFor();
    await waitForServiceWorker(page);
    const oldBuild = await page.evaluate(() => document.documentElement.dataset.build);

    // Same origin, new build behind it.
    await server.close();
    server = await serve(NEXT_DIST, port);
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
    await server?.close();
    const port = await freePort();
    server = await serve(undefined, port);
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('searchbox').waitFor();
    await waitForServiceWorker(page);
    const oldBuild = await page.evaluate(() => document.documentElement.dataset.build);

    await server.close();
    server = await serve(NEXT_DIST, port);
    // The user comes back to the app (a tab or an installed app shown again): no navigation.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

    const prompt = page.getByRole('alert').filter({ hasText: 'Update available' });
    await prompt.waitFor({ timeout: 30_000 });
    expect(server.requests).toContain('/sw.js');
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(oldBuild);
    await context.close();
  });
});

