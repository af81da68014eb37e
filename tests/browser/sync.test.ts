/**
 * Sync in the production build: two Chromium contexts are two devices (a phone and a laptop)
 * on one CouchDB-protocol server (express-pouchdb, started here on 127.0.0.1). What each ends
 * with is read straight from its IndexedDB.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, phoneContext, type TestServer, waitForAppDatabase, watchErrors } from './harness.ts';
import { grade } from './drill-steps.ts';
import { startCouchServer, type CouchServer } from '../unit/sync/couch-server.ts';

let server: TestServer;
let chromium: Browser;
let couch: CouchServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ server, chromium } = await openBrowser());
  couch = await startCouchServer({ ana: 'secret' });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await closeBrowser(server, chromium);
  await couch?.close();
});

interface Progress {
  logIds: string[];
  schedules: Array<{ cardId: string; due: number; stability: number; reps: number; lapses: number }>;
}

/** Every review id and schedule on a device, sorted. */
async function progress(page: Page): Promise<Progress> {
  await waitForAppDatabase(page);
  return page.evaluate(
    () =>
      new Promise<Progress>((resolve, reject) => {
        const open = indexedDB.open('deckhand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['reviewLog', 'schedules']);
          const keys = tx.objectStore('reviewLog').getAllKeys();
          const schedules = tx.objectStore('schedules').getAll();
          tx.oncomplete = () => {
            open.result.close();
            resolve({
              logIds: (keys.result as string[]).sort(),
              schedules: (schedules.result as Progress['schedules']).sort((a, b) => (a.cardId < b.cardId ? -1 : 1)),
            });
          };
        };
      }),
  );
}

async function device(): Promise<{ page: Page; errors: string[] }> {
  const context = await phoneContext(chromium);
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  return { page, errors };
}

async function gradeSome(page: Page, n: number): Promise<void> {
  if (!page.url().endsWith('/drill')) await page.goto(`${server.url}/drill`);
  for (let i = 0; i < n; i++) await grade(page, i % 3 === 0 ? 'Again' : 'Good');
}

async function turnOnSync(page: Page, password = 'secret', serverUrl = couch.url): Promise<void> {
  await page.goto(`${server.url}/settings`);
  await page.getByLabel('Server address').fill(serverUrl);
  await page.getByLabel('User name').fill('ana');
  await page.getByLabel('Password').fill(password);
  await page.locator('.sync-start').click();
}

/** Two devices syncing on a loaded 2-core machine: a safety net, not a speed target (bench:sync). */
const SLOW = 150_000;
const status = (page: Page) => page.locator('.sync-status');
const upToDate = async (page: Page) => expect.poll(() => status(page).getAttribute('data-kind'), { timeout: 30_000 }).toBe('up-to-date');

describe('sync between a phone and a laptop', () => {
  let phone: Page;
  let laptop: Page;

  it('merges what both graded apart: the union of the logs and the same schedules', async () => {
    ({ page: phone } = await device());
    ({ page: laptop } = await device());
    await gradeSome(phone, 4);
    await gradeSome(laptop, 6); // the first cards of a fresh deck: some the same as the phone's
    const before = { phone: await progress(phone), laptop: await progress(laptop) };
    const union = new Set([...before.phone.logIds, ...before.laptop.logIds]);
    expect(union.size).toBe(10);

    await turnOnSync(phone);
    await upToDate(phone);
    await turnOnSync(laptop);
    await upToDate(laptop);
    // Live replication brings the laptop's reviews to the phone without another click.
    await expect.poll(async () => (await progress(phone)).logIds, { timeout: 30_000 }).toEqual([...union].sort());
    const p = await progress(phone);
    const l = await progress(laptop);
    expect(l.logIds).toEqual(p.logIds);
    expect(l.schedules).toEqual(p.schedules);
    const shared = before.phone.schedules.filter((s) => before.laptop.schedules.some((t) => t.cardId === s.cardId)).length;
    expect(p.schedules.length).toBe(before.phone.schedules.length + before.laptop.schedules.length - shared);
  }, SLOW);

  it('brings reviews made offline across once both are online again', async () => {
    await phone.context().setOffline(true);
    await gradeSome(phone, 3);
    await gradeSome(laptop, 2);
    const expected = new Set([...(await progress(phone)).logIds, ...(await progress(laptop)).logIds]);
    expect(expected.size).toBe(15);
    await phone.context().setOffline(false);
    await expect.poll(async () => (await progress(laptop)).logIds.length, { timeout: 40_000 }).toBe(15);
    await expect.poll(async () => (await progress(phone)).logIds.length, { timeout: 40_000 }).toBe(15);
    expect((await progress(phone)).schedules).toEqual((await progress(laptop)).schedules);
  }, SLOW);

  it('turning sync off and on again duplicates nothing', async () => {
    await phone.goto(`${server.url}/settings`);
    await phone.locator('.sync-stop').click();
    await expect.poll(() => status(phone).getAttribute('data-kind')).toBe('off');
    await gradeSome(phone, 1);
    await phone.goto(`${server.url}/settings`);
    await phone.locator('.sync-start').click();
    await upToDate(phone);
    await expect.poll(async () => (await progress(laptop)).logIds.length, { timeout: 30_000 }).toBe(16);
    const p = await progress(phone);
    expect(p.logIds).toHaveLength(16);
    expect(new Set(p.logIds).size).toBe(16);
    expect((await progress(laptop)).logIds).toEqual(p.logIds);
  }, SLOW);

  it('a third device reloaded in the middle of its first sync ends with everything', async () => {
    const { page: tablet } = await device();
    await tablet.goto(`${server.url}/settings`);
    await turnOnSync(tablet);
    await expect.poll(() => status(tablet).getAttribute('data-kind'), { interval: 20 }).not.toBe('off');
    await tablet.reload();
    await expect.poll(async () => (await progress(tablet)).logIds.length, { timeout: 40_000 }).toBe(16);
    // A pull writes each batch's reviews as it comes and replays the touched cards' schedules
    // once the round ends: the log can be complete a moment before the schedules are.
    const expected = (await progress(phone)).schedules;
    await expect.poll(async () => (await progress(tablet)).schedules, { timeout: 20_000 }).toEqual(expected);
  }, SLOW);
});

describe('a wrong password', () => {
  it('shows what to do and changes nothing on the device', async () => {
    const { page } = await device();
    await gradeSome(page, 2);
    const before = await progress(page);
    const requests = couch.requests.length;
    await turnOnSync(page, 'not-the-password');
    await expect.poll(() => page.locator('.sync-problem').getAttribute('data-problem'), { timeout: 20_000 }).toBe('auth');
    expect(await page.locator('.sync-problem').textContent()).toContain('Wrong user name or password');
    expect(await progress(page)).toEqual(before);
    expect(couch.requests.slice(requests).filter((r) => !r.startsWith('GET ') && !r.startsWith('OPTIONS '))).toEqual([]);
  }, SLOW);
});

describe('a server without CORS', () => {
  it('says to enable CORS on the server and changes nothing on the device', async () => {
    const closed = await startCouchServer({ ana: 'secret' }, { cors: false });
    try {
      const { page } = await device();
      await gradeSome(page, 1);
      const before = await progress(page);
      await turnOnSync(page, 'secret', closed.url);
      await expect.poll(() => page.locator('.sync-problem').getAttribute('data-problem'), { timeout: 20_000 }).toBe('cors');
      expect(await page.locator('.sync-problem').textContent()).toContain('enable CORS on the server');
      expect(await progress(page)).toEqual(before);
    } finally {
      await closed.close();
    }
  }, SLOW);
});
