/**
 * Asking the browser not to evict our data under storage pressure (navigator.storage.persist).
 * Request it after the first review — browsers grant it more readily once the user engaged —
 * and show its state in settings. Every function copes with a browser that lacks the API.
 */

/** persisted: protected from eviction; best-effort: may be evicted; unsupported: no API. */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

/** The part of StorageManager used here (pass a stub in tests). */
export interface StorageLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

const defaultStorage = (): StorageLike | undefined => (typeof navigator === 'undefined' ? undefined : navigator.storage);

export async function getPersistence(storage: StorageLike | undefined = defaultStorage()): Promise<PersistenceState> {
  if (!storage?.persisted) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'persisted' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}

/** Asks for persistent storage unless already granted; resolves to the resulting state. */
export async function requestPersistence(storage: StorageLike | undefined = defaultStorage()): Promise<PersistenceState> {
  const now = await getPersistence(storage);
  if (now !== 'best-effort' || !storage?.persist) return now === 'best-effort' ? 'best-effort' : now;
  try {
    return (await storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}

/** Bytes used and available to this origin, or null when the browser does not say. */
export async function estimateStorage(storage: StorageLike | undefined = defaultStorage()): Promise<{ usage: number; quota: number } | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}
