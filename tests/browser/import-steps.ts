/**
 * The Notes page's steps for the import tests: the fixtures, picking and saving notes, and what
 * the app stored (read straight from IndexedDB).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Phone } from './harness.ts';

export interface StoredCard {
  id: string;
  key: string;
  kind: string;
  deck: string;
  text: Record<string, { title: string; body: string }>;
  tags: string[];
}
export interface StoredDeck {
  id: string;
  name: string;
  file: string;
  sourceText: string;
  cards: StoredCard[];
}

export const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`);
export const file = (name: string, buffer: Buffer = fixture(name), mimeType = 'text/markdown') => ({ name, mimeType, buffer });

/** Reads one object store of the app's database straight from IndexedDB. */
export function readStore<T>(p: Page, store: string): Promise<T[]> {
  return p.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('deckhand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** The Notes page of the phone's page. */
export function notesSteps(phone: Phone) {
  const savedDecks = (p: Page = phone.page) => readStore<StoredDeck>(p, 'decks');
  return {
    savedDecks,
    scheduleIds: async (p: Page = phone.page) => new Set((await readStore<{ cardId: string }>(p, 'schedules')).map((s) => s.cardId)),
    async deckByFile(name: string): Promise<StoredDeck> {
      const deck = (await savedDecks()).find((d) => d.file === name);
      if (!deck) throw new Error(`no saved deck from ${name}`);
      return deck;
    },
    pickInput: () => phone.page.locator('.import-panel input[type=file]'),
    draft: (name: string) => phone.page.locator('.draft', { has: phone.page.locator('.draft-file', { hasText: name }) }),
    savedDeck: (name: string) => phone.page.locator('.saved-deck', { has: phone.page.getByRole('heading', { name, exact: true }) }),
    async openNotes() {
      if (!phone.page.url().endsWith('/decks')) await phone.page.goto(`${phone.server.url}/decks`);
      await phone.page.getByRole('heading', { level: 1, name: 'Your notes' }).waitFor();
    },
    async saveDrafts() {
      await phone.page.locator('.save-decks').click();
      await expect.poll(() => phone.page.locator('.draft').count()).toBe(0);
    },
  };
}
