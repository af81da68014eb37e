/**
 * Storage going wrong, and backups: a full disk (quota shrunk through Chromium's DevTools
 * protocol), no IndexedDB at all (private mode), and a backup's round trip export → wipe →
 * import giving identical data.
 */
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, phoneContext, type TestServer, waitForAppDatabase, watchErrors } from './harness.ts';
import { cardOn, grade } from './drill-steps.ts';
import { fillStorage } from './fill-storage.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));

afterAll(() => closeBrowser(server, chromium));


async function readDownload(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface Dump {
  schedules: unknown[];
  reviewLog: { id: string }[];
  settings: [unknown, unknown][];
}


/** Everything stored, read with the raw IndexedDB API, sorted so two dumps compare by content. */
async function dump(page: Page): Promise<Dump> {
  await waitForAppDatabase(page);
  return page.evaluate(
    () =>
      new Promise<Dump>((resolve, reject) => {
        const open = indexedDB.open('deckhand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['schedules', 'reviewLog', 'settings']);
          const schedules = tx.objectStore('schedules').getAll();
          const log = tx.objectStore('reviewLog').getAll();
          const keys = tx.objectStore('settings').getAllKeys();
          const values = tx.objectStore('settings').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              schedules: schedules.result,
              reviewLog: log.result,
              settings: keys.result.map((k, i) => [k, values.result[i]] as [unknown, unknown]),
            });
          };
        };
      }),
  );
}

