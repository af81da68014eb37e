/**
 * Two tabs drilling at once: a grade in one tab takes the card out of the other's queue,
 * both tabs' grades are stored once each, and a tab left on an older version is told to reload.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, phoneContext, type TestServer, waitForAppDatabase, watchErrors } from './harness.ts';
import { cardOn, counts, grade } from './drill-steps.ts';

let server: TestServer;
let chromium: Browser;
let context: BrowserContext;

beforeAll(async () => {
  ({ server, chromium } = await openBrowser());
  context = await phoneContext(chromium);
});

afterAll(() => closeBrowser(server, chromium));



async function storedLog(page: Page): Promise<{ id: string; cardId: string }[]> {
  await waitForAppDatabase(page);
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('deckhand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('reviewLog').objectStore('reviewLog').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
        };
      }),
  );
}

describe('two tabs at once', () => {
  let a: Page;
  let b: Page;
  let errors: string[];

  it('keeps both tabs in step: a card graded in one leaves the other, every grade is stored once', async () => {
    a = await context.newPage();
    b = await context.newPage();
    errors = [...watchErrors(a), ...watchErrors(b)];
    await a.goto(`${server.url}/drill`);
    await b.goto(`${server.url}/drill`);
    await a.locator('.prompt').waitFor();
    await b.locator('.prompt').waitFor();
    const start = await counts(a);
    expect(await counts(b)).toEqual(start);
    const first = await cardOn(a);
    expect(await cardOn(b)).toBe(first); // same queue in both

    // Tab A grades the card both show: tab B moves on without it.
    expect(await grade(a)).toBe(first);
    await expect.poll(() => cardOn(b)).not.toBe(first);
    await expect.poll(() => counts(b)).toEqual({ new: start.new - 1, learning: 1, review: 0 });

    // Tab B grades its card: tab A drops it too.
    const second = await grade(b);
    await expect.poll(() => cardOn(a)).not.toBe(second);
    await expect.poll(() => counts(a)).toEqual({ new: start.new - 2, learning: 2, review: 0 });
    expect(await counts(b)).toEqual({ new: start.new - 2, learning: 2, review: 0 });

    const log = await storedLog(a);
    expect(log.map((e) => e.cardId).sort()).toEqual([first, second].sort());

    // Undo in A puts its card back in both tabs.
    await a.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cardOn(a)).toBe(first);
    await expect.poll(() => counts(b)).toEqual({ new: start.new - 1, learning: 1, review: 0 });
    expect((await storedLog(b)).map((e) => e.cardId)).toEqual([second]);

    // After a reload both agree with storage.
    await b.reload();
    await b.locator('.prompt').waitFor();
    expect(await counts(b)).toEqual({ new: start.new - 1, learning: 1, review: 0 });
    expect(errors).toEqual([]);
  });

  it('tells a tab whose database another tab upgraded to reload, instead of failing silently', async () => {
    // A newer app version in another tab opens the database at a higher version.
    const newer = await context.newPage();
    await newer.goto(`${server.url}/manifest.webmanifest`);
    const version = await newer.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const probe = indexedDB.open('deckhand');
          probe.onsuccess = () => {
            const v = probe.result.version;
            probe.result.close();
            const up = indexedDB.open('deckhand', v + 1);
            up.onsuccess = () => {
              up.result.close();
              resolve(v + 1);
            };
            up.onerror = () => reject(up.error);
          };
        }),
    );
    expect(version).toBeGreaterThan(1);
    for (const page of [a, b]) {
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'updated in another tab' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Reload' }).count()).toBeGreaterThan(0);
    }

    // A grade made now cannot be written: it is kept on the device (and written after a reload).
    const id = await grade(a);
    await expect.poll(() => a.getByRole('alert').filter({ hasText: 'latest reviews (1) are not saved yet' }).count()).toBe(1);
    const kept = await a.evaluate(() => JSON.parse(localStorage.getItem('deckhand.drill.unsaved') ?? '[]') as { log: { cardId: string } }[]);
    expect(kept.map((r) => r.log.cardId)).toEqual([id]);
    await newer.close();
  });
});
