/**
 * What Deckhand stores on a CouchDB-protocol server, one document per record:
 * - `r:<uuid>`       one review, immutable: replication is a union and never conflicts;
 * - `deck:<id>`      an imported deck (Markdown source, name, cards) and when it was edited;
 *                    deleting the deck deletes the document (a tombstone that replicates);
 * - `deckv:<id>:<t>` a deck version that lost a conflict or a restore, kept so it can be restored;
 * - `settings`       the settings that follow a person (study settings, language).
 * Schedules are not stored: each device rebuilds them from the log (replay.ts).
 */
import type { SrsSettings } from '../srs/settings.ts';
import type { ReviewLogEntry, UserDeck } from '../srs/types.ts';

export const REVIEW_PREFIX = 'r:';
export const DECK_PREFIX = 'deck:';
export const VERSION_PREFIX = 'deckv:';
export const SETTINGS_ID = 'settings';

/** Settings that follow the person from device to device (theme and install state stay). */
export interface PersonalSettings {
  srs: SrsSettings;
  lang?: 'zh' | 'en';
}

interface Doc {
  _id: string;
  _rev?: string;
  _conflicts?: string[];
  _deleted?: boolean;
}
export interface ReviewDoc extends Doc {
  type: 'review';
  entry: ReviewLogEntry;
}
export interface DeckDoc extends Doc {
  type: 'deck';
  deck: UserDeck;
  /** Epoch ms of the edit on the device that made it: the newest edit wins a conflict. */
  editedAt: number;
}
export interface DeckVersionDoc extends Doc {
  type: 'deck-version';
  deck: UserDeck;
  editedAt: number;
  /** Epoch ms it was set aside. */
  keptAt: number;
}
export interface SettingsDoc extends Doc {
  type: 'settings';
  personal: PersonalSettings;
  editedAt: number;
}
export type SyncDoc = ReviewDoc | DeckDoc | DeckVersionDoc | SettingsDoc;

export const reviewDocId = (entryId: string) => REVIEW_PREFIX + entryId;
export const deckDocId = (deckId: string) => DECK_PREFIX + deckId;
export const idOfReviewDoc = (docId: string) => docId.slice(REVIEW_PREFIX.length);
export const idOfDeckDoc = (docId: string) => docId.slice(DECK_PREFIX.length);

export function reviewDoc(entry: ReviewLogEntry): ReviewDoc {
  return { _id: reviewDocId(entry.id), type: 'review', entry };
}

export function versionDoc(deck: UserDeck, editedAt: number, keptAt: number): DeckVersionDoc {
  return { _id: `${VERSION_PREFIX}${deck.id}:${editedAt}`, type: 'deck-version', deck, editedAt, keptAt };
}

/** The same value always gives the same text (keys sorted), so "did it change?" is a string compare. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * Which of a document's conflicting versions wins: the newest edit; equal times go to the
 * larger revision id, so every device picks the same one without talking to the others.
 */
export function newestEdit<T extends { editedAt: number; _rev?: string }>(versions: readonly T[]): T {
  return versions.reduce((best, v) => (v.editedAt > best.editedAt || (v.editedAt === best.editedAt && (v._rev ?? '') > (best._rev ?? '')) ? v : best));
}

/** A document without the fields a read adds (`_conflicts`), ready to write. */
export function bare<T extends { _conflicts?: string[] }>(doc: T): T {
  const { _conflicts: _c, ...rest } = doc;
  return rest as T;
}

export function ignoreConflict(e: unknown) {
  if ((e as { status?: number }).status !== 409) throw e;
}
