/**
 * The harness itself: tests that write to the app's database with the raw IndexedDB API rely on
 * waitForAppDatabase. It used to return at once (page.waitForFunction took the promise of its
 * async predicate as a truthy answer), so a raw open could create an empty database before the
 * app did: the write threw inside it, never settled, and the test stalled for its whole time-out.
 */
import { describe, expect, it } from 'vitest';
import { phoneContext, useBrowser, waitForAppDatabase } from './harness.ts';

const app = useBrowser();

describe('waitForAppDatabase', () => {
  it("waits while the app's database does not exist, and returns once the app has created it", async () => {
    const context = await phoneContext(app.chromium);
    const page = await context.newPage();
    // Same origin, no app script: nothing ever creates the database here.
    await page.goto(`${app.server.url}/robots.txt`);
    const started = Date.now();
    await expect(waitForAppDatabase(page, 1_500)).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);

    await page.goto(`${app.server.url}/settings`);
    await waitForAppDatabase(page);
    // A raw open now finds the app's stores: it neither creates nor upgrades anything.
    const stores = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('deckhand');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const names = [...open.result.objectStoreNames];
            open.result.close();
            resolve(names);
          };
        }),
    );
    expect(stores).toEqual(expect.arrayContaining(['decks', 'settings', 'reviewLog', 'schedules']));
    await context.close();
  });
});