describe('when storage is full', () => {
  it('says so, offers a backup that includes the unsaved grade, and saves it once space is freed', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    const errors = watchErrors(page);
    // The quota override only applies to storage first used after it is set.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 30_000_000 });
    await page.goto(`${server.url}/drill`);
    await page.locator('.prompt').waitFor();
    const saved = await grade(page);

    // Something else fills the origin's quota (random bytes, so nothing compresses them away).
    const filled = await fillStorage(page);
    expect(filled).toBeGreaterThan(1_000_000);

    // The next grade cannot be written: a clear message, the drill goes on, nothing is lost.
    const unsaved = await grade(page);
    const alert = page.getByRole('alert').filter({ hasText: 'Storage is full' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('(1)');
    expect(await page.locator('.prompt').count()).toBe(1);

    const download = page.waitForEvent('download');
    await alert.getByRole('button', { name: 'Download backup' }).click();
    const file = JSON.parse(await readDownload(await download)) as { format: string; log: { cardId: string }[] };
    expect(file.format).toBe('deckhand-backup');
    expect(file.log.map((e) => e.cardId)).toEqual([saved, unsaved]);
    expect((await dump(page)).reviewLog).toHaveLength(1);

    // Space is freed; "Try saving again" writes the kept grade and the banner goes.
    await page.evaluate(() => new Promise((resolve) => (indexedDB.deleteDatabase('filler').onsuccess = resolve)));
    await alert.getByRole('button', { name: 'Try saving again' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Storage is full' }).count()).toBe(0);
    expect((await dump(page)).reviewLog.length).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('without IndexedDB (private mode)', () => {
  it('keeps drilling in memory and says progress ends with the tab', async () => {
    const context = await phoneContext(chromium);
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
    const page = await context.newPage();
    await page.goto(`${server.url}/drill`);
    await page.getByRole('status').filter({ hasText: 'progress is kept only until this tab closes' }).waitFor();
    const first = await grade(page);
    expect(await cardOn(page)).not.toBe(first);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cardOn(page)).toBe(first);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.locator('.persist-state').textContent()).toContain('In memory only');
    await context.close();
  });
});

describe('backup', () => {
  it('round-trips: export, wipe, import gives identical data — after showing what will change', async () => {
    const source = await phoneContext(chromium);
    const page = await source.newPage();
    await page.goto(`${server.url}/drill`);
    await grade(page, 'Good');
    await grade(page, 'Again');
    await grade(page, 'Easy');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('New cards per day').fill('12');
    await page.getByLabel('New cards per day').press('Tab');
    await expect.poll(() => page.locator('.drill-settings [role=status]').textContent()).toContain('Saved');
    const before = await dump(page);
    expect(before.reviewLog).toHaveLength(3);

    const download = page.waitForEvent('download');
    await page.locator('.backup').getByRole('button', { name: 'Download backup' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^deckhand-backup-.*\.json$/);
    const text = await readDownload(saved);
    await source.close();

    // A new, empty browser profile: everything wiped.
    const target = await phoneContext(chromium);
    const fresh = await target.newPage();
    await fresh.goto(`${server.url}/settings`);
    expect((await dump(fresh)).reviewLog).toHaveLength(0);

    // A damaged file is refused with the exact problem, and changes nothing.
    const damaged = JSON.parse(text);
    damaged.log[0].rating = 7;
    await fresh.locator('.backup input[type=file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
    await fresh.locator('.backup-errors').waitFor();
    expect(await fresh.locator('.backup-errors').textContent()).toContain('log[0].rating');
    expect(await fresh.getByRole('button', { name: 'Replace my data' }).count()).toBe(0);
    await fresh.locator('.backup-errors').getByRole('button', { name: 'Cancel' }).click();

    // The real file: a preview of the change first, then replace.
    await fresh.locator('.backup input[type=file]').setInputFiles({ name: saved.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    const preview = fresh.locator('.backup-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('3 cards added');
    expect(await preview.textContent()).toContain('3 entries added');
    expect(await preview.textContent()).toContain('settings changed: srs');
    expect((await dump(fresh)).reviewLog).toHaveLength(0); // nothing written before the user agrees
    await fresh.getByRole('button', { name: 'Replace my data' }).click();
    await fresh.getByRole('status').filter({ hasText: 'Restored: 3 review entries.' }).waitFor();

    const after = await dump(fresh);
    const byId = <T>(list: T[], key: (x: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(byId(after.schedules as { cardId: string }[], (s) => s.cardId)).toEqual(byId(before.schedules as { cardId: string }[], (s) => s.cardId));
    expect(byId(after.reviewLog, (e) => e.id)).toEqual(byId(before.reviewLog, (e) => e.id));
    expect(after.settings).toEqual(before.settings);

    // Exporting again gives the same file (but for its date); the drill picks the data up.
    const again = fresh.waitForEvent('download');
    await fresh.locator('.backup').getByRole('button', { name: 'Download backup' }).click();
    const second = JSON.parse(await readDownload(await again));
    const first = JSON.parse(text);
    expect({ ...second, exportedAt: '' }).toEqual({ ...first, exportedAt: '' });
    expect(await fresh.getByLabel('New cards per day').inputValue()).toBe('12');
    await target.close();
  });
});

describe('stats over a long history', () => {
  it('say nothing is due on a fresh profile, and draw the forecast once a card is studied', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    await page.goto(`${server.url}/stats`);
    await page.locator('[data-stats-ready]').waitFor();
    expect(await page.locator('.forecast-none').textContent()).toBe('Nothing due in the next 30 days: cards you study will show up here.');
    expect(await page.locator('.chart svg').count()).toBe(1); // the review heatmap only

    await page.goto(`${server.url}/drill`);
    await grade(page, 'Good');
    await page.goto(`${server.url}/stats`);
    await page.locator('[data-stats-ready]').waitFor();
    expect(await page.locator('.forecast-none').count()).toBe(0);
    expect(await page.locator('.chart figcaption').first().textContent()).toBe('1 due in the next 7 days, 1 in 30 days');
    await context.close();
  });

  it('sums past days once, keeps the totals, and recounts when old history changes', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    await page.goto(`${server.url}/drill`);
    await page.locator('.prompt').waitFor();
    // Three grades on each of the five study days before today (same time of day as now).
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('deckhand');
        open.onsuccess = () => resolve(open.result);
      });
      const tx = db.transaction('reviewLog', 'readwrite');
      const now = Date.now();
      let n = 0;
      for (let daysAgo = 1; daysAgo <= 5; daysAgo++) {
        for (let k = 0; k < 3; k++) {
          const reviewedAt = now - daysAgo * 86_400_000 - (3 - k) * 60_000;
          tx.objectStore('reviewLog').put({
            id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
            cardId: `old-card-${k}`,
            reviewedAt,
            rating: k === 0 ? 1 : 3,
            state: 'review',
            elapsedDays: 1,
            due: reviewedAt + 86_400_000,
            before: { state: 'review', due: reviewedAt, stability: 3, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 2, lapses: 0, lastReview: reviewedAt - 86_400_000 },
          });
        }
      }
      await new Promise((done) => (tx.oncomplete = done));
      db.close();
    });

    await page.goto(`${server.url}/stats`);
    await page.locator('[data-stats-ready]').waitFor();
    expect(await page.locator('.stat-streak').textContent()).toBe('5');
    expect(await page.locator('.stat-retention').textContent()).toBe('66.7%'); // 10 of 15 passed
    const cache = await page.evaluate(() => JSON.parse(localStorage.getItem('deckhand.stats.days') ?? 'null') as { count: number; days: number[][] } | null);
    expect(cache?.count).toBe(15);
    expect(cache?.days.map((d) => d[1])).toEqual([3, 3, 3, 3, 3]);

    // Old history changes behind the cache's back (three days ago vanishes): the count no
    // longer matches, so the totals are rebuilt instead of trusted.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('deckhand');
        open.onsuccess = () => resolve(open.result);
      });
      const tx = db.transaction('reviewLog', 'readwrite');
      for (let n = 7; n <= 9; n++) tx.objectStore('reviewLog').delete(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
      await new Promise((done) => (tx.oncomplete = done));
      db.close();
    });
    await page.reload();
    await page.locator('[data-stats-ready]').waitFor();
    expect(await page.locator('.stat-streak').textContent()).toBe('2');
    expect(await page.locator('.stat-retention').textContent()).toBe('66.7%');
    expect(await page.evaluate(() => (JSON.parse(localStorage.getItem('deckhand.stats.days') ?? 'null') as { count: number }).count)).toBe(12);
    await context.close();
  });
});
