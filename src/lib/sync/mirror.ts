/**
 * Keeps a PouchDB database (the mirror, which replicates with the server) and the app's
 * IndexedDB store in step, both ways:
 * - `pull()` applies what replication brought into the mirror to the store: reviews are added
 *   or removed (a union), the schedules of the cards they touch are replayed from the merged
 *   log, deck conflicts go to the newest edit with the other version kept, deck tombstones
 *   delete the deck here (its history stays), newer settings replace the local ones.
 * - `push()` writes what changed in the store into the mirror.
 * The ids in `#known` are in both: a mirror review missing from the store was deleted here
 * (undo, delete with history); a store review missing from `#known` is new here.
 * Every step runs one at a time, `push` always after a `pull`, so nothing pulled but not yet
 * applied is ever taken for a local deletion.
 */
import type { UserDeck } from '../srs/types.ts';
import {
  bare,
  DECK_PREFIX,
  ignoreConflict,
  deckDocId,
  idOfDeckDoc,
  idOfReviewDoc,
  newestEdit,
  REVIEW_PREFIX,
  reviewDoc,
  SETTINGS_ID,
  stableJson,
  versionDoc,
  type DeckDoc,
  type SettingsDoc,
  type SyncDoc,
} from './docs.ts';
import type { LocalSide } from './local.ts';
import type { Pouch } from './pouch-types.ts';
import { replayAll } from './replay.ts';

const STATE_ID = '_local/deckhand-mirror';
const BATCH = 2000;

interface MirrorState {
  _id: string;
  _rev?: string;
  /** The mirror's change sequence applied to the store so far. */
  appliedSeq: number | string;
  /** The settings as last agreed with the mirror (absent before the first sync). */
  settings?: string;
  /** The scheduling settings every schedule was last replayed with (absent before the first sync). */
  scheduling?: string;
}

export interface PullResult {
  /** Cards whose schedules were rebuilt. */
  cards: string[];
  decks: boolean;
  settings: boolean;
}

export class Mirror {
  readonly #db: Pouch<SyncDoc>;
  readonly #local: LocalSide;
  readonly #now: () => number;
  #state: MirrorState = { _id: STATE_ID, appliedSeq: 0 };
  /** Review entry id → mirror revision, for reviews both sides have. */
  #known = new Map<string, string>();
  /** Deck id → revision and content both sides agree on. */
  #decks = new Map<string, { rev: string; json: string }>();
  #queue: Promise<unknown> = Promise.resolve();
  #loaded: Promise<void> | null = null;

  constructor(db: Pouch<SyncDoc>, local: LocalSide, now: () => number) {
    this.#db = db;
    this.#local = local;
    this.#now = now;
  }

  /** Applies what the mirror has that the store has not seen yet. */
  pull(): Promise<PullResult> {
    return this.#serial(() => this.#pull());
  }

