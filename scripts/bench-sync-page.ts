/// <reference path="../src/lib/sync/pouchdb-modules.d.ts" />
// The sync bench's device in Chromium: the app's own sync code (SyncEngine, the idb-backed
// store, PouchDB with its idb adapter — what src/lib/sync/index.ts builds), bundled by
// bench-sync-chromium.ts and driven from Node through `window.deckhandBench`.
import { openDeckhandDB } from '../src/lib/store/open.ts';
import { idbRepository, type Repository } from '../src/lib/store/repository.ts';
import { SyncEngine } from '../src/lib/sync/engine.ts';
import { idbLocal } from '../src/lib/sync/local.ts';
import { PouchDB } from '../src/lib/sync/pouch.ts';
import { databaseUrl, type SyncConfig } from '../src/lib/sync/server.ts';
import type { SyncDoc } from '../src/lib/sync/docs.ts';

let device: { repo: Repository; engine: SyncEngine } | undefined;

async function open(config: SyncConfig) {
  const db = await openDeckhandDB({ name: 'bench-chromium' });
  const engine = new SyncEngine({
    mirror: new PouchDB<SyncDoc>('bench-chromium-mirror', { adapter: 'idb', revs_limit: 50 }),
    remote: new PouchDB<SyncDoc>(databaseUrl(config), { adapter: 'http', skip_setup: true, auth: { username: config.user, password: config.password } }),
    local: idbLocal(db),
    config,
    probe: { fetch: (input, init) => fetch(input, init), online: () => navigator.onLine },
    now: () => Date.now(),
    onStatus: () => {},
    onApplied: () => {},
    live: false,
  });
  device = { repo: idbRepository(db), engine };
}

async function timed(fn: () => Promise<unknown>) {
  const t0 = performance.now();
  const problem = await fn();
  if (problem) throw new Error(`sync failed: ${String(problem)}`);
  return { ms: performance.now() - t0, reviews: await device!.repo.countLog() };
}

Object.assign(globalThis, {
  deckhandBench: {
    /** A fresh device's first sync. */
    fresh: async (config: SyncConfig) => {
      await open(config);
      return timed(() => device!.engine.start());
    },
    round: () => timed(async () => (await device!.engine.round(), null)),
    schedules: async () => JSON.stringify((await device!.repo.getSchedules()).sort((a, b) => (a.cardId < b.cardId ? -1 : 1))),
  },
});
