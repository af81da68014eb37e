/** A full disk must surface as StorageFullError, and a half-written grade must not survive it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRepository, StorageFullError, StoreClosedError, toStoreError } from '../../../src/lib/store/index.ts';
import { freshIndexedDB, twoReviews } from './helpers.ts';

beforeEach(freshIndexedDB);
afterEach(() => vi.restoreAllMocks());

describe('storage full', () => {
  it('rejects a grade with StorageFullError and keeps the previous schedule', async () => {
    const repo = await openRepository({ name: 'quota' });
    const { first, second } = twoReviews('a');
    await repo.saveReview(first);
    // The schedule put succeeds, then the log write hits the quota.
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await repo.saveReview(second).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as StorageFullError).cause).toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect(await repo.getSchedule('a')).toEqual(first.schedule);
    expect(await repo.getLog()).toEqual([first.log]);
  });

  it('maps the DOMExceptions a transaction can end with', () => {
    expect(toStoreError(new DOMException('full', 'QuotaExceededError'))).toBeInstanceOf(StorageFullError);
    expect(toStoreError(new DOMException('closing', 'InvalidStateError'))).toBeInstanceOf(StoreClosedError);
    const other = new DOMException('x', 'DataError');
    expect(toStoreError(other)).toBe(other);
  });
});
