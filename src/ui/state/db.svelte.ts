import {
  estimateStorage,
  getPersistence,
  openRepository,
  requestPersistence,
  StorageFullError,
  StoreClosedError,
  type FallbackReason,
  type PersistenceState,
  type Repository,
} from '../../lib/store/index.ts';

/**
 * The one opened repository (src/lib/store), and what the user must know about storage:
 * - `mode` 'disk': IndexedDB works and progress survives reloads; 'memory': it could not be
 *   used (private mode, blocked storage, a failed upgrade) and progress ends with the tab.
 * - `outdated`: another tab opened a newer version; this tab's connection was closed: reload.
 * - `blocked`: our upgrade waits for another tab that still has the older version open.
 * - `full`: a write hit the quota: offer a backup.
 *
 * Everything that touches storage from the UI goes through `getDb()` / `withDb()`, so these
 * states are caught in one place. Changes are announced to other tabs over a BroadcastChannel.
 */

export type StorageMode = 'opening' | 'disk' | 'memory';
export type PersistState = PersistenceState | 'unknown';

/** What changed, so other tabs (and other state in this tab) can refresh. */
export type StorageChange =
  | { type: 'review'; cardId: string }
  | { type: 'undo'; cardId: string }
  | { type: 'replaced' }
  | { type: 'settings' }
  | { type: 'decks' };

const CHANNEL = 'deckhand-storage';

class StorageState {
  #mode = $state<StorageMode>('opening');
  #fallback = $state<FallbackReason | null>(null);
  #outdated = $state(false);
  #blocked = $state(false);
  #full = $state(false);
  #closed = $state(false);
  #persist = $state<PersistState>('unknown');
  #estimate = $state.raw<{ usage: number; quota: number } | null>(null);
  #opening: Promise<Repository> | null = null;
  #channel: BroadcastChannel | null = null;
  #listeners = new Set<(change: StorageChange, fromOtherTab: boolean) => void>();
  #persistAsked = false;

  get mode(): StorageMode {
    return this.#mode;
  }
  /** Why progress is only in memory (null on disk). */
  get fallback(): FallbackReason | null {
    return this.#fallback;
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

  /** The repository, opened once on first use. */
  open(): Promise<Repository> {
    this.#opening ??= this.#open();
    return this.#opening;
  }

  async #open(): Promise<Repository> {
    this.#listen();
    const repo = await openRepository({
      onVersionChange: () => (this.#outdated = true),
      onBlocked: () => (this.#blocked = true),
      onClosed: () => {
        if (!this.#outdated) this.#closed = true;
      },
    });
    this.#blocked = false;
    this.#mode = repo.persistent ? 'disk' : 'memory';
    this.#fallback = repo.fallback?.reason ?? null;
    if (repo.fallback) console.warn('Storage unavailable; progress is kept in memory for this visit.', repo.fallback.error);
    void this.refreshPersist();
    return repo;
  }

  /** Tells other tabs (and listeners in this tab) that stored data changed. */
  announce(change: StorageChange) {
    this.#channel?.postMessage(change);
    for (const fn of this.#listeners) fn(change, false);
  }

  /** Listen for changes (`fromOtherTab` tells where they came from); returns an unsubscribe function. */
  onChange(fn: (change: StorageChange, fromOtherTab: boolean) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Records a storage failure for the banners; returns it unchanged for rethrowing. */
  report(error: unknown): unknown {
    if (error instanceof StorageFullError) this.#full = true;
    else if (error instanceof StoreClosedError && !this.#outdated) this.#closed = true;
    return error;
  }

  /** A write succeeded again (space was freed): hide the quota banner. */
  clearFull() {
    this.#full = false;
  }

  /** Asks the browser not to evict our data — once per visit, after the first review. */
  async requestPersistOnce(): Promise<void> {
    if (this.#persistAsked || this.#mode !== 'disk' || this.#persist === 'persisted') return;
    this.#persistAsked = true;
    await this.requestPersist();
  }

  async requestPersist(): Promise<void> {
    if (this.#mode === 'memory') return;
    this.#persist = await requestPersistence();
    this.#estimate = await estimateStorage();
  }

  async refreshPersist(): Promise<void> {
    if (this.#mode === 'memory') {
      this.#persist = 'unsupported';
      return;
    }
    this.#persist = await getPersistence();
    this.#estimate = await estimateStorage();
  }

  #listen() {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (event: MessageEvent<StorageChange>) => {
      for (const fn of this.#listeners) fn(event.data, true);
    };
  }
}

export const storage = new StorageState();

/** The opened repository: `await (await getDb()).saveReview(result)`. */
export function getDb(): Promise<Repository> {
  return storage.open();
}

/**
 * Runs a repository operation; storage failures (quota, closed connection) also raise the
 * matching banner before the error is rethrown to the caller.
 */
export async function withDb<T>(op: (repo: Repository) => Promise<T>): Promise<T> {
  const repo = await storage.open();
  try {
    return await op(repo);
  } catch (error) {
    throw storage.report(error);
  }
}
