/**
 * Opening the database: runs the upgrade steps, and turns every way a connection can end
 * into a callback the UI can show (reload, close other tabs) instead of a silent hang.
 */
import { openDB } from 'idb';
import { UpgradeFailedError } from './errors.ts';
import { DB_NAME, MIGRATIONS, type DeckhandDB, type DeckhandSchema, type Migration, type UpgradeTx } from './schema.ts';

export interface OpenOptions {
  /** Default 'deckhand'. */
  name?: string;
  /**
   * Another tab opened a newer version of the app and wants to upgrade. This connection is
   * closed first (so the other tab is not blocked); ask the user to reload.
   */
  onVersionChange?: () => void;
  /** Our upgrade waits for another tab still holding the old version: ask to close other tabs. */
  onBlocked?: () => void;
  /** The browser closed the connection abnormally (storage cleared, I/O error). */
  onClosed?: () => void;
  /** Tests only: the upgrade steps (default MIGRATIONS); the version opened is the last step's. */
  migrations?: readonly Migration[];
}

/** Opens (creating or upgrading) the database. Rejects with UpgradeFailedError if a step fails. */
export async function openDeckhandDB(options: OpenOptions = {}): Promise<DeckhandDB> {
  const steps = options.migrations ?? MIGRATIONS;
  const version = steps.reduce((v, m) => Math.max(v, m.version), 0);
  let failure: { error: unknown; from: number } | null = null;
  let fromVersion = 0;

  try {
    const db = await openDB<DeckhandSchema>(options.name ?? DB_NAME, version, {
      upgrade(db, oldVersion, _newVersion, tx) {
        fromVersion = oldVersion;
        tx.done.catch(() => {}); // an abort is reported through the open promise below
        const fail = (error: unknown) => {
          failure ??= { error, from: oldVersion };
          try {
            tx.abort();
          } catch {
            // already finished or aborting
          }
        };
        try {
          runSteps(steps, 0, oldVersion, db, tx, fail);
        } catch (e) {
          fail(e);
        }
      },
      blocked() {
        options.onBlocked?.();
      },
      blocking(_current, _wanted, event) {
        (event.target as IDBDatabase).close();
        options.onVersionChange?.();
      },
      terminated() {
        options.onClosed?.();
      },
    });
    return db;
  } catch (e) {
    const f = failure as { error: unknown; from: number } | null;
    if (f) throw new UpgradeFailedError(f.from, version, { cause: f.error });
    if (e instanceof DOMException && e.name === 'AbortError' && fromVersion < version) {
      throw new UpgradeFailedError(fromVersion, version, { cause: e });
    }
    throw e;
  }
}

/** Runs the steps newer than `oldVersion` in order; an async step's successors wait for it. */
function runSteps(steps: readonly Migration[], from: number, oldVersion: number, db: DeckhandDB, tx: UpgradeTx, fail: (e: unknown) => void): void {
  for (let i = from; i < steps.length; i++) {
    const step = steps[i] as Migration;
    if (oldVersion >= step.version) continue;
    const r = step.up(db, tx);
    if (r && typeof r.then === 'function') {
      r.then(() => {
        try {
          runSteps(steps, i + 1, oldVersion, db, tx, fail);
        } catch (e) {
          fail(e);
        }
      }, fail);
      return;
    }
  }
}
