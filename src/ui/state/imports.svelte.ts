import { sizeError } from '../../lib/notes/decode.ts';
import { deckDisplayNames, nameFromFile } from '../../lib/srs/deck-names.ts';
import type { UserDeck } from '../../lib/srs/types.ts';
import { countReviewed, deckHistoryIds, deleteDeckWithHistory, rememberRetired, saveDecks } from '../import/deck-records.ts';
import { IndexClient } from '../import/index-client.ts';
import type { IndexWarning } from '../import/protocol.ts';
import { readSharedFiles } from '../import/shared-files.ts';
import { saveFailureText } from '../import/failure-text.ts';
import { deckFile, type DeckFile } from '../import/deck-file.ts';
import { countKinds, crash, replacementOf, retiredIds, type Draft, type DraftStatus, type KindCounts } from '../import/drafts.ts';
import { deck } from './deck.svelte.ts';
import { i18n } from './i18n.svelte.ts';
import { storage, withDb } from './db.svelte.ts';

/** Which app build last indexed the saved decks: another build re-indexes them from source. */
const INDEXED_BY_KEY = 'imports.indexedBy';

export { countKinds, nameFromFile, type Draft, type DraftStatus, type KindCounts };

/**
 * The user's imported decks: drafts being read and previewed, and the decks saved in
 * IndexedDB (with their source text). Saved decks' cards go to `deck.setImported`, which
 * makes them searchable, browsable and drillable together with the bundled deck.
 */
class ImportsState {
  #drafts = $state.raw<Draft[]>([]);
  #saved = $state.raw<UserDeck[]>([]);
  #loaded = $state(false);
  #busy = $state(false);
  #notice = $state('');
  #error = $state('');
  #nextKey = 1;
  #client = new IndexClient();

  get drafts(): readonly Draft[] {
    return this.#drafts;
  }
  get saved(): readonly UserDeck[] {
    return this.#saved;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  /** A save or delete is running. */
  get busy(): boolean {
    return this.#busy;
  }
  /** The outcome of the last action, for a polite live region. */
  get notice(): string {
    return this.#notice;
  }
  /** The last action failed: what to tell the user. */
  get error(): string {
    return this.#error;
  }
  get readyCount(): number {
    return this.#drafts.filter((d) => d.status === 'ready' && (d.note?.cards.length ?? 0) > 0).length;
  }

  /** Deck id → the name shown (see deck.nameOf). */
  deckName(id: string): string {
    return deck.nameOf(id);
  }

  /** At start-up: saved decks into the app; re-indexed from source after an app update. */
  async load(): Promise<void> {
    try {
      const decks = await withDb((repo) => repo.getDecks());
      this.#publish(decks);
      deck.settleImports();
      const indexedBy = await withDb((repo) => repo.getPreference<string>(INDEXED_BY_KEY));
      if (indexedBy !== __BUILD_ID__) {
        if (decks.length > 0) await this.#reindexAll(decks);
        await withDb((repo) => repo.setPreference(INDEXED_BY_KEY, __BUILD_ID__));
      }
    } catch (error) {
      console.warn('Imported decks could not be loaded.', error);
    } finally {
      this.#loaded = true;
      deck.settleImports();
    }
    storage.onChange((change, fromOtherTab) => {
      if (fromOtherTab && (change.type === 'decks' || change.type === 'replaced')) void this.#reload();
    });
  }

  async #reload() {
    this.#publish(await withDb((repo) => repo.getDecks()));
  }

