/** Every way a connection can fail or be taken away ends in a callback or a typed state, never a hang. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIGRATIONS, openDeckhandDB, openRepository, StoreClosedError } from '../../../src/lib/store/index.ts';
import { createV1Database, freshIndexedDB, twoReviews } from './helpers.ts';

const NAME = 'deckhand-test';
beforeEach(freshIndexedDB);
afterEach(() => vi.restoreAllMocks());

describe('connections', () => {
  it('closes and reports when another tab upgrades to a newer version', async () => {
    const onVersionChange = vi.fn();
    const repo = await openRepository({ name: NAME, onVersionChange });
    await repo.saveReview(twoReviews('a').first);

    // "Another tab" running a newer app with one more upgrade step.
    const newer = await openDeckhandDB({ name: NAME, migrations: [...MIGRATIONS, { version: 3, name: 'next', up: () => {} }] });
    expect(newer.version).toBe(3); // not blocked: the old connection stepped aside
    expect(onVersionChange).toHaveBeenCalledOnce();
    await expect(repo.getSchedules()).rejects.toBeInstanceOf(StoreClosedError);
    expect(await newer.getAll('schedules')).toHaveLength(1);
    newer.close();
  });

  it('reports being blocked by an old tab that does not let go, then opens when it closes', async () => {
    await createV1Database(NAME);
    const stubborn = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(NAME, 1);
      req.onsuccess = () => resolve(req.result); // no versionchange handler: it never closes by itself
    });
    const onBlocked = vi.fn();
    const opening = openDeckhandDB({ name: NAME, onBlocked });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
    stubborn.close();
    const db = await opening;
    expect(db.version).toBe(2);
    db.close();
  });

  it('falls back to memory when IndexedDB does not exist', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const repo = await openRepository({ name: NAME });
    expect(repo).toMatchObject({ kind: 'memory', persistent: false, fallback: { reason: 'unavailable' } });
    const { first } = twoReviews('a');
    await repo.saveReview(first);
    expect(await repo.getSchedules()).toEqual([first.schedule]);
    vi.unstubAllGlobals();
  });

  it('falls back to memory when IndexedDB refuses to open (private mode)', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    });
    const repo = await openRepository({ name: NAME });
    expect(repo.fallback?.reason).toBe('open-failed');
    expect(repo.persistent).toBe(false);
  });

  it('says when the saved data comes from a newer version of the app', async () => {
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(NAME, 9);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
    });
    const repo = await openRepository({ name: NAME });
    expect(repo.fallback?.reason).toBe('newer-version');
  });
});
