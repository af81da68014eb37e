/**
 * The mirror's decks and settings (mirror.ts does the review log): few, small documents that,
 * unlike reviews, can be edited on two devices at once. A conflict goes to the newest edit and
 * every other deck version is kept as a `deckv:` document; a deck tombstone deletes the deck
 * here (its review history stays); an edit made here and not pushed yet is never overwritten.
 */
import type { UserDeck } from '../srs/types.ts';
import {
  bare,
  DECK_PREFIX,
  deckDocId,
  idOfDeckDoc,
  ignoreConflict,
  newestEdit,
  SETTINGS_ID,
  stableJson,
  versionDoc,
  type DeckDoc,
  type SettingsDoc,
  type SyncDoc,
} from './docs.ts';
import type { LocalSide } from './local.ts';
import type { Pouch } from './pouch-types.ts';

/** What the mirror and the store last agreed on (kept in the mirror's state document). */
export interface Agreed {
  /** The settings as last agreed with the mirror (absent before the first sync). */
  settings?: string;
}

export class MirrorDecks {
  readonly #db: Pouch<SyncDoc>;
  readonly #local: LocalSide;
  readonly #now: () => number;
  readonly #agreed: () => Agreed;
  /** Deck id → revision and content both sides agree on. */
  #decks = new Map<string, { rev: string; json: string }>();

  constructor(db: Pouch<SyncDoc>, local: LocalSide, now: () => number, agreed: () => Agreed) {
    this.#db = db;
    this.#local = local;
    this.#now = now;
    this.#agreed = agreed;
  }

  async load() {
    const decks = await this.#db.allDocs({ startkey: DECK_PREFIX, endkey: `${DECK_PREFIX}\ufff0`, include_docs: true });
    for (const row of decks.rows) {
      const doc = row.doc as DeckDoc | undefined;
      if (doc) this.#decks.set(doc.deck.id, { rev: doc._rev!, json: stableJson(doc.deck) });
    }
  }

  /**
   * A deck document changed in the mirror: a conflict goes to the newest edit and every other
   * version is kept; an edit made here and not pushed yet stays (it is newer than anything this
   * device has seen) and the incoming version is kept instead. True if the store changed.
   */
  async pullDeck(docId: string, deleted: boolean): Promise<boolean> {
    const deckId = idOfDeckDoc(docId);
    const known = this.#decks.get(deckId);
    const mine = (await this.#local.decks()).find((d) => d.id === deckId);
    const pendingHere = known !== undefined && mine !== undefined && stableJson(mine) !== known.json;
    if (deleted) {
      this.#decks.delete(deckId);
      if (pendingHere || !mine) return false;
      await this.#local.deleteDeck(deckId);
      return true;
    }
    const winner = await this.#resolve<DeckDoc>(docId, (losers) => losers.map((d) => versionDoc(d.deck, d.editedAt, this.#now())));
    const json = stableJson(winner.deck);
    if (pendingHere) {
      await this.#db.bulkDocs([versionDoc(winner.deck, winner.editedAt, this.#now())]);
      this.#decks.set(deckId, { rev: winner._rev!, json: known.json });
      return false;
    }
    this.#decks.set(deckId, { rev: winner._rev!, json });
    if (mine && stableJson(mine) === json) return false;
    await this.#local.saveDeck(winner.deck);
    return true;
  }

  /** The settings document changed in the mirror. True if the store changed. */
  async pullSettings(): Promise<boolean> {
    const winner = await this.#resolve<SettingsDoc>(SETTINGS_ID, () => []);
    const json = stableJson(winner.personal);
    const mine = stableJson(await this.#local.settings());
    const agreed = this.#agreed();
    // An edit made here since the last agreement is newer than anything this device has seen: it stays, and push sends it.
    if (agreed.settings !== undefined && mine !== agreed.settings) return false;
    agreed.settings = json;
    if (mine === json) return false;
    await this.#local.applySettings(winner.personal);
    return true;
  }

  /**
   * Leaves one version of a document that has conflicts: the newest edit (docs.ts), written on
   * top of the branch the mirror shows; `keep` turns the others into documents to save first.
   */
  async #resolve<T extends DeckDoc | SettingsDoc>(docId: string, keep: (losers: T[]) => SyncDoc[]): Promise<T> {
    const current = (await this.#db.get(docId, { conflicts: true })) as unknown as T;
    if (!current._conflicts?.length) return current;
    const others = (await Promise.all(current._conflicts.map((rev) => this.#db.get(docId, { rev })))) as unknown as T[];
    const winner = newestEdit([current, ...others]);
    const losers = [current, ...others].filter((d) => d !== winner);
    await this.#db.bulkDocs([...keep(losers), ...others.map((d) => ({ ...bare(d), _deleted: true }))] as SyncDoc[]);
    if (winner === current) return bare(current);
    const put = await this.#db.put({ ...bare(winner), _rev: current._rev } as T);
    return { ...bare(winner), _rev: put.rev };
  }

  async pushDecks() {
    const decks = await this.#local.decks();
    const here = new Set(decks.map((d) => d.id));
    for (const deck of decks) {
      const json = stableJson(deck);
      const known = this.#decks.get(deck.id);
      if (known?.json === json) continue;
      await this.#putDeck(deck, known?.rev, json);
    }
    for (const [id, known] of this.#decks) {
      if (here.has(id)) continue;
      await this.#db.remove(deckDocId(id), known.rev).catch(ignoreConflict);
      this.#decks.delete(id);
    }
  }

  async #putDeck(deck: UserDeck, rev: string | undefined, json: string) {
    try {
      const doc: DeckDoc = { _id: deckDocId(deck.id), type: 'deck', deck, editedAt: this.#now() };
      if (rev) doc._rev = rev;
      const put = await this.#db.put(doc);
      this.#decks.set(deck.id, { rev: put.rev, json });
    } catch (e) {
      ignoreConflict(e); // changed in the mirror meanwhile: the next pull resolves it, then push retries
    }
  }

  async pushSettings() {
    const personal = await this.#local.settings();
    const json = stableJson(personal);
    const agreed = this.#agreed();
    if (json === agreed.settings) return;
    let existing: SettingsDoc | undefined;
    try {
      existing = (await this.#db.get(SETTINGS_ID)) as unknown as SettingsDoc;
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
    try {
      await this.#db.put({ _id: SETTINGS_ID, ...(existing ? { _rev: existing._rev } : {}), type: 'settings', personal, editedAt: this.#now() } as SettingsDoc);
      agreed.settings = json;
    } catch (e) {
      ignoreConflict(e);
    }
  }
}
