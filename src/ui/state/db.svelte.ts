import { openDeckhandDB } from '../../lib/store/open.ts';
import { StorageFullError, StoreClosedError, UpgradeFailedError } from '../../lib/store/errors.ts';
import type { DeckhandDB } from '../../lib/store/schema.ts';

/**
 * The one opened database, and what the user must know about storage:
 * - 'disk': IndexedDB works; progress survives reloads.
 * - 'memory': IndexedDB is unavailable (private mode, blocked storage) or its data could not be
 *   upgraded: the app keeps working on an in-memory database (the same store code over
 *   fake-indexeddb, loaded only then) and shows a banner that progress will not be kept.
 * - `outdated`: another tab opened a newer version; this connection is closed: ask to reload.
 * - `blocked`: our upgrade waits for another tab that still has the old version open.
 * - `full`: a write hit the quota: offer a backup.
 *
 * Everything that touches IndexedDB from the UI goes through `getDb()` / `withDb()`, so
 * these states are caught in one place. Other tabs are told about changes over a
 * BroadcastChannel (`announce` / `onChange`).
 */

export type StorageMode = 'opening' | 'disk' | 'memory';
export type MemoryReason = 'unavailable' | 'upgrade-failed';
export type PersistState = 'unknown' | 'persisted' | 'not-persisted' | 'unsupported';

/** What changed, for other tabs (and other state in this tab) to refresh. */
export type StorageChange =
  | { type: 'review'; cardId: string }
  | { type: 'undo'; cardId: string }
  | { type: 'replaced' }
  | { type: 'settings' }
  | { type: 'decks' };

const CHANNEL = 'deckhand-storage';

class StorageState {
  #mode = $state<StorageMode>('opening');
  #memoryReason = $state<MemoryReason | null>(null);
  #outdated = $state(false);
  #blocked = $state(false);
  #full = $state(false);
  #closed = $state(false);
  #persist = $state<PersistState>('unknown');
  #estimate = $state.raw<{ usage: number; quota: number } | null>(null);
  #opening: Promise<DeckhandDB> | null = null;
  #channel: BroadcastChannel | null = null;
  #listeners = new Set<(change: StorageChange, fromOtherTab: boolean) => void>();
  #persistAsked = false;

  get mode(): StorageMode {
    return this.#mode;
  }
  get memoryReason(): MemoryReason | null {
    return this.#memoryReason;
  }
  /** Another tab runs a newer version: this tab's connection is closed; reload. */
  get outdated(): boolean {
    return this.#outdated;
  }
  /** Our upgrade waits for an older tab to close. */
  get blocked(): boolean {
    return this.#blocked;
  }
  /** A write failed for lack of space. */
  get full(): boolean {
    return this.#full;
  }
  /** The browser closed the connection (storage cleared while open): reload. */
  get closed(): boolean {
    return this.#closed;
  }
  get persist(): PersistState {
    return this.#persist;
  }
  get estimate(): { usage: number; quota: number } | null {
    return this.#estimate;
  }

  /** The opened database (opened once, on first use). */
  open(): Promise<DeckhandDB> {
    this.#opening ??= this.#open();
    return this.#opening;
  }

