/**
 * Sync, as the UI sees it: the server settings (kept on this device only), a live status, and
 * on/off. This module is loaded only by the Sync panel, or at start-up when sync is on; the
 * sync code itself (src/lib/sync, PouchDB) is imported only once sync starts.
 */
import type { SyncSession, SyncStatus } from '../../lib/sync/index.ts';
import type { DeckVersionDoc } from '../../lib/sync/docs.ts';
import { defaultDatabase, type SyncConfig } from '../../lib/sync/server.ts';
import type { UserDeck } from '../../lib/srs/types.ts';
import { storage, withDb, type StorageChange } from './db.svelte.ts';
import { i18n } from './i18n.svelte.ts';
import { local } from './web-storage.ts';

/** Device-only: the server, user and password never go into backups or to the server's data. */
const CONFIG_KEY = 'deckhand.sync';
/** Read at start-up by main.ts, without loading this module: '1' = sync is on. */
export const SYNC_ON_KEY = 'deckhand.sync.on';
const LANG_KEY = 'deckhand.lang';
const CHANNEL = 'deckhand-storage';

/** 'memory': IndexedDB is unavailable here (private mode…), so there is nothing to sync from. */
export type SyncView = SyncStatus | { kind: 'off' } | { kind: 'memory' };

class SyncState {
  #config = $state.raw<SyncConfig | null>(readConfig());
  #status = $state.raw<SyncView>({ kind: 'off' });
  #versions = $state.raw<DeckVersionDoc[]>([]);
  #session: SyncSession | null = null;
  #starting: Promise<void> | null = null;
  #unlisten: (() => void) | null = null;
  /** Changes from the server are announced like another tab's, so every screen reloads them. */
  #channel: BroadcastChannel | null = null;

  get config(): SyncConfig | null {
    return this.#config;
  }
  get status(): SyncView {
    return this.#status;
  }
  get on(): boolean {
    return local.get(SYNC_ON_KEY) === '1';
  }
  /** Deck versions set aside by conflicts, newest first. */
  get versions(): readonly DeckVersionDoc[] {
    return this.#versions;
  }

  /** Saves the server settings and starts syncing (first time: uploads and merges everything). */
  async turnOn(config: SyncConfig): Promise<void> {
    const clean = { ...config, url: config.url.trim(), user: config.user.trim(), db: config.db.trim() || defaultDatabase(config.user.trim()) };
    local.set(CONFIG_KEY, JSON.stringify(clean));
    local.set(SYNC_ON_KEY, '1');
    this.#config = clean;
    await this.#close();
    await this.resume();
  }

  /** At start-up (or after turnOn): starts sync if it is on. */
  resume(): Promise<void> {
    if (!this.on || !this.#config || this.#session) return Promise.resolve();
    this.#starting ??= this.#start(this.#config)
      .catch((error: unknown) => {
        console.warn('Sync could not start.', error);
        this.#status = { kind: 'error', problem: 'unknown' };
      })
      .finally(() => (this.#starting = null));
    return this.#starting;
  }

  /** "Sync now": a full round at once, and live replication again. */
  async syncNow(): Promise<void> {
    if (!this.#session) return this.resume();
    await this.#session.engine.wake();
    await this.#refreshVersions();
  }

  /** Stops syncing; everything already here stays here. */
  async stop(): Promise<void> {
    local.set(SYNC_ON_KEY, '0');
    await this.#close();
    this.#status = { kind: 'off' };
  }

  /** Puts a kept deck version back: an edit like any other, so it syncs as the newest. */
  async restore(version: DeckVersionDoc): Promise<UserDeck> {
    await withDb((repo) => repo.saveDeck(version.deck));
    this.#announce({ type: 'decks' });
    this.#session?.engine.localChanged(0);
    return version.deck;
  }

  async #start(config: SyncConfig) {
    if ((await withDb(async (repo) => repo.persistent)) === false) {
      this.#status = { kind: 'memory' };
      return;
    }
    const { openSync } = await import('../../lib/sync/index.ts');
    this.#session = await openSync(config, {
      onStatus: (s) => (this.#status = s),
      onApplied: (r) => {
        // A few cards: each as a review (an open drill updates them in place); many: everything changed.
        if (r.cards.length > 50 || r.cards.includes('*')) this.#announce({ type: 'replaced' });
        else for (const cardId of r.cards) this.#announce({ type: 'review', cardId });
        if (r.decks) this.#announce({ type: 'decks' });
        if (r.settings) this.#announce({ type: 'settings' });
        if (r.decks) void this.#refreshVersions();
      },
      lang: {
        get: () => {
          const l = local.get(LANG_KEY);
          return l === 'zh' || l === 'en' ? l : undefined;
        },
        set: (l) => (i18n.lang = l),
      },
      onClosed: () => void this.#close(),
    });
    this.#unlisten = storage.onChange((change: StorageChange, fromOtherTab: boolean) => {
      // Another tab's change is that tab's to push; ours (and the server's, echoed) are checked here.
      // A grade or an undo names its card: only that card's reviews are compared with the mirror.
      const cards = change.type === 'review' || change.type === 'undo' ? [change.cardId] : undefined;
      this.#session?.engine.localChanged(fromOtherTab ? 1000 : 300, cards);
    });
    addEventListener('online', this.#online);
    await this.#session.engine.start();
    await this.#refreshVersions();
  }

  #online = () => void this.#session?.engine.wake();

  async #refreshVersions() {
    this.#versions = (await this.#session?.keptVersions()) ?? [];
  }

  #announce(change: StorageChange) {
    this.#channel ??= typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    this.#channel?.postMessage(change);
  }

  async #close() {
    await this.#starting?.catch(() => {});
    removeEventListener('online', this.#online);
    this.#unlisten?.();
    this.#unlisten = null;
    const session = this.#session;
    this.#session = null;
    await session?.close();
  }
}

function readConfig(): SyncConfig | null {
  try {
    const raw = JSON.parse(local.get(CONFIG_KEY) ?? 'null') as Partial<SyncConfig> | null;
    if (!raw || typeof raw.url !== 'string' || typeof raw.user !== 'string') return null;
    return { url: raw.url, user: raw.user, password: String(raw.password ?? ''), db: String(raw.db ?? defaultDatabase(raw.user)) };
  } catch {
    return null;
  }
}

export const sync = new SyncState();
