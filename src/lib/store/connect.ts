/**
 * The app's entry point to storage: IndexedDB when it works, otherwise an in-memory
 * repository flagged non-persistent, with the reason — never a crash, never a silent loss.
 */
import { UpgradeFailedError } from './errors.ts';
import { memoryRepository } from './memory.ts';
import { openDeckhandDB, type OpenOptions } from './open.ts';
import { idbRepository, type FallbackReason, type Repository } from './repository.ts';

export async function openRepository(options: OpenOptions = {}): Promise<Repository> {
  try {
    // With site data blocked, merely reading `indexedDB` may throw SecurityError.
    if (typeof indexedDB === 'undefined' || indexedDB === null) return memoryRepository({ reason: 'unavailable' });
    return idbRepository(await openDeckhandDB(options));
  } catch (error) {
    return memoryRepository({ reason: reasonOf(error), error });
  }
}

function reasonOf(error: unknown): FallbackReason {
  if (error instanceof UpgradeFailedError) return 'upgrade-failed';
  if (error instanceof DOMException && error.name === 'VersionError') return 'newer-version';
  return 'open-failed';
}
