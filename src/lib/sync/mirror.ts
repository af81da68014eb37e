/**
 * Keeps a PouchDB database (the mirror, which replicates with the server) and the app's
 * IndexedDB store in step, both ways:
 * - `pullFrom()` runs a pull replication into the mirror and applies each batch to the store as
 *   it is written (one store transaction per batch): reviews are added or removed (a union),
 *   the schedules of the cards they touch are replayed from the merged log; decks and settings
 *   are merged by mirror-decks.ts. `pull()` applies whatever the mirror has that the store has
 *   not seen (live replication, or a batch a reload interrupted), read back from its changes.
 * - `push()` writes what changed in the store into the mirror.
 * The ids in `#known` are in both: a mirror review missing from the store was deleted here
 * (undo, delete with history); a store review missing from `#known` is new here.
 * Every step runs one at a time, `push` always after a `pull`, so nothing pulled but not yet
 * applied is ever taken for a local deletion. `appliedSeq` (saved in the mirror) only moves
 * past changes the store has: a reload at any point re-applies from there (adding a review
 * twice is a no-op: they are immutable and keyed by id).
 */
import type { ReviewLogEntry } from '../srs/types.ts';
import { DECK_PREFIX, idOfReviewDoc, REVIEW_PREFIX, reviewDoc, SETTINGS_ID, stableJson, type SyncDoc } from './docs.ts';
import type { LocalSide } from './local.ts';
import { MirrorDecks, type Agreed } from './mirror-decks.ts';
import type { Pouch } from './pouch-types.ts';
import { replayAll } from './replay.ts';

const STATE_ID = '_local/deckhand-mirror';
const BATCH = 2000;

interface MirrorState extends Agreed {
  _id: string;
  _rev?: string;
  /** The mirror's change sequence applied to the store so far. */
  appliedSeq: number | string;
  /** The scheduling settings every schedule was last replayed with (absent before the first sync). */
  scheduling?: string;
}

export interface PullResult {
  /** Cards whose schedules were rebuilt ('*': all of them). */
  cards: string[];
  decks: boolean;
  settings: boolean;
}

/** A pull replication into the mirror as PouchDB returns it: awaitable, a 'change' event per batch written. */
export interface Replicating extends PromiseLike<unknown> {
  on(event: 'change', fn: (info: { docs?: SyncDoc[] }) => void): unknown;
  cancel(): void;
}

/** What a pull replication wrote: the mirror's sequence before and after, and whether nothing else wrote in between. */
export interface Pulled {
  result: PullResult;
  from: number | string;
  to: number | string;
  onlyPulled: boolean;
}

/** One changed mirror document, from its changes feed or from a replication batch. */
interface Change {
  id: string;
  rev: string;
  deleted: boolean;
  doc?: SyncDoc;
}

export class Mirror {
  readonly #db: Pouch<SyncDoc>;
  readonly #local: LocalSide;
  readonly #decks: MirrorDecks;
  #state: MirrorState = { _id: STATE_ID, appliedSeq: 0 };
  /** Review entry id → mirror revision, for reviews both sides have. */
  #known = new Map<string, string>();
  /** Review changes here not in the mirror yet: 'all' = unknown (compare the whole log), else the cards graded or undone. */
  #dirty: 'all' | Set<string> = 'all';
  #queue: Promise<unknown> = Promise.resolve();
  #loaded: Promise<void> | null = null;

  constructor(db: Pouch<SyncDoc>, local: LocalSide, now: () => number) {
    this.#db = db;
    this.#local = local;
    this.#decks = new MirrorDecks(db, local, now, () => this.#state);
  }

