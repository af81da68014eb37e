/**
 * Typed storage failures the UI can act on. Every repository function rejects with one of
 * these (or the original error when there is nothing specific to say) — never silently.
 */

/** The browser refused to store more (QuotaExceededError). Offer to export a backup. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super('Storage is full: nothing more could be saved. Export a backup, then free some space.', options);
  }
}

/** The connection was closed (another tab upgraded the database, or the browser closed it). Reload. */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
  constructor(options?: { cause?: unknown }) {
    super('The database connection was closed. Reload the page.', options);
  }
}

/** An upgrade step failed; the database was left at its old version with its data intact. */
export class UpgradeFailedError extends Error {
  override readonly name = 'UpgradeFailedError';
  constructor(
    readonly fromVersion: number,
    readonly toVersion: number,
    options?: { cause?: unknown },
  ) {
    super(`Could not upgrade saved data from version ${fromVersion} to ${toVersion}; nothing was changed.`, options);
  }
}

/** Undo was asked for a grade that is not the card's latest (or no longer exists). */
export class UndoError extends Error {
  override readonly name = 'UndoError';
  constructor(
    readonly reason: 'not-found' | 'not-latest',
    logId: string,
  ) {
    super(reason === 'not-found' ? `No review ${logId} to undo.` : `Review ${logId} is not the card's latest; only the latest grade can be undone.`);
  }
}

const nameOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'name' in e && typeof (e as { name: unknown }).name === 'string' ? (e as { name: string }).name : undefined;

/** Maps IndexedDB's DOMExceptions to the typed errors above. */
export function toStoreError(e: unknown): unknown {
  if (e instanceof StorageFullError || e instanceof StoreClosedError || e instanceof UndoError) return e;
  const name = nameOf(e);
  if (name === 'QuotaExceededError') return new StorageFullError({ cause: e });
  if (name === 'InvalidStateError') return new StoreClosedError({ cause: e });
  return e;
}

/** Runs a repository operation, rethrowing failures as typed errors. */
export async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw toStoreError(e);
  }
}
