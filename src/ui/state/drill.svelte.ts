import type { Card } from '../../lib/notes/card.ts';
import {
  afterGrade,
  afterUndo,
  buildPrompt,
  bury,
  gradeTypedAnswer,
  nextItem,
  putBack,
  remaining,
  setAsideState,
  studyCalendar,
  studyMore,
  summarizeDay,
  suspend,
  type DaySummary,
  type Grade,
  type GradePreview,
  type GradeResult,
  type Prompt,
  type Queue,
  type QueueItem,
  type ReviewLogEntry,
  type SetAside,
  type SrsSettings,
  type TypedAnswerResult,
} from '../../lib/srs/index.ts';
import { UndoError } from '../../lib/store/index.ts';
import { deck } from './deck.svelte.ts';
import { getDb, storage, type StorageChange } from './db.svelte.ts';
import { i18n } from './i18n.svelte.ts';
import { keepPending } from '../drill/pending-grades.ts';
import { readUndoIds, saveUndoIds, UNDO_KEPT, undoEntries, type UndoEntry } from '../drill/undo-session.ts';
import { uuid } from '../drill/uuid.ts';
import { loadSession, loadTodayLog } from '../drill/session-queue.ts';
import { GradeWrites } from './grade-writes.svelte.ts';
import { StudySettings, type SettingsPatch } from './study-settings.svelte.ts';

/**
 * A study session: the queue (lib/srs), the card on screen, its question, the answer check,
 * grading with undo, and today's review log for the summary (the same figures Stats shows).
 *
 * Every grade is written before the next card shows (one short transaction, lib/store), and
 * kept in localStorage until IndexedDB has committed it (drill/pending-grades.ts), so a fast
 * reload loses nothing: the next start writes it. A grade whose write fails is kept `unsaved`
 * (grade-writes.svelte.ts). Reloading rebuilds the queue and today's figures from what is stored; the undo stack
 * survives a reload in sessionStorage. Grades made in another tab arrive over the storage channel.
 */

export type DrillPhase = 'idle' | 'loading' | 'question' | 'answer' | 'waiting' | 'done' | 'error';

class DrillState {
  #phase = $state<DrillPhase>('idle');
  #study = new StudySettings();
  #queue = $state.raw<Queue | null>(null);
  #item = $state.raw<QueueItem | null>(null);
  #previews = $state.raw<GradePreview[]>([]);
  #typed = $state.raw<TypedAnswerResult | null>(null);
  #choice = $state<number | null>(null);
  #undo = $state.raw<UndoEntry[]>([]);
  #grades = new GradeWrites();
  /** Today's review log entries, stored and unsaved: what the summary counts. */
  #todayLog = $state.raw<ReviewLogEntry[]>([]);
  #error = $state('');
  #busy = $state(false);
  #message = $state('');
  #setAside = $state.raw<{ cardId: string; how: 'suspend' | 'bury' } | null>(null);
  /** What the user typed for a typed-command question. */
  typedInput = $state('');

  #builtFrom: { cards: readonly Card[]; day: number } | null = null;
  #shownAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The question for the card on screen, in the interface language when the card has it. */
  readonly prompt: Prompt | null = $derived(
    this.#item ? buildPrompt(this.#item.card, this.#item.prompt, i18n.lang, this.#item.schedule?.reps ?? 0) : null,
  );

  constructor() {
    storage.onChange((change, fromOtherTab) => {
      if (fromOtherTab) void this.#onOtherTab(change);
      else if (change.type === 'replaced') this.#reset();
    });
  }