  /** The store changed here: reviews of these cards were added or undone (none given: anything may have changed). */
  localChanged(cardIds?: Iterable<string>): void {
    if (this.#dirty === 'all') return;
    if (!cardIds) this.#dirty = 'all';
    else for (const id of cardIds) this.#dirty.add(id);
  }

  /** Applies what the mirror has that the store has not seen yet. */
  pull(): Promise<PullResult> {
    return this.#serial(() => this.#pull());
  }

  /**
   * Runs `replicate` (a pull from the server into the mirror) and applies each batch it writes
   * straight to the store, instead of reading 100,000 documents back from the mirror after.
   * If anything else wrote the mirror meanwhile, or a batch failed, `appliedSeq` stays put and
   * the changes feed is read back from there (nothing is skipped, at worst re-applied).
   */
  pullFrom(replicate: () => Replicating): Promise<Pulled> {
    return this.#serial(async () => {
      const result = await this.#pull();
      const from = (await this.#db.info()).update_seq;
      const ready = String(this.#state.appliedSeq) === String(from);
      const touched = new Set<string>();
      let written = 0;
      let applying: Promise<unknown> = Promise.resolve();
      const replication = replicate();
      replication.on('change', ({ docs = [] }) => {
        written += docs.length;
        const changes = docs.map((doc): Change => ({ id: doc._id, rev: doc._rev ?? '', deleted: doc._deleted === true, doc }));
        applying = applying.then(() => this.#apply(changes, touched, result));
        applying.catch(() => replication.cancel()); // the store refused a batch (quota…): stop fetching more
      });
      const replicated = await Promise.resolve(replication).then(() => null, (e: unknown) => ({ e }));
      await applying;
      const to = (await this.#db.info()).update_seq;
      const onlyPulled = Number(to) - Number(from) === written;
      if (ready && onlyPulled) this.#state.appliedSeq = to;
      await this.#replay(touched, result);
      const rest = await this.#pull();
      if (replicated) throw replicated.e;
      return { result: merge(result, rest), from, to, onlyPulled };
    });
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
      await this.#decks.pushDecks();
      if (options.settings !== false || this.#state.settings !== undefined) await this.#decks.pushSettings();
      if (await this.#replayIfSchedulingChanged()) pulled.cards = ['*'];
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
      this.#state = (await this.#db.get(STATE_ID)) as unknown as MirrorState;
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
    if (this.#state.appliedSeq === 0) return; // nothing applied yet: nothing is known to be on both sides
    const reviews = await this.#db.allDocs({ startkey: REVIEW_PREFIX, endkey: `${REVIEW_PREFIX}\ufff0` });
    for (const row of reviews.rows) this.#known.set(idOfReviewDoc(row.id), row.value.rev);
    // Reviews the mirror got after `appliedSeq` may not be in the store (a reload cut the pull
    // short): not known, so the next pull adds them, instead of push taking them for deletions.
    for (let since = this.#state.appliedSeq; ; ) {
      const batch = await this.#db.changes({ since, limit: BATCH });
      for (const change of batch.results) if (change.id.startsWith(REVIEW_PREFIX)) this.#known.delete(idOfReviewDoc(change.id));
      since = batch.last_seq;
      if (batch.results.length < BATCH) break;
    }
    await this.#decks.load();
  }

  /** Reads the mirror's changes feed from `appliedSeq` and applies them. */
  async #pull(): Promise<PullResult> {
    const result: PullResult = { cards: [], decks: false, settings: false };
    const touched = new Set<string>();
    for (;;) {
      const batch = await this.#db.changes({ since: this.#state.appliedSeq, limit: BATCH, include_docs: true, conflicts: true, style: 'all_docs' });
      const changes = batch.results.map((c): Change => ({ id: c.id, rev: c.doc?._rev ?? c.changes[0]?.rev ?? '', deleted: c.deleted === true, doc: c.doc }));
      await this.#apply(changes, touched, result);
      this.#state.appliedSeq = batch.last_seq;
      if (batch.results.length < BATCH) break;
    }
    await this.#replay(touched, result);
    if (await this.#replayIfSchedulingChanged()) result.cards = ['*'];
    await this.#saveState();
    return result;
  }

  /** Applies one batch of mirror changes to the store: its reviews in one transaction. */
  async #apply(changes: readonly Change[], touched: Set<string>, result: PullResult) {
    const add: Array<[ReviewLogEntry, string]> = [];
    const remove: string[] = [];
    for (const change of changes) {
      if (change.id.startsWith(REVIEW_PREFIX)) {
        const id = idOfReviewDoc(change.id);
        if (change.deleted) remove.push(id);
        // Not one this device wrote (those are known at their revision already).
        else if (change.doc?.type === 'review' && this.#known.get(id) !== change.rev) add.push([change.doc.entry, change.rev]);
      } else if (change.id.startsWith(DECK_PREFIX)) {
        if (await this.#decks.pullDeck(change.id, change.deleted)) result.decks = true;
      } else if (change.id === SETTINGS_ID && !change.deleted) {
        if (await this.#decks.pullSettings()) result.settings = true;
      }
    }
    if (remove.length > 0) {
      // A deleted review's doc has no body: find its card in the store before it goes.
      for (const e of await this.#local.logEntries(remove)) touched.add(e.cardId);
    }
    if (add.length > 0 || remove.length > 0) await this.#local.applyLog(add.map(([entry]) => entry), remove);
    for (const id of remove) this.#known.delete(id);
    for (const [entry, rev] of add) {
      this.#known.set(entry.id, rev);
      touched.add(entry.cardId);
    }
  }

  /** Rebuilds the schedules of the cards whose history changed. */
  async #replay(touched: ReadonlySet<string>, result: PullResult) {
    if (touched.size === 0) return;
    const settings = (await this.#local.settings()).srs;
    await this.#local.replaceSchedules(replayAll(await this.#local.cardLogs(touched), settings));
    result.cards = [...new Set([...result.cards, ...touched])];
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
   * New and undone reviews go to the mirror. Only the cards announced as changed are read,
   * unless the log's size says something else changed too (an undo, an unannounced write):
   * then the whole log's ids are compared with `#known`.
   */
  async #pushReviews() {
    const dirty = this.#dirty;
    this.#dirty = new Set();
    try {
      if (dirty !== 'all') {
        const added = [...(await this.#local.cardLogs(dirty)).values()].flat().filter((e) => !this.#known.has(e.id));
        if ((await this.#local.countLog()) === this.#known.size + added.length) return await this.#addReviews(added);
      }
      const localIds = await this.#local.logIds();
      const here = new Set(localIds);
      const added = localIds.filter((id) => !this.#known.has(id));
      const removed = [...this.#known].filter(([id]) => !here.has(id));
      for (let i = 0; i < added.length; i += BATCH) await this.#addReviews(await this.#local.logEntries(added.slice(i, i + BATCH)));
      if (removed.length > 0) {
        await this.#db.bulkDocs(removed.map(([id, rev]) => ({ _id: REVIEW_PREFIX + id, _rev: rev, _deleted: true }) as unknown as SyncDoc));
        for (const [id] of removed) this.#known.delete(id);
      }
    } catch (e) {
      this.#dirty = 'all';
      throw e;
    }
  }

  async #addReviews(entries: readonly ReviewLogEntry[]) {
    if (entries.length === 0) return;
    const results = await this.#db.bulkDocs(entries.map(reviewDoc));
    results.forEach((r, k) => {
      // A conflict means the mirror already has this review (pulled, same content): pull records it.
      if ('ok' in r && r.ok) this.#known.set(entries[k]!.id, r.rev);
    });
  }

  async #saveState() {
    const put = await this.#db.put(this.#state as unknown as SyncDoc);
    this.#state._rev = put.rev;
  }
}

function merge(a: PullResult, b: PullResult): PullResult {
  const cards = a.cards.includes('*') || b.cards.includes('*') ? ['*'] : [...new Set([...a.cards, ...b.cards])];
  return { cards, decks: a.decks || b.decks, settings: a.settings || b.settings };
}
