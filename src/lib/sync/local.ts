/**
 * The device's side of sync: the app's own IndexedDB store (src/lib/store), which stays the
 * app's store. Sync reads it to find what changed here and writes what came from elsewhere.
 */
import type { DeckhandDB } from '../store/schema.ts';
import { deleteDeck, getDecks, saveDeck } from '../store/decks.ts';
import { getSettings, saveSettings } from '../store/settings.ts';
import { applyLogChanges, countLogEntries, getAllCardLogs, getCardLogs, getLogEntries, getLogIds, replaceSchedules } from '../store/sync-records.ts';
import type { ReviewLogEntry, Schedule, UserDeck } from '../srs/types.ts';
import type { PersonalSettings } from './docs.ts';

export interface LocalSide {
  logIds(): Promise<string[]>;
  countLog(): Promise<number>;
  logEntries(ids: readonly string[]): Promise<ReviewLogEntry[]>;
  cardLogs(cardIds: Iterable<string>): Promise<Map<string, ReviewLogEntry[]>>;
  allCardLogs(): Promise<Map<string, ReviewLogEntry[]>>;
  applyLog(add: readonly ReviewLogEntry[], remove: readonly string[]): Promise<void>;
  replaceSchedules(schedules: ReadonlyMap<string, Schedule | null>): Promise<void>;
  settings(): Promise<PersonalSettings>;
  applySettings(settings: PersonalSettings): Promise<void>;
  decks(): Promise<UserDeck[]>;
  saveDeck(deck: UserDeck): Promise<void>;
  /** Keeps the deck's review history, as deleting a deck in the app does. */
  deleteDeck(id: string): Promise<void>;
}

/** The interface language lives outside IndexedDB (the UI keeps it): passed in. */
export interface LangAccess {
  get(): 'zh' | 'en' | undefined;
  set(lang: 'zh' | 'en'): void;
}

export function idbLocal(db: DeckhandDB, lang?: LangAccess): LocalSide {
  return {
    logIds: () => getLogIds(db),
    countLog: () => countLogEntries(db),
    logEntries: (ids) => getLogEntries(db, ids),
    cardLogs: (ids) => getCardLogs(db, ids),
    allCardLogs: () => getAllCardLogs(db),
    applyLog: (add, remove) => applyLogChanges(db, add, remove),
    replaceSchedules: (s) => replaceSchedules(db, s),
    async settings() {
      const srs = await getSettings(db);
      const l = lang?.get();
      return l ? { srs, lang: l } : { srs };
    },
    async applySettings(p) {
      await saveSettings(db, p.srs);
      if (p.lang) lang?.set(p.lang);
    },
    decks: () => getDecks(db),
    saveDeck: (d) => saveDeck(db, d),
    deleteDeck: (id) => deleteDeck(db, id),
  };
}
