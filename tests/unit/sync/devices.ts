/** Test devices for sync: each its own IndexedDB store, PouchDB mirror and clock, one shared server. */
import 'fake-indexeddb/auto';
import { openDeckhandDB } from '../../../src/lib/store/open.ts';
import { idbRepository, type Repository } from '../../../src/lib/store/repository.ts';
import { createScheduler, type Grade, type UserDeck } from '../../../src/lib/srs/index.ts';
import { SyncEngine, type SyncStatus } from '../../../src/lib/sync/engine.ts';
import { idbLocal, type LocalSide } from '../../../src/lib/sync/local.ts';
import { databaseUrl, type SyncConfig } from '../../../src/lib/sync/server.ts';
import type { SyncDoc } from '../../../src/lib/sync/docs.ts';
import type { Pouch } from '../../../src/lib/sync/pouch-types.ts';
import { nodePouch } from './couch-server.ts';

const PouchDB = nodePouch();
let serial = 0;

export interface Device {
  name: string;
  repo: Repository;
  engine: SyncEngine;
  mirror: Pouch<SyncDoc>;
  statuses: SyncStatus[];
  lang: { value: 'zh' | 'en' | undefined };
  /** The device's clock (epoch ms); tests move it. */
  clock: { now: number };
  /** How many of the next review batches from the server the store refuses (as a full disk would). */
  faults: { applyLog: number };
  /** A page reload: a new sync engine on the same store and mirror (what was only in memory is gone). */
  reload(): void;
  grade(cardId: string, rating: Grade): Promise<void>;
  close(): Promise<void>;
}

export async function device(serverUrl: string, options: { password?: string; now?: number; db?: string } = {}): Promise<Device> {
  const name = `device-${++serial}-${Date.now()}`;
  const db = await openDeckhandDB({ name });
  const repo = idbRepository(db);
  const clock = { now: options.now ?? Date.UTC(2026, 0, 5, 9) };
  const lang: Device['lang'] = { value: undefined };
  const config: SyncConfig = { url: serverUrl, user: 'ana', password: options.password ?? 'secret', db: options.db ?? 'deckhand-ana' };
  const mirror = new PouchDB<SyncDoc>(`${name}-mirror`, { adapter: 'memory' });
  const remote = new PouchDB<SyncDoc>(databaseUrl(config), {
    adapter: 'http',
    skip_setup: true,
    auth: { username: config.user, password: config.password },
  });
  const statuses: SyncStatus[] = [];
  const faults = { applyLog: 0 };
  const store = idbLocal(db, { get: () => lang.value, set: (l) => (lang.value = l) });
  const local: LocalSide = {
    ...store,
    applyLog(add, remove) {
      if (faults.applyLog <= 0) return store.applyLog(add, remove);
      faults.applyLog--;
      return Promise.reject(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }));
    },
  };
  const newEngine = () =>
    new SyncEngine({
      mirror,
      remote,
      local,
      config,
      probe: { fetch: (input, init) => fetch(input, init), online: () => true },
      now: () => clock.now,
      onStatus: (s) => statuses.push(s),
      onApplied: () => {},
      live: false,
    });
  const scheduler = createScheduler();
  const dev: Device = {
    name,
    repo,
    engine: newEngine(),
    mirror,
    statuses,
    lang,
    clock,
    faults,
    reload() {
      dev.engine.stop();
      dev.engine = newEngine();
    },
    async grade(cardId, rating) {
      const schedule = await repo.getSchedule(cardId);
      await repo.saveReview(scheduler.grade({ cardId, schedule, rating, now: new Date(clock.now), newId: () => crypto.randomUUID() }));
      clock.now += 60_000;
    },
    async close() {
      dev.engine.stop();
      repo.close();
      await mirror.destroy();
      await remote.close();
    },
  };
  return dev;
}

export function sampleDeck(id: string, name = id, text = `# ${name}\n\n## docker ps\n\nList containers.\n`): UserDeck {
  return { id, name, file: `${id}.md`, sourceText: text, importedAt: Date.UTC(2026, 0, 1), cards: [] };
}

/** What the user would compare between devices: every review id, and every schedule. */
export async function progressOf(d: Device) {
  const log = await d.repo.getLog();
  const schedules = await d.repo.getSchedules();
  return {
    logIds: log.map((e) => e.id).sort(),
    schedules: schedules.sort((a, b) => (a.cardId < b.cardId ? -1 : 1)),
  };
}
