/**
 * Regression (issue 19, defect 1): one card's data must never wedge the app. A compare card
 * whose items repeat (`## docker ps vs docker ps`, a plausible typo) made Svelte throw
 * `each_key_duplicate` in production: the card page went blank, its deep link said
 * "Loading cards…" forever and the drill showed "Preparing your drill…" on every reload.
 * The deck is written straight into storage, so the test does not depend on the indexer.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, phoneContext, type TestServer, waitForAppDatabase } from './harness.ts';
import { cardOn, grade, shownCard } from './drill-steps.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));
afterAll(() => closeBrowser(server, chromium));

const source = { file: 'dup.md', line: 1 };
const compare = {
  id: 'dup-compare-docker-ps-docker-ps-abc123',
  deck: 'dup',
  kind: 'compare',
  key: 'docker ps | docker ps',
  items: ['docker ps', 'docker ps'],
  sides: { en: ['Lists running containers', 'Lists running containers'] },
  text: { en: { title: 'docker ps vs docker ps', body: 'The same command twice.' } },
  tags: ['Repeated'],
  source,
};
const command = {
  id: 'dup-command-docker-ps-def456',
  deck: 'dup',
  kind: 'command',
  key: 'docker ps',
  command: 'docker ps -a',
  aliases: ['docker container ls', 'docker container ls'],
  text: { en: { title: 'List containers', body: 'Running ones; -a for all.' } },
  tags: ['Repeated'],
  source,
};

/** Damaged beyond what keys can fix (an older version's record): rendering it throws. */
const damaged = { ...command, id: 'dup-command-damaged-0a0a0a', key: 'docker top', aliases: [], text: { en: { title: 'Damaged', body: '' } }, source: undefined };

/** Saves the deck as a saved import of this very build (so it is not re-indexed) and studies only it. */
async function saveRepeatedDeck(page: Page): Promise<void> {
  await page.goto(`${server.url}/settings`);
  await waitForAppDatabase(page);
  await page.evaluate(
    ({ cards }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('deckhand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['decks', 'settings'], 'readwrite');
          tx.objectStore('decks').put({ id: 'dup', name: 'Dup', file: 'dup.md', sourceText: '## docker ps vs docker ps\n', importedAt: Date.now() - 60_000, cards });
          tx.objectStore('settings').put(document.documentElement.dataset.build, 'imports.indexedBy');
          tx.objectStore('settings').put({ studyDecks: ['dup'] }, 'srs');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { cards: [compare, command, damaged] },
  );
}

describe('a card whose items repeat', () => {
  it('opens by deep link, and the rest of the app goes on', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    await saveRepeatedDeck(page);
    await page.goto(`${server.url}/card/${compare.id}`);
    await page.getByRole('heading', { name: 'docker ps vs docker ps' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('table.compare th').count()).toBe(2);
    await page.goto(`${server.url}/card/${command.id}`);
    await page.getByRole('heading', { name: 'List containers' }).waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: 'Topics' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(page.url()).toContain('/topics');
    await context.close();
  });

  it('that cannot be shown at all shows an error in its place', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    await saveRepeatedDeck(page);
    await page.goto(`${server.url}/card/${damaged.id}`);
    await page.getByRole('alert').filter({ hasText: 'could not be shown' }).waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: 'Topics' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'could not be shown' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByRole('searchbox').fill('docker ps');
    await page.locator('.results li').first().waitFor();
    await context.close();
  });

  it('is drilled like any other card, reload after reload', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    await saveRepeatedDeck(page);
    for (let visit = 0; visit < 2; visit++) {
      await page.goto(`${server.url}/drill`);
      await shownCard(page);
    }
    const first = await grade(page);
    expect([compare.id, command.id, damaged.id]).toContain(first);
    await expect.poll(() => cardOn(page)).not.toBe(first);
    await context.close();
  });
});
