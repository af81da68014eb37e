/**
 * A daily drill on a phone: a whole session with a reload in the middle, offline grading,
 * undo, keys and swipes, typed answers — and afterwards every grade is in IndexedDB, the
 * counters match, and the stats and card history show them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/lib/notes/card.ts';
import { closeBrowser, DIST, openBrowser, phoneContext, type TestServer, waitForAppDatabase, waitForServiceWorker, watchErrors } from './harness.ts';
import { answer, counts, grade, type Grade, nextCard, shownCard } from './drill-steps.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));

afterAll(() => closeBrowser(server, chromium));

interface Stored {
  log: { id: string; cardId: string; rating: number; prompt?: string; state: string }[];
  schedules: { cardId: string; state: string }[];
}


/** Reads what IndexedDB holds, with the raw API (the app's own connection stays open). */
async function stored(page: Page): Promise<Stored> {
  await waitForAppDatabase(page);
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('deckhand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['reviewLog', 'schedules']);
          const log = tx.objectStore('reviewLog').index('byTime').getAll();
          const schedules = tx.objectStore('schedules').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ log: log.result, schedules: schedules.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

function bundledCards(): Card[] {
  const assets = join(DIST, 'assets');
  const file = readdirSync(assets).find((name) => /^cards.*\.json$/.test(name));
  if (!file) throw new Error('no cards.json in the build');
  return JSON.parse(readFileSync(join(assets, file), 'utf8')) as Card[];
}

describe('a drill session on a phone', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await phoneContext(chromium);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('grades cards, survives a reload mid-card and going offline, undoes, and loses nothing', async () => {
    await page.goto(`${server.url}/drill`);
    await waitForServiceWorker(page);
    await shownCard(page);
    const start = await counts(page);
    expect(start.new).toBeGreaterThan(5);
    expect(start).toMatchObject({ learning: 0, review: 0 });
    expect(await page.getByRole('link', { name: 'Stats' }).first().getAttribute('href')).toBe('/stats');

    // Good and Hard put a new card into learning steps (later today); Easy sends it days away.
    const good = await grade(page, 'Good');
    const hard = await grade(page, 'Hard');
    const easy = await grade(page, 'Easy');
    expect(await counts(page)).toEqual({ new: start.new - 3, learning: 2, review: 0 });
    let db = await stored(page);
    expect(db.log.map((e) => [e.cardId, e.rating])).toEqual([[good, 3], [hard, 2], [easy, 4]]);
    expect(db.schedules.map((s) => s.cardId).sort()).toEqual([good, hard, easy].sort());

    // Reload with the fourth card's answer showing: the same card comes back, nothing is lost.
    const fourth = await answer(page);
    await page.reload();
    expect(await shownCard(page)).toBe(fourth);
    expect(await counts(page)).toEqual({ new: start.new - 3, learning: 2, review: 0 });
    expect((await stored(page)).log).toHaveLength(3);

    // Offline: reload from the service worker, keep grading, undo; the server sees nothing.
    const seen = server.requests.length;
    await context.setOffline(true);
    await page.reload();
    expect(await shownCard(page)).toBe(fourth);
    await grade(page, 'Good');
    const last = await grade(page, 'Easy');
    expect(await counts(page)).toEqual({ new: start.new - 5, learning: 3, review: 0 });
    expect((await stored(page)).log).toHaveLength(5);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.prompt').getAttribute('data-card')).toBe(last);
    await expect.poll(() => counts(page)).toEqual({ new: start.new - 4, learning: 3, review: 0 });
    db = await stored(page);
    expect(db.log).toHaveLength(4);
    expect(db.log.some((e) => e.cardId === last)).toBe(false);
    expect(db.schedules.some((s) => s.cardId === last)).toBe(false); // it was new: new again

    // Undo survives a reload too (this tab's session), and takes back the grade before.
    await page.reload();
    expect(await shownCard(page)).toBe(last);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.prompt').getAttribute('data-card')).toBe(fourth);
    await expect.poll(async () => (await stored(page)).log.length).toBe(3);
    expect(await counts(page)).toEqual({ new: start.new - 3, learning: 2, review: 0 });

    // Stats and the card's history agree with the log, still offline.
    await page.getByRole('link', { name: 'Stats' }).first().click();
    await page.locator('[data-stats-ready]').waitFor();
    expect(await page.locator('.stat-today').textContent()).toBe('3');
    expect(await page.locator('.stat-streak').textContent()).toBe('1');
    expect(await page.locator('.chart svg').count()).toBe(2);
    await page.goto(`${server.url}/card/${encodeURIComponent(hard)}`).catch(() => undefined);
    await page.locator('.history-table').waitFor();
    expect(await page.locator('.history-table tbody tr').count()).toBe(1);
    expect(await page.locator('.history-table tbody tr td').nth(1).textContent()).toBe('Hard');
    expect(await page.locator('.history-next').textContent()).toContain('learning');

    // The browser's own service-worker update check (a soft update of /sw.js after a navigation,
    // deferred, so it can land after `seen` on a bigger deck) is not the app going online.
    expect(server.requests.slice(seen).filter((url) => url !== '/sw.js')).toEqual([]);
    await context.setOffline(false);
    expect(errors).toEqual([]);
  });

  it('grades with Space and 1–4 on a keyboard, and with swipes on a touch screen', async () => {
    await page.goto(`${server.url}/drill`);
    const before = (await stored(page)).log.length;

    // Keyboard: Space reveals (1–2 pick a side of a pair; a typed answer is checked with Enter),
    // then 1 grades Again and Space takes the suggested grade (Good when there is none).
    const revealWithKeys = async (): Promise<string> => {
      const id = await shownCard(page);
      const type = await page.locator('.prompt').getAttribute('data-prompt');
      if (type === 'typed-command') {
        await page.getByLabel('Your command').fill('docker');
        await page.keyboard.press('Enter');
      } else if (type === 'confusable') {
        await page.keyboard.press('2');
      } else {
        await page.keyboard.press('Space');
      }
      await page.locator('.grades').waitFor();
      return id;
    };
    let id = await revealWithKeys();
    await page.keyboard.press('1');
    await nextCard(page, id);
    const again = id;
    id = await revealWithKeys();
    const suggested = (await page.locator('.grade.proposed').count()) ? await page.locator('.grade.proposed .grade-name').textContent() : 'Good';
    await page.keyboard.press('Space');
    await nextCard(page, id);

    // Touch: swipe left = Again, right = Good (dispatched as real touch input through CDP).
    const cdp = await context.newCDPSession(page);
    const swipe = async (dx: number) => {
      const box = (await page.locator('.drill-card').boundingBox())!;
      const y = box.y + 24; // on the question's instruction, not on a button
      const x = box.x + box.width / 2;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 5; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 5, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    id = await answer(page);
    await swipe(150);
    await nextCard(page, id);
    const swipedRight = id;
    id = await answer(page);
    await swipe(-150);
    await nextCard(page, id);
    const swipedLeft = id;

    const log = (await stored(page)).log.slice(before);
    expect(log).toHaveLength(4);
    expect(log[0]).toMatchObject({ cardId: again, rating: 1 });
    expect(log[1]!.rating).toBe({ Again: 1, Hard: 2, Good: 3, Easy: 4 }[suggested as Grade]);
    expect(log[2]).toMatchObject({ cardId: swipedRight, rating: 3 });
    expect(log[3]).toMatchObject({ cardId: swipedLeft, rating: 1 });
  });

  it('checks a typed command token by token, suggests a grade, and lets the user override it', async () => {
    // Only typed questions for commands and flags, and only the topic of the first command card.
    const target = bundledCards().find((c) => c.kind === 'command' && c.command && c.tags[0]);
    expect(target).toBeDefined();
    const topic = target!.tags[0]!.split(' · ')[0]!;
    await page.goto(`${server.url}/settings`);
    await page.locator('.topics-picker summary').click();
    await page.locator('.topics-picker label').filter({ hasText: new RegExp(`^\\s*${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) }).locator('input').check();
    await page.locator('.prompt-picker summary').click();
    for (const kind of ['Commands', 'Flags']) {
      const group = page.locator('.prompt-picker fieldset').filter({ has: page.locator('legend', { hasText: new RegExp(`^${kind}$`) }) });
      for (const label of ['Meaning from command', 'Command from meaning', 'A flag’s meaning']) {
        const box = group.getByLabel(label);
        if ((await box.count()) && (await box.isChecked())) await box.uncheck();
      }
      for (const label of ['Meaning from command', 'Command from meaning']) await expect.poll(() => group.getByLabel(label).isChecked()).toBe(false);
      await expect.poll(() => group.getByLabel('Type the command').isChecked()).toBe(true);
    }
    await expect.poll(() => page.locator('.topics-picker summary').textContent()).toContain(topic);

    await page.goto(`${server.url}/drill`);
    const cards = new Map(bundledCards().map((c) => [c.id, c]));
    // Skip to a typed question (compare and concept cards keep their own kinds of question).
    for (let i = 0; i < 30 && (await page.locator('.prompt').getAttribute('data-prompt')) !== 'typed-command'; i++) {
      await grade(page, 'Good');
    }
    expect(await page.locator('.prompt').getAttribute('data-prompt')).toBe('typed-command');

    // A wrong answer: "Not quite", Again suggested — and the user overrides it with Hard.
    const before = (await stored(page)).log.length;
    let id = await answer(page, 'docker nonsense --no-such-flag');
    expect(await page.locator('.typed-feedback .verdict').textContent()).toContain('Not quite');
    expect(await page.locator('.grade.proposed .grade-name').textContent()).toBe('Again');
    expect(await page.locator('.typed-line.wrong, .typed-line.missing').count()).toBeGreaterThan(0);
    await page.locator('.grades').getByRole('button', { name: /^Hard/ }).click();
    await nextCard(page, id);
    let log = (await stored(page)).log.slice(before);
    expect(log[0]).toMatchObject({ cardId: id, rating: 2, prompt: 'typed-command' });

    // The note's own command line, retyped with flags bundled differently, is right.
    for (let i = 0; i < 30 && (await page.locator('.prompt').getAttribute('data-prompt')) !== 'typed-command'; i++) {
      await grade(page, 'Good');
    }
    id = await shownCard(page);
    const card = cards.get(id)!;
    await answer(page, `  ${card.command ?? card.key}  `);
    expect(await page.locator('.typed-feedback .verdict').textContent()).toMatch(/Correct|Exactly right/);
    expect(await page.locator('.typed-line.wrong, .typed-line.extra').count()).toBe(0);
    expect(['Good', 'Easy']).toContain(await page.locator('.grade.proposed .grade-name').textContent());
    await page.keyboard.press('Space'); // takes the suggestion
    await nextCard(page, id);
    log = (await stored(page)).log;
    expect([3, 4]).toContain(log.at(-1)!.rating);
  });
});

describe('the drill in Chinese', () => {
  it('labels the grades and counters in Chinese, with intervals in Chinese units', async () => {
    const context = await phoneContext(chromium, { locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/drill`);
    await page.locator('.prompt').waitFor();
    const type = await page.locator('.prompt').getAttribute('data-prompt');
    if (type === 'confusable') await page.locator('.choice').first().click();
    else if (type === 'typed-command') await page.getByRole('button', { name: '检查' }).click();
    else await page.getByRole('button', { name: '显示答案' }).click();
    const labels = await page.locator('.grade-name').allTextContents();
    expect(labels).toEqual(['重来', '困难', '良好', '简单']);
    expect(await page.locator('.grade-1 .grade-interval').textContent()).toMatch(/分钟$/);
    await context.close();
  });
});