  /** The indexer may have changed: rebuild every deck's cards from its source text, same ids. */
  async #reindexAll(decks: UserDeck[]) {
    const cards = new Map<string, UserDeck['cards']>();
    for (const saved of decks) {
      const result = await this.#client.index({ kind: 'text', text: saved.sourceText, file: saved.file, deck: saved.id });
      // A deck that fails to re-index keeps the cards it had: nothing is lost.
      if (result.ok) cards.set(saved.id, result.note.cards);
    }
    // Decks renamed, replaced or deleted while indexing ran are left as the user made them.
    const fresh = this.#saved.flatMap((now) => {
      const then = decks.find((d) => d.id === now.id);
      const next = cards.get(now.id);
      return then && next && then.importedAt === now.importedAt ? [{ ...now, cards: next }] : [];
    });
    await withDb(async (repo) => {
      await saveDecks(repo, fresh);
      for (const d of fresh) await rememberRetired(repo, d.id, retiredIds(decks.find((x) => x.id === d.id)!.cards, d.cards));
    });
    const ids = new Set(fresh.map((d) => d.id));
    this.#publish([...this.#saved.filter((d) => !ids.has(d.id)), ...fresh]);
  }

  #publish(decks: UserDeck[]) {
    this.#saved = [...decks].sort((a, b) => a.name.localeCompare(b.name));
    deck.setImported(this.#saved.flatMap((d) => d.cards), deckDisplayNames(this.#saved));
  }

  // —— reading notes in ——

  /** Picked or dropped files: each becomes a draft, read and indexed in the worker. */
  addFiles(files: Iterable<File>) {
    for (const file of files) {
      const draft = this.#add(file.name, nameFromFile(file.name));
      const tooLarge = sizeError(file.size);
      if (tooLarge) {
        this.#patch(draft.key, { status: 'failed', error: tooLarge });
        continue;
      }
      void file.arrayBuffer().then(
        (bytes) => this.#index(draft.key, { kind: 'bytes', bytes, file: file.name }),
        (error: unknown) => this.#patch(draft.key, { status: 'failed', error: crash(error) }),
      );
    }
  }

  /** Pasted text: named by its front-matter title, else by the name the user typed. */
  addText(text: string, name: string) {
    const deckName = name.trim() || i18n.t('importPastedName');
    const file = `${deckName}.md`;
    const draft = this.#add(file, deckName);
    const size = new TextEncoder().encode(text).length;
    const tooLarge = sizeError(size);
    if (tooLarge) return this.#patch(draft.key, { status: 'failed', error: tooLarge });
    void this.#index(draft.key, { kind: 'text', text, file });
  }

  #add(file: string, name: string): Draft {
    const draft: Draft = { key: this.#nextKey++, file, name, status: 'reading', progress: 0, keepBoth: false };
    this.#drafts = [...this.#drafts, draft];
    this.#notice = '';
    this.#error = '';
    return draft;
  }

  async #index(key: number, request: Parameters<IndexClient['index']>[0]) {
    this.#patch(key, { status: 'indexing' });
    const result = await this.#client.index(request, (phase, fraction) => this.#patch(key, { phase, progress: fraction }));
    if (!this.#get(key)) return; // discarded meanwhile
    if (!result.ok) return this.#patch(key, { status: 'failed', error: result.error });
    const { note } = result;
    const draft = this.#get(key)!;
    const name = note.meta.title?.trim() || draft.name;
    this.#patch(key, { note, name, progress: 1 });
    await this.#settleDeck(key);
  }

  /**
   * Chooses the deck id: the note's own (front matter `deck`, else its file name) unless that
   * would collide with the bundled deck, another draft, or — when "keep both" is on — a saved
   * deck. A changed id means re-indexing, since card ids derive from it.
   */
  async #settleDeck(key: number) {
    const draft = this.#get(key);
    if (!draft?.note) return;
    const own = draft.note.meta.deck;
    const taken = new Set<string>(deck.decks.filter((id) => !this.#saved.some((d) => d.id === id)));
    for (const other of this.#drafts) if (other.key !== key && other.deckId) taken.add(other.deckId);
    if (draft.keepBoth) for (const d of this.#saved) taken.add(d.id);
    // An updated note often comes back under another file name ("ops (1).md"): a saved deck
    // with the same name is the same note, so it is replaced and its cards keep their ids.
    const sameName = this.#saved.find((d) => d.name === draft.name);
    let id = !draft.keepBoth && !this.#saved.some((d) => d.id === own) && sameName && !taken.has(sameName.id) ? sameName.id : own;
    for (let n = 2; taken.has(id); n++) id = `${own}-${n}`;
    let note = draft.note;
    if (id !== (draft.indexedAs ?? own)) {
      this.#patch(key, { status: 'indexing', deckId: id });
      const result = await this.#client.index({ kind: 'text', text: note.text, file: draft.file, deck: id });
      if (!this.#get(key)) return;
      if (!result.ok) return this.#patch(key, { status: 'failed', error: result.error });
      // Keep the note's own deck id and encoding: "keep both" can be switched off again.
      note = { ...result.note, encoding: note.encoding, meta: { ...result.note.meta, deck: own } };
    }
    this.#patch(key, { status: 'ready', note, deckId: id, indexedAs: id, replaces: replacementOf(this.#saved, id, note.cards) });
  }

  rename(key: number, name: string) {
    this.#patch(key, { name });
  }

  /** "Keep both": save as a new deck next to the saved one instead of replacing it. */
  async setKeepBoth(key: number, keepBoth: boolean) {
    this.#patch(key, { keepBoth });
    await this.#settleDeck(key);
  }

  discard(key: number) {
    this.#drafts = this.#drafts.filter((d) => d.key !== key);
  }

  /** Saves every ready draft in one transaction: all of them, or — on any failure — none. */
  async saveAll(now = Date.now()): Promise<boolean> {
    const ready = this.#drafts.filter((d) => d.status === 'ready' && d.note && d.deckId && d.note.cards.length > 0);
    if (ready.length === 0) return false;
    const decks: UserDeck[] = ready.map((d) => ({
      id: d.deckId!,
      name: d.name.trim() || nameFromFile(d.file),
      file: d.file,
      sourceText: d.note!.text,
      importedAt: now,
      cards: d.note!.cards,
    }));
    return this.#run(async () => {
      const before = new Map(this.#saved.map((d) => [d.id, d.cards]));
      await withDb(async (repo) => {
        await saveDecks(repo, decks);
        for (const d of decks) await rememberRetired(repo, d.id, retiredIds(before.get(d.id) ?? [], d.cards));
      });
      storage.announce({ type: 'decks' });
      const ids = new Set(decks.map((d) => d.id));
      this.#publish([...this.#saved.filter((d) => !ids.has(d.id)), ...decks]);
      const keys = new Set(ready.map((d) => d.key));
      this.#drafts = this.#drafts.filter((d) => !keys.has(d.key));
      this.#notice = i18n.t('importSaved', { n: decks.length, cards: decks.reduce((n, d) => n + d.cards.length, 0) });
    });
  }

  // —— saved decks ——

  async renameDeck(id: string, name: string) {
    const saved = this.#saved.find((d) => d.id === id);
    const clean = name.trim();
    if (!saved || !clean || clean === saved.name) return;
    const renamed = { ...saved, name: clean };
    if (!(await this.#run(() => withDb((repo) => repo.saveDeck(renamed))))) return;
    this.#publish(this.#saved.map((d) => (d.id === id ? renamed : d)));
  }

  /** How many of a deck's cards have review history (asked before deleting). */
  async reviewedCount(id: string): Promise<number> {
    const saved = this.#saved.find((d) => d.id === id);
    if (!saved) return 0;
    return withDb(async (repo) => countReviewed(repo, await deckHistoryIds(repo, saved)));
  }

  /** Deletes a deck; its review history only when `withHistory` (the user ticked it). */
  async deleteDeck(id: string, withHistory: boolean): Promise<boolean> {
    const saved = this.#saved.find((d) => d.id === id);
    if (!saved) return false;
    const ok = await this.#run(() =>
      withDb((repo) =>
        withHistory ? deckHistoryIds(repo, saved).then((ids) => deleteDeckWithHistory(repo, id, ids, new Date())) : repo.deleteDeck(id),
      ),
    );
    if (!ok) return false;
    storage.announce({ type: 'decks' });
    if (withHistory) storage.announce({ type: 'replaced' });
    this.#publish(this.#saved.filter((d) => d.id !== id));
    this.#notice = i18n.t('deckDeleted', { name: saved.name });
    return true;
  }

  /** A saved deck as a file to download: house-format Markdown or Anki text. */
  exportFile(id: string, format: 'markdown' | 'anki'): DeckFile | undefined {
    const saved = this.#saved.find((d) => d.id === id);
    return saved && deckFile(saved, format, i18n.lang === 'zh' ? ['zh', 'en'] : ['en', 'zh']);
  }

  /** Files shared to the app (Web Share Target), parked by the service worker. */
  async receiveShared(): Promise<number> {
    const files = await readSharedFiles();
    this.addFiles(files);
    return files.length;
  }

  async #run(op: () => Promise<unknown>): Promise<boolean> {
    this.#busy = true;
    this.#error = '';
    this.#notice = '';
    try {
      await op();
      return true;
    } catch (error) {
      this.#error = saveFailureText(error);
      return false;
    } finally {
      this.#busy = false;
    }
  }

  #get(key: number): Draft | undefined {
    return this.#drafts.find((d) => d.key === key);
  }

  #patch(key: number, patch: Partial<Draft>) {
    this.#drafts = this.#drafts.map((d) => (d.key === key ? { ...d, ...patch } : d));
  }
}

export type { IndexWarning };
export const imports = new ImportsState();