  async #open(): Promise<DeckhandDB> {
    this.#listen();
    const callbacks = {
      onVersionChange: () => (this.#outdated = true),
      onBlocked: () => (this.#blocked = true),
      onClosed: () => (this.#closed = true),
    };
    try {
      if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('IndexedDB is not available');
      const db = await openDeckhandDB(callbacks);
      this.#blocked = false;
      this.#mode = 'disk';
      void this.refreshPersist();
      return db;
    } catch (error) {
      console.warn('IndexedDB unavailable; keeping progress in memory for this visit.', error);
      this.#blocked = false;
      this.#memoryReason = error instanceof UpgradeFailedError ? 'upgrade-failed' : 'unavailable';
      await useInMemoryIndexedDB();
      const db = await openDeckhandDB(callbacks);
      this.#mode = 'memory';
      this.#persist = 'unsupported';
      return db;
    }
  }

  /** Tells other tabs (and listeners in this tab) that stored data changed. */
  announce(change: StorageChange) {
    this.#channel?.postMessage(change);
    for (const fn of this.#listeners) fn(change, false);
  }

  /** Listen for changes; returns an unsubscribe function. */
  onChange(fn: (change: StorageChange, fromOtherTab: boolean) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Records a storage failure for the banners; returns it unchanged for rethrowing. */
  report(error: unknown): unknown {
    if (error instanceof StorageFullError) this.#full = true;
    else if (error instanceof StoreClosedError) {
      if (!this.#outdated) this.#closed = true;
    }
    return error;
  }

  /** A write succeeded again (space was freed): hide the quota banner. */
  clearFull() {
    this.#full = false;
  }

  /** Asks the browser not to evict our data — once, after the first review. */
  async requestPersistOnce(): Promise<void> {
    if (this.#persistAsked || this.#mode !== 'disk') return;
    this.#persistAsked = true;
    await this.requestPersist();
  }

  async requestPersist(): Promise<void> {
    if (!navigator.storage?.persist) {
      this.#persist = 'unsupported';
      return;
    }
    try {
      this.#persist = (await navigator.storage.persist()) ? 'persisted' : 'not-persisted';
    } catch {
      this.#persist = 'not-persisted';
    }
    await this.#refreshEstimate();
  }

  async refreshPersist(): Promise<void> {
    if (this.#mode === 'memory') return;
    if (!navigator.storage?.persisted) {
      this.#persist = 'unsupported';
      return;
    }
    try {
      this.#persist = (await navigator.storage.persisted()) ? 'persisted' : 'not-persisted';
    } catch {
      this.#persist = 'unsupported';
    }
    await this.#refreshEstimate();
  }

  async #refreshEstimate() {
    try {
      const e = await navigator.storage?.estimate?.();
      if (e && typeof e.usage === 'number' && typeof e.quota === 'number') this.#estimate = { usage: e.usage, quota: e.quota };
    } catch {
      // Not essential: the settings page just shows no figure.
    }
  }

  #listen() {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (event: MessageEvent<StorageChange>) => {
      for (const fn of this.#listeners) fn(event.data, true);
    };
  }
}

/**
 * Replaces the page's IndexedDB globals with fake-indexeddb's in-memory implementation, so
 * the store's code (via idb) runs unchanged. Only loaded when the real one fails.
 */
async function useInMemoryIndexedDB(): Promise<void> {
  const fake = await import('fake-indexeddb');
  const globals: Record<string, unknown> = {
    indexedDB: fake.indexedDB,
    IDBCursor: fake.IDBCursor,
    IDBCursorWithValue: fake.IDBCursorWithValue,
    IDBDatabase: fake.IDBDatabase,
    IDBFactory: fake.IDBFactory,
    IDBIndex: fake.IDBIndex,
    IDBKeyRange: fake.IDBKeyRange,
    IDBObjectStore: fake.IDBObjectStore,
    IDBOpenDBRequest: fake.IDBOpenDBRequest,
    IDBRequest: fake.IDBRequest,
    IDBTransaction: fake.IDBTransaction,
    IDBVersionChangeEvent: fake.IDBVersionChangeEvent,
  };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
}

export const storage = new StorageState();

/** The opened database, for the store's repository functions: `saveReview(await getDb(), …)`. */
export function getDb(): Promise<DeckhandDB> {
  return storage.open();
}

/**
 * Runs a repository operation on the database; storage failures (quota, closed connection)
 * also raise the matching banner before the error is rethrown.
 */
export async function withDb<T>(op: (db: DeckhandDB) => Promise<T>): Promise<T> {
  const db = await storage.open();
  try {
    return await op(db);
  } catch (error) {
    throw storage.report(error);
  }
}