  get phase(): DrillPhase {
    return this.#phase;
  }
  get settings(): SrsSettings {
    return this.#study.current;
  }
  get item(): QueueItem | null {
    return this.#item;
  }
  get previews(): readonly GradePreview[] {
    return this.#previews;
  }
  get typed(): TypedAnswerResult | null {
    return this.#typed;
  }
  get choice(): number | null {
    return this.#choice;
  }
  get canUndo(): boolean {
    return this.#undo.length > 0;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get unsaved(): readonly GradeResult[] {
    return this.#grades.unsaved;
  }
  /** What was done today, from the review log (survives a reload; Stats counts the same). */
  get today(): DaySummary {
    return summarizeDay(this.#todayLog, new Date(), studyCalendar(this.settings.dayStartHour));
  }
  get error(): string {
    return this.#error;
  }
  /** A short notice ("Last grade undone"), cleared by the next action. */
  get message(): string {
    return this.#message;
  }
  /** Cards left in this session, by kind. */
  get counts(): { new: number; learning: number; review: number } {
    return this.#queue ? remaining(this.#queue) : { new: 0, learning: 0, review: 0 };
  }
  get queue(): Queue | null {
    return this.#queue;
  }
  /** The grade the answer check suggests (typed answers, confusable picks); the user may override. */
  get proposed(): Grade | null {
    if (this.#typed) return this.#typed.proposed;
    const choices = this.prompt?.choices;
    if (choices && this.#choice !== null) return choices[this.#choice]?.correct ? 3 : 1;
    return null;
  }

  /** Study settings, read from storage once. */
  loadSettings(): Promise<void> {
    return this.#study.load();
  }

  /** Starts a session unless one is running for today's cards; called when the drill page opens. */
  async ensureStarted(): Promise<void> {
    if (this.#phase === 'loading') return;
    const day = this.#study.day();
    const stale = !this.#builtFrom || this.#builtFrom.cards !== deck.cards || this.#builtFrom.day !== day;
    if (this.#phase === 'idle' || this.#phase === 'error' || (stale && (this.#phase === 'done' || this.#phase === 'waiting'))) {
      await this.start();
    } else if (stale) {
      // Settings or cards changed mid-session: the new queue, keeping the card on screen if it is in it.
      await this.#rebuild(true).catch((error: unknown) => storage.report(error));
    }
  }

  /** (Re)builds the queue from storage and shows the first card. */
  async start(): Promise<void> {
    this.#phase = 'loading';
    this.#error = '';
    try {
      await this.loadSettings();
      this.#grades.restore();
      await this.#grades.flush().catch((error: unknown) => storage.report(error));
      await this.#rebuild(false);
      void this.#restoreSession();
    } catch (error) {
      this.#error = error instanceof Error ? error.message : String(error);
      this.#phase = 'error';
    }
  }

  reveal() {
    if (this.#phase !== 'question') return;
    if (this.prompt?.typed && this.typedInput.trim()) {
      this.check();
      return;
    }
    this.#toAnswer();
  }

  /** Grades a typed command token by token and reveals the answer. */
  check() {
    const item = this.#item;
    if (this.#phase !== 'question' || !item || !this.prompt?.typed) return;
    if (!this.typedInput.trim()) {
      this.#toAnswer();
      return;
    }
    this.#typed = gradeTypedAnswer(this.typedInput, item.card, { durationMs: performance.now() - this.#shownAt });
    this.#toAnswer();
  }

  /** Picks one side of a confusable pair and reveals which was right. */
  choose(index: number) {
    const choices = this.prompt?.choices;
    if (this.#phase !== 'question' || !choices || index < 0 || index >= choices.length) return;
    this.#choice = index;
    this.#toAnswer();
  }

  /**
   * Grades the card on screen: the schedule is computed, its transaction is started, and the
   * next card is put on screen while IndexedDB commits — the write and the frame that shows
   * the next card overlap instead of queueing behind each other. Writes stay in grade order;
   * one that fails keeps its grade as `unsaved` (see the banner).
   */
  async grade(rating: Grade): Promise<void> {
    const item = this.#item;
    const queue = this.#queue;
    if (this.#busy || this.#phase !== 'answer' || !item || !queue) return;
    if (this.#message) this.#message = '';
    const now = new Date();
    const durationMs = performance.now() - this.#shownAt;
    const result = this.#study.scheduler.grade({
      cardId: item.card.id,
      schedule: item.schedule,
      rating,
      now,
      newId: uuid,
      durationMs,
      prompt: this.prompt?.type ?? item.prompt,
    });
    keepPending([result]); // before the transaction opens: a reload now must not lose it
    const write = this.#grades.write(result);
    this.#queue = afterGrade(queue, result.schedule);
    this.#undo = [...this.#undo, { log: result.log, item }].slice(-UNDO_KEPT);
    this.#todayLog = [...this.#todayLog, result.log];
    saveUndoIds(this.#undo);
    this.#show(now);
    if (await write) {
      storage.announce({ type: 'review', cardId: item.card.id });
      void storage.requestPersistOnce();
    }
  }

  /** Takes back the last grade: the card's previous schedule is restored and it is shown again. */
  async undo(): Promise<void> {
    const last = this.#undo.at(-1);
    if (!last || !this.#queue || this.#busy) return;
    this.#busy = true;
    try {
      await this.#grades.settled(); // the grade being taken back must be stored (or kept unsaved) first
      if (this.#grades.drop(last.log.id)) {
        // Another tab's start-up replay may have written it meanwhile: take it back there too.
        await getDb()
          .then((repo) => repo.undoReview(last.log.id))
          .catch(() => undefined);
      } else {
        try {
          const repo = await getDb();
          await repo.undoReview(last.log.id);
        } catch (error) {
          storage.report(error);
          if (!(error instanceof UndoError)) throw error;
          // Graded again elsewhere (another tab) or already undone: nothing to take back here.
          this.#undo = this.#undo.slice(0, -1);
          saveUndoIds(this.#undo);
          return;
        }
        storage.announce({ type: 'undo', cardId: last.log.cardId });
      }
      this.#undo = this.#undo.slice(0, -1);
      this.#todayLog = this.#todayLog.filter((e) => e.id !== last.log.id);
      saveUndoIds(this.#undo);
      const current = this.#queue; // as it is now: another tab may have changed it meanwhile
      if (!current) return; // stored data was replaced meanwhile: the drill starts over anyway
      this.#queue = afterUndo(current, last.item);
      this.#showItem(last.item, new Date());
      this.#message = i18n.t('undone');
    } finally {
      this.#busy = false;
    }
  }

  /** Writes grades an earlier visit (or another tab) left uncommitted; called at start-up. */
  async replayPending(): Promise<void> {
    this.#grades.restore();
    if (this.#grades.unsaved.length) await this.retrySave();
  }

  /** Writes grades that could not be saved earlier (after space was freed). */
  async retrySave(): Promise<void> {
    if (!this.#grades.unsaved.length || this.#busy) return;
    this.#busy = true;
    try {
      await this.#grades.settled();
      await this.#grades.flush();
      storage.clearFull();
    } catch (error) {
      storage.report(error);
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Saves study settings (one after another, see StudySettings.save); the next session (or a
   * rebuild now, when idle) uses them.
   */
  async saveSettings(patch: SettingsPatch): Promise<void> {
    await this.#study.save(patch);
    this.#builtFrom = null; // rebuild on the next visit to the drill
    if (this.#phase === 'done' || this.#phase === 'waiting') this.#phase = 'idle';
    storage.announce({ type: 'settings' });
  }

  /** Suspends a card (until unsuspended) or buries it (for the rest of today); the drill moves on. */
  async setAside(cardId: string, how: 'suspend' | 'bury'): Promise<void> {
    const day = this.#study.day();
    await this.saveSettings((now) => (how === 'suspend' ? suspend(now, cardId) : bury(now, cardId, day)));
    if (this.#item?.card.id === cardId && (this.#phase === 'question' || this.#phase === 'answer')) await this.#rebuild(false);
    this.#setAside = { cardId, how };
    this.#message = i18n.t(how === 'suspend' ? 'cardSuspended' : 'cardBuried');
  }

  /** The card set aside last (drill page offers to put it back), or null. */
  get setAsideLast(): { cardId: string; how: 'suspend' | 'bury' } | null {
    return this.#setAside;
  }

  /** Unsuspends and unburies a card. */
  async restoreCard(cardId: string): Promise<void> {
    await this.saveSettings((now) => putBack(now, cardId));
    if (this.#setAside?.cardId === cardId) this.#setAside = null;
    this.#message = '';
    if (this.#phase === 'done' || this.#phase === 'idle') await this.start();
  }

  /** Is this card suspended, or buried today? */
  setAsideState(cardId: string): SetAside | null {
    return setAsideState(this.settings, cardId, this.#study.day());
  }

  /** "Study more today": extra new cards and/or reviews due in the next days, then a new queue. */
  async studyMore(more: { newCards?: number; aheadDays?: number }): Promise<void> {
    const day = this.#study.day();
    await this.saveSettings((now) => studyMore(now, more, day, this.today.newCards));
    await this.start();
  }

  // ------------------------------------------------------------------ internals

  /** Stored data was replaced (backup restored here): start over from it on the next visit. */
  #reset() {
    clearTimeout(this.#timer);
    this.#undo = [];
    this.#grades.clear();
    this.#todayLog = [];
    saveUndoIds(this.#undo);
    this.#study.forget();
    this.#builtFrom = null;
    this.#queue = null;
    this.#item = null;
    this.#phase = 'idle';
    void this.loadSettings().catch((error: unknown) => storage.report(error));
  }

  async #rebuild(keepCurrent: boolean): Promise<void> {
    await this.#grades.settled(); // grades in flight are part of what is stored
    const repo = await getDb();
    const now = new Date();
    const cards = deck.cards;
    const session = await loadSession(repo, { cards, settings: this.settings, scheduler: this.#study.scheduler, unsaved: this.#grades.unsaved, now });
    let queue = session.queue;
    this.#builtFrom = { cards, day: session.day };
    this.#todayLog = session.todayLog;
    const current = this.#item;
    if (keepCurrent && current && (this.#phase === 'question' || this.#phase === 'answer')) {
      const fresh = [...queue.items, ...queue.pending].find((it) => it.card.id === current.card.id);
      if (fresh) {
        queue = { ...queue, items: [fresh, ...queue.items.filter((it) => it !== fresh)], pending: queue.pending.filter((it) => it !== fresh) };
        this.#queue = queue;
        return; // the card on screen stays, answer and all
      }
    }
    this.#queue = queue;
    this.#show(now);
  }

  #show(now: Date) {
    clearTimeout(this.#timer);
    const queue = this.#queue;
    const next = queue ? nextItem(queue, now) : null;
    if (next) {
      this.#showItem(next, now);
      return;
    }
    this.#item = null;
    const pending = queue?.pending[0];
    if (queue && pending) {
      // A learning step comes due later in this session: wait for it.
      this.#phase = 'waiting';
      const wait = Math.max(1000, pending.due - queue.learnAheadMs - now.getTime());
      this.#timer = setTimeout(() => this.#show(new Date()), Math.min(wait, 60_000));
    } else {
      this.#phase = 'done';
    }
  }

  #showItem(item: QueueItem, now: Date) {
    this.#item = item;
    this.#typed = null;
    this.#choice = null;
    this.typedInput = '';
    this.#previews = this.#study.scheduler.preview(item.schedule, now);
    this.#phase = 'question';
    this.#shownAt = performance.now();
  }

  #toAnswer() {
    if (!this.#item) return;
    this.#previews = this.#study.scheduler.preview(this.#item.schedule, new Date());
    this.#phase = 'answer';
  }

  /** Another tab graded, undid, restored a backup or changed settings. */
  async #onOtherTab(change: StorageChange): Promise<void> {
    if (this.#phase === 'idle' || this.#phase === 'loading' || this.#phase === 'error') {
      if (change.type === 'settings' || change.type === 'replaced') {
        this.#study.forget();
        await this.loadSettings();
      }
      return;
    }
    const repo = await getDb();
    if (change.type === 'review' && this.#queue) {
      const schedule = await repo.getSchedule(change.cardId);
      if (!schedule || !this.#queue) return;
      const onScreen = this.#item?.card.id === change.cardId;
      this.#queue = afterGrade(this.#queue, schedule);
      void this.#refreshToday();
      if (onScreen || this.#phase === 'done' || this.#phase === 'waiting') this.#show(new Date());
      return;
    }
    if (change.type === 'settings' || change.type === 'replaced') {
      this.#study.forget();
      await this.loadSettings();
    }
    if (change.type === 'replaced') {
      this.#undo = [];
      saveUndoIds(this.#undo);
    }
    await this.#rebuild(change.type !== 'replaced');
  }

  /** Another tab graded: today's figures from what is stored now. */
  async #refreshToday() {
    this.#todayLog = await loadTodayLog(await getDb(), this.settings, this.#grades.unsaved);
  }

  /** After a reload: the undo stack of this tab's session, from what is stored. */
  async #restoreSession() {
    const ids = readUndoIds();
    if (this.#undo.length > 0 || ids.length === 0) return;
    const repo = await getDb();
    const log = await repo.getLog({ since: Date.now() - 2 * 86_400_000 });
    const entries = undoEntries(ids, log, deck.byId, this.settings);
    if (this.#undo.length === 0) this.#undo = entries;
  }
}

export const drill = new DrillState();
