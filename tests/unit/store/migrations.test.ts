/**
 * Upgrades, each from a fixture of the older version built with the raw IndexedDB API,
 * and the guarantee that a failing upgrade leaves the old database exactly as it was.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  getLog,
  getSchedules,
  getSettings,
  MIGRATIONS,
  openDeckhandDB,
  openRepository,
  UpgradeFailedError,
  type Migration,
} from '../../../src/lib/store/index.ts';
import { createV1Database, freshIndexedDB, rawDump, v1Records } from './helpers.ts';

const NAME = 'deckhand-test';
beforeEach(freshIndexedDB);

describe('upgrades', () => {
  it('creates the current schema in an empty browser', async () => {
    const db = await openDeckhandDB({ name: NAME });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['decks', 'reviewLog', 'schedules', 'settings', 'snapshots']);
    expect([...db.transaction('reviewLog').store.indexNames].sort()).toEqual(['byCard', 'byTime']);
    db.close();
  });

  it('v1 → v2 keeps every record and indexes the old log by time', async () => {
    const records = v1Records();
    await createV1Database(NAME, records);
    const db = await openDeckhandDB({ name: NAME });
    expect(db.version).toBe(2);
    expect(await getSchedules(db)).toEqual(expect.arrayContaining(records.schedules));
    expect(await getSchedules(db)).toHaveLength(records.schedules.length);
    // getLog with a range goes through the new byTime index, so old entries must be in it.
    const all = await getLog(db, { since: 0 });
    expect(all).toHaveLength(records.reviewLog.length);
    expect(all.map((e) => e.reviewedAt)).toEqual(records.reviewLog.map((e) => e.reviewedAt).sort((a, b) => a - b));
    expect((await getSettings(db)).newPerDay).toBe((records.settings.srs as { newPerDay: number }).newPerDay);
    expect(await db.getAll('decks')).toEqual([]);
    db.close();
  });

  it('a step that throws aborts the upgrade and leaves the v1 data intact', async () => {
    await createV1Database(NAME);
    const before = await rawDump(NAME);
    const broken: Migration[] = MIGRATIONS.map((m) =>
      m.version === 2
        ? {
            ...m,
            up(db, tx) {
              m.up(db, tx); // half done: stores and index created...
              throw new Error('disk on fire'); // ...then it fails
            },
          }
        : m,
    );
    const err = await openDeckhandDB({ name: NAME, migrations: broken }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpgradeFailedError);
    expect(err).toMatchObject({ fromVersion: 1, toVersion: 2 });
    expect(((err as Error).cause as Error).message).toBe('disk on fire');
    const after = await rawDump(NAME);
    expect(after).toEqual(before);
    expect(after.version).toBe(1);
    expect(after.stores).toEqual(['reviewLog', 'schedules', 'settings']);
  });

  it('an async step that rejects also aborts, and later steps never run', async () => {
    await createV1Database(NAME);
    const before = await rawDump(NAME);
    let ranV3 = false;
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: 3,
        name: 'rewrite every log entry (fails half way)',
        async up(_db, tx) {
          const log = tx.objectStore('reviewLog');
          let cursor = await log.openCursor();
          await cursor!.update({ ...cursor!.value, rating: 4 });
          cursor = await cursor!.continue();
          throw new Error('bad record');
        },
      },
      { version: 4, name: 'never reached', up: () => void (ranV3 = true) },
    ];
    await expect(openDeckhandDB({ name: NAME, migrations: broken })).rejects.toBeInstanceOf(UpgradeFailedError);
    expect(ranV3).toBe(false);
    expect(await rawDump(NAME)).toEqual(before);
  });

  it('the app keeps working in memory after a failed upgrade, and says why', async () => {
    await createV1Database(NAME);
    const repo = await openRepository({
      name: NAME,
      migrations: [...MIGRATIONS, { version: 3, name: 'fails', up: () => { throw new Error('nope'); } }],
    });
    expect(repo.persistent).toBe(false);
    expect(repo.fallback?.reason).toBe('upgrade-failed');
    expect((await rawDump(NAME)).version).toBe(1);
  });
});
