/** Shared helpers for the store tests: a fresh fake IndexedDB per test, raw v1 fixtures, sample reviews. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { createScheduler, type ReviewLogEntry, type Schedule } from '../../../src/lib/srs/index.ts';

/** Every test gets an empty IndexedDB (idb's openDB uses the global factory). */
export function freshIndexedDB(): void {
  globalThis.indexedDB = new IDBFactory();
}

export interface V1Records {
  schedules: Schedule[];
  reviewLog: ReviewLogEntry[];
  settings: Record<string, unknown>;
}

export const v1Records = (): V1Records => JSON.parse(readFileSync(new URL('../../fixtures/store/db-v1.json', import.meta.url), 'utf8'));

/** Builds a version-1 database with the raw IndexedDB API — exactly what v1 of the app left on disk. */
export function createV1Database(name: string, records: V1Records = v1Records()): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('schedules', { keyPath: 'cardId' });
      db.createObjectStore('reviewLog', { keyPath: 'id' }).createIndex('byCard', 'cardId');
      db.createObjectStore('settings');
    };
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['schedules', 'reviewLog', 'settings'], 'readwrite');
      for (const s of records.schedules) tx.objectStore('schedules').put(s);
      for (const e of records.reviewLog) tx.objectStore('reviewLog').put(e);
      for (const [k, v] of Object.entries(records.settings)) tx.objectStore('settings').put(v, k);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Opens a database with the raw API at whatever version it has, reads every store, closes. */
export function rawDump(name: string): Promise<{ version: number; stores: string[]; data: Record<string, unknown[]> }> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const stores = [...db.objectStoreNames].sort();
      const data: Record<string, unknown[]> = {};
      if (!stores.length) {
        db.close();
        resolve({ version: db.version, stores, data });
        return;
      }
      const tx = db.transaction(stores);
      for (const s of stores) {
        const r = tx.objectStore(s).getAll();
        r.onsuccess = () => (data[s] = r.result);
      }
      tx.oncomplete = () => {
        db.close();
        resolve({ version: db.version, stores, data });
      };
    };
  });
}

let n = 0;
export const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** A first review, then a second one a day later, of `cardId`. */
export function twoReviews(cardId: string, start = Date.parse('2025-03-01T08:00:00Z')) {
  const s = createScheduler();
  const first = s.grade({ cardId, schedule: null, rating: 3, now: new Date(start), newId: uuid });
  const second = s.grade({ cardId, schedule: first.schedule, rating: 3, now: new Date(start + 86_400_000), newId: uuid });
  return { first, second };
}
