/**
 * Sync's entry point, loaded by the UI only when the user turned sync on (dynamic import):
 * the only code that imports PouchDB. The app's IndexedDB store stays the app's store; a
 * PouchDB database mirrors it and replicates with the server (see mirror.ts for why).
 */
import { openDeckhandDB } from '../store/open.ts';
import { shortHash } from '../notes/id.ts';
import { SyncEngine, type SyncStatus } from './engine.ts';
import { idbLocal, type LangAccess } from './local.ts';
import type { PullResult } from './mirror.ts';
import { PouchDB } from './pouch.ts';
import { databaseUrl, type SyncConfig } from './server.ts';
import { VERSION_PREFIX, type DeckVersionDoc, type SyncDoc } from './docs.ts';

export type { SyncStatus, SyncConfig, PullResult };
export { checkUrl, defaultDatabase, type SyncProblem } from './server.ts';

export interface SyncSession {
  engine: SyncEngine;
  /** Deck versions set aside by conflicts and restores, newest first. */
  keptVersions(): Promise<DeckVersionDoc[]>;
  close(): Promise<void>;
}

/** One mirror per server, database and user: switching servers never mixes their histories. */
export function mirrorName(config: SyncConfig): string {
  return `deckhand-sync-${shortHash(`${config.url.trim()}|${config.db}|${config.user}`)}`;
}

export async function openSync(
  config: SyncConfig,
  hooks: { onStatus: (s: SyncStatus) => void; onApplied: (r: PullResult) => void; lang: LangAccess; onClosed: () => void },
): Promise<SyncSession> {
  const db = await openDeckhandDB({ onVersionChange: hooks.onClosed, onClosed: hooks.onClosed });
  const mirror = new PouchDB<SyncDoc>(mirrorName(config), { adapter: 'idb', revs_limit: 50 });
  const remote = new PouchDB<SyncDoc>(databaseUrl(config), {
    adapter: 'http',
    skip_setup: true,
    auth: { username: config.user, password: config.password },
  });
  const engine = new SyncEngine({
    mirror,
    remote,
    local: idbLocal(db, hooks.lang),
    config,
    probe: { fetch: (input, init) => fetch(input, init), online: () => navigator.onLine },
    now: () => Date.now(),
    onStatus: hooks.onStatus,
    onApplied: hooks.onApplied,
  });
  return {
    engine,
    async keptVersions() {
      const rows = await mirror.allDocs({ startkey: VERSION_PREFIX, endkey: `${VERSION_PREFIX}\ufff0`, include_docs: true });
      return rows.rows.map((r) => r.doc as unknown as DeckVersionDoc).filter(Boolean).sort((a, b) => b.editedAt - a.editedAt);
    },
    async close() {
      engine.stop();
      db.close();
      await Promise.all([mirror.close(), remote.close()]);
    },
  };
}