  /**
   * Applies pending mirror changes, then writes the store's own changes into the mirror.
   * `settings: false` before the first pull from a server: a fresh device's defaults must not
   * look like a newer edit than the person's settings already on the server.
   */
  push(options: { settings?: boolean } = {}): Promise<PullResult> {
    return this.#serial(async () => {
      const pulled = await this.#pull();
      await this.#pushReviews();
      await this.#pushDecks();
      if (options.settings !== false || this.#state.settings !== undefined) await this.#pushSettings();
      await this.#replayIfSchedulingChanged();
      await this.#saveState();
      return pulled;
    });
  }

  #serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => (this.#loaded ??= this.#load())).then(step);
    this.#queue = run.catch(() => {});
    return run;
  }

  async #load() {
    try {
      this.#state = await this.#db.get(STATE_ID) as unknown as MirrorState;
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
    if (this.#state.appliedSeq === 0) return; // nothing applied yet: nothing is known to be on both sides
    const reviews = await this.#db.allDocs({ startkey: REVIEW_PREFIX, endkey: `${REVIEW_PREFIX}\ufff0` });
    for (const row of reviews.rows) this.#known.set(idOfReviewDoc(row.id), row.value.rev);
    const decks = await this.#db.allDocs({ startkey: DECK_PREFIX, endkey: `${DECK_PREFIX}\ufff0`, include_docs: true });
    for (const row of decks.rows) {
      const doc = row.doc as DeckDoc | undefined;
      if (doc) this.#decks.set(doc.deck.id, { rev: doc._rev!, json: stableJson(doc.deck) });
    }
  }

  async #pull(): Promise<PullResult> {
    const result: PullResult = { cards: [], decks: false, settings: false };
    const touched = new Set<string>();
    for (;;) {
      const batch = await this.#db.changes({ since: this.#state.appliedSeq, limit: BATCH, include_docs: true, conflicts: true, style: 'all_docs' });
      const add = [];
      const remove: string[] = [];
      for (const change of batch.results) {
        const doc = change.doc as SyncDoc | undefined;
        if (change.id.startsWith(REVIEW_PREFIX)) {
          const id = idOfReviewDoc(change.id);
          const rev = doc?._rev ?? change.changes[0]?.rev ?? '';
          if (change.deleted) {
            this.#known.delete(id);
            remove.push(id);
          } else if (doc?.type === 'review' && this.#known.get(id) !== rev) {
            // Not one this device wrote (those are known at their revision already).
            add.push(doc.entry);
            this.#known.set(id, rev);
            touched.add(doc.entry.cardId);
          }
        } else if (change.id.startsWith(DECK_PREFIX)) {
          if (await this.#pullDeck(change.id, change.deleted === true)) result.decks = true;
        } else if (change.id === SETTINGS_ID && !change.deleted) {
          if (await this.#pullSettings()) result.settings = true;
        }
      }
      if (remove.length > 0) {
        // A deleted review's doc has no body: find its card in the store before it goes.
        for (const e of await this.#local.logEntries(remove)) touched.add(e.cardId);
      }
      await this.#local.applyLog(add, remove);
      this.#state.appliedSeq = batch.last_seq;
      if (batch.results.length < BATCH) break;
    }
    if (touched.size > 0) {
      const settings = (await this.#local.settings()).srs;
      await this.#local.replaceSchedules(replayAll(await this.#local.cardLogs(touched), settings));
      result.cards = [...touched];
    }
    if (await this.#replayIfSchedulingChanged()) result.cards = ['*'];
    await this.#saveState();
    return result;
  }

  /**
   * Same history and same settings must give the same schedule on every device: when the
   * settings that shape intervals change (here or from elsewhere) — and once at the first
   * sync, since earlier grades may have used other settings — every schedule is replayed.
   */
  async #replayIfSchedulingChanged(): Promise<boolean> {
    const { srs } = await this.#local.settings();
    const key = stableJson([srs.desiredRetention, srs.maximumIntervalDays, srs.fuzz, srs.learningSteps, srs.relearningSteps]);
    if (key === this.#state.scheduling) return false;
    await this.#local.replaceSchedules(replayAll(await this.#local.allCardLogs(), srs));
    this.#state.scheduling = key;
    return true;
  }

  /**
   * A deck document changed: a conflict goes to the newest edit and every other version is
   * kept as a `deckv:` document; an edit made here and not pushed yet stays (it is newer than
   * anything this device has seen) and the incoming version is kept instead.
   */
  async #pullDeck(docId: string, deleted: boolean): Promise<boolean> {
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

  async #pullSettings(): Promise<boolean> {
    const winner = await this.#resolve<SettingsDoc>(SETTINGS_ID, () => []);
    const json = stableJson(winner.personal);
    const mine = stableJson(await this.#local.settings());
    // An edit made here since the last agreement is newer than anything this device has seen: it stays, and push sends it.
    if (this.#state.settings !== undefined && mine !== this.#state.settings) return false;
    this.#state.settings = json;
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

  async #pushReviews() {
    const localIds = await this.#local.logIds();
    const here = new Set(localIds);
    const added = localIds.filter((id) => !this.#known.has(id));
    const removed = [...this.#known].filter(([id]) => !here.has(id));
    for (let i = 0; i < added.length; i += BATCH) {
      const entries = await this.#local.logEntries(added.slice(i, i + BATCH));
      const results = await this.#db.bulkDocs(entries.map(reviewDoc));
      results.forEach((r, k) => {
        // A conflict means the mirror already has this review (pulled, same content): pull records it.
        if ('ok' in r && r.ok) this.#known.set(entries[k]!.id, r.rev);
      });
    }
    if (removed.length > 0) {
      await this.#db.bulkDocs(removed.map(([id, rev]) => ({ _id: REVIEW_PREFIX + id, _rev: rev, _deleted: true }) as unknown as SyncDoc));
      for (const [id] of removed) this.#known.delete(id);
    }
  }

  async #pushDecks() {
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

  async #pushSettings() {
    const personal = await this.#local.settings();
    const json = stableJson(personal);
    if (json === this.#state.settings) return;
    let existing: SettingsDoc | undefined;
    try {
      existing = await this.#db.get(SETTINGS_ID) as unknown as SettingsDoc;
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
    try {
      await this.#db.put({ _id: SETTINGS_ID, ...(existing ? { _rev: existing._rev } : {}), type: 'settings', personal, editedAt: this.#now() } as SettingsDoc);
      this.#state.settings = json;
    } catch (e) {
      ignoreConflict(e);
    }
  }

  async #saveState() {
    const put = await this.#db.put(this.#state as unknown as SyncDoc);
    this.#state._rev = put.rev;
  }
}
