import type { Card } from '../../lib/notes/card.ts';
import {
  afterGrade,
  afterUndo,
  buildPrompt,
  buildQueue,
  choosePromptType,
  createScheduler,
  gradeTypedAnswer,
  nextItem,
  normalizeSettings,
  remaining,
  studyCalendar,
  summarizeDay,
  type DaySummary,
  type Grade,
  type GradePreview,
  type GradeResult,
  type Prompt,
  type Queue,
  type QueueItem,
  type ReviewLogEntry,
  type Scheduler,
  type SrsSettings,
  type TypedAnswerResult,
} from '../../lib/srs/index.ts';
import { UndoError } from '../../lib/store/index.ts';
import { deck } from './deck.svelte.ts';
import { getDb, storage, type StorageChange } from './db.svelte.ts';
import { i18n } from './i18n.svelte.ts';
import { forgetPending, keepPending, readPending } from '../drill/pending-grades.ts';

/**
 * A study session: the queue (lib/srs), the card on screen, its question, the answer check,
 * grading with undo, and today's review log for the summary (the same figures Stats shows).
 *
 * Every grade is written before the next card shows (one short transaction, lib/store), and
 * kept in localStorage until IndexedDB has committed it (drill/pending-grades.ts), so a fast
 * reload loses nothing: the next start writes it. If a write fails (storage full, connection
 * closed) the grade is kept here as `unsaved`, the banner offers a backup that includes it,
 * and it is written first on the next grade or retry.
 * Reloading rebuilds the queue and today's figures from what is stored; the undo stack
 * survives a reload in sessionStorage. Grades made in another tab arrive over the storage channel.
 */

export type DrillPhase = 'idle' | 'loading' | 'question' | 'answer' | 'waiting' | 'done' | 'error';

interface UndoEntry {
  log: ReviewLogEntry;
  /** The card as it was shown, to put back at the front of the queue. */
  item: QueueItem;
}

const UNDO_KEY = 'deckhand.drill.undo';
const UNDO_KEPT = 20;

class DrillState {
  #phase = $state<DrillPhase>('idle');
  #settings = $state.raw<SrsSettings>(normalizeSettings({}));
  #queue = $state.raw<Queue | null>(null);
  #item = $state.raw<QueueItem | null>(null);
  #previews = $state.raw<GradePreview[]>([]);
  #typed = $state.raw<TypedAnswerResult | null>(null);
  #choice = $state<number | null>(null);
  #undo = $state.raw<UndoEntry[]>([]);
  #unsaved = $state.raw<GradeResult[]>([]);
  /** Today's review log entries, stored and unsaved: what the summary counts. */
  #todayLog = $state.raw<ReviewLogEntry[]>([]);
  #error = $state('');
  #busy = $state(false);
  #message = $state('');
  #setAside = $state.raw<{ cardId: string; how: 'suspend' | 'bury' } | null>(null);
  /** What the user typed for a typed-command question. */
  typedInput = $state('');

  #scheduler: Scheduler = createScheduler(this.#settings);
  #builtFrom: { cards: readonly Card[]; day: number } | null = null;
  #shownAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #settingsLoaded: Promise<void> | null = null;
  #saving: Promise<unknown> = Promise.resolve();
  /** The last grade write queued (never rejects: failures become `unsaved`). */
  #writes: Promise<boolean> = Promise.resolve(true);
  /** Flushes of unsaved grades run one at a time (start-up replay and the drill may both ask). */
  #flushes: Promise<void> = Promise.resolve();

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
    return this.#settings;
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
    return this.#unsaved;
  }
  /** What was done today, from the review log (survives a reload; Stats counts the same). */
  get today(): DaySummary {
    return summarizeDay(this.#todayLog, new Date(), studyCalendar(this.#settings.dayStartHour));
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
    this.#settingsLoaded ??= (async () => {
      const repo = await getDb();
      this.#settings = await repo.getSettings();
      this.#scheduler = createScheduler(this.#settings);
    })().catch((error: unknown) => {
      this.#settingsLoaded = null;
      throw error;
    });
    return this.#settingsLoaded;
  }

  /** Starts a session unless one is running for today's cards; called when the drill page opens. */
  async ensureStarted(): Promise<void> {
    if (this.#phase === 'loading') return;
    const day = this.#today();
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
      this.#restoreUnsaved();
      await this.#flush().catch((error: unknown) => storage.report(error));
      await this.#rebuild(false);
      this.#restoreSession();
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
    const result = this.#scheduler.grade({
      cardId: item.card.id,
      schedule: item.schedule,
      rating,
      now,
      newId: uuid,
      durationMs,
      prompt: this.prompt?.type ?? item.prompt,
    });
    keepPending([result]); // before the transaction opens: a reload now must not lose it
    const write = this.#write(result);
    this.#queue = afterGrade(queue, result.schedule);
    this.#undo = [...this.#undo, { log: result.log, item }].slice(-UNDO_KEPT);
    this.#todayLog = [...this.#todayLog, result.log];
    this.#saveSession();
    this.#show(now);
    if (await write) {
      storage.announce({ type: 'review', cardId: item.card.id });
      void storage.requestPersistOnce();
    }
  }

  /** Queues a grade's write behind earlier ones (their order is the log's order). */
  #write(result: GradeResult): Promise<boolean> {
    const done = this.#writes.then(() => this.#save(result));
    this.#writes = done;
    return done;
  }

  /** Takes back the last grade: the card's previous schedule is restored and it is shown again. */
  async undo(): Promise<void> {
    const last = this.#undo.at(-1);
    if (!last || !this.#queue || this.#busy) return;
    this.#busy = true;
    try {
      await this.#writes; // the grade being taken back must be stored (or kept unsaved) first
      const pending = this.#unsaved.findIndex((r) => r.log.id === last.log.id);
      if (pending >= 0) {
        forgetPending([last.log.id]);
        this.#unsaved = this.#unsaved.filter((_, i) => i !== pending);
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
          this.#saveSession();
          return;
        }
        storage.announce({ type: 'undo', cardId: last.log.cardId });
      }
      this.#undo = this.#undo.slice(0, -1);
      this.#todayLog = this.#todayLog.filter((e) => e.id !== last.log.id);
      this.#saveSession();
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
    this.#restoreUnsaved();
    if (this.#unsaved.length) await this.retrySave();
  }

  /** Writes grades that could not be saved earlier (after space was freed). */
  async retrySave(): Promise<void> {
    if (!this.#unsaved.length || this.#busy) return;
    this.#busy = true;
    try {
      await this.#writes;
      await this.#flush();
      storage.clearFull();
    } catch (error) {
      storage.report(error);
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Saves study settings; the next session (or a rebuild now, when idle) uses them. Saves run
   * one after another, and a function patch sees the settings the previous save left, so fast
   * taps on several checkboxes all count.
   */
  saveSettings(patch: Partial<SrsSettings> | ((current: SrsSettings) => Partial<SrsSettings>)): Promise<void> {
    const run = this.#saving.then(async () => {
      await this.loadSettings();
      const repo = await getDb();
      const next = { ...this.#settings, ...(typeof patch === 'function' ? patch(this.#settings) : patch) };
      try {
        this.#settings = await repo.saveSettings(next);
      } catch (error) {
        throw storage.report(error);
      }
      this.#scheduler = createScheduler(this.#settings);
      this.#builtFrom = null; // rebuild on the next visit to the drill
      if (this.#phase === 'done' || this.#phase === 'waiting') this.#phase = 'idle';
      storage.announce({ type: 'settings' });
    });
    this.#saving = run.catch(() => undefined);
    return run;
  }

  /** Suspends a card (until unsuspended) or buries it (for the rest of today); the drill moves on. */
  async setAside(cardId: string, how: 'suspend' | 'bury'): Promise<void> {
    const day = this.#today();
    await this.saveSettings((now) =>
      how === 'suspend'
        ? { suspended: [...new Set([...now.suspended, cardId])] }
        : { buried: { ...Object.fromEntries(Object.entries(now.buried).filter(([, d]) => d === day)), [cardId]: day } },
    );
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
    await this.saveSettings((now) => ({
      suspended: now.suspended.filter((id) => id !== cardId),
      buried: Object.fromEntries(Object.entries(now.buried).filter(([id]) => id !== cardId)),
    }));
    if (this.#setAside?.cardId === cardId) this.#setAside = null;
    this.#message = '';
    if (this.#phase === 'done' || this.#phase === 'idle') await this.start();
  }

  /** Is this card suspended, or buried today? */
  setAsideState(cardId: string): 'suspended' | 'buried' | null {
    if (this.#settings.suspended.includes(cardId)) return 'suspended';
    return this.#settings.buried[cardId] === this.#today() ? 'buried' : null;
  }

  /** "Study more today": extra new cards and/or reviews due in the next days, then a new queue. */
  async studyMore(more: { newCards?: number; aheadDays?: number }): Promise<void> {
    const day = this.#today();
    await this.saveSettings((now) => {
      const cur = now.studyMore.day === day ? now.studyMore : { day, newCards: 0, aheadDays: 0 };
      // "10 more" counts from what today's limit already let through.
      const base = Math.max(0, this.today.newCards - now.newPerDay, cur.newCards);
      const newCards = more.newCards ? base + more.newCards : cur.newCards;
      return { studyMore: { day, newCards, aheadDays: Math.max(cur.aheadDays, more.aheadDays ?? 0) } };
    });
    await this.start();
  }

  // ------------------------------------------------------------------ internals

  /** Stored data was replaced (backup restored here): start over from it on the next visit. */
  #reset() {
    clearTimeout(this.#timer);
    this.#undo = [];
    forgetPending(this.#unsaved.map((r) => r.log.id));
    this.#unsaved = [];
    this.#todayLog = [];
    this.#saveSession();
    this.#settingsLoaded = null;
    this.#builtFrom = null;
    this.#queue = null;
    this.#item = null;
    this.#phase = 'idle';
    void this.loadSettings().catch((error: unknown) => storage.report(error));
  }

  #today(now = Date.now()): number {
    return studyCalendar(this.#settings.dayStartHour).dayOf(now);
  }

  async #rebuild(keepCurrent: boolean): Promise<void> {
    await this.#writes; // grades in flight are part of what is stored
    const repo = await getDb();
    const now = new Date();
    const calendar = studyCalendar(this.#settings.dayStartHour);
    const dayStart = calendar.startOf(calendar.dayOf(now.getTime()));
    const [schedules, log] = await Promise.all([repo.getSchedules(), repo.getLog({ since: dayStart })]);
    // Grades not yet written still count.
    const byId = new Map(schedules.map((s) => [s.cardId, s]));
    for (const r of this.#unsaved) byId.set(r.schedule.cardId, r.schedule);
    const cards = deck.cards;
    let queue = buildQueue({
      cards,
      schedules: byId,
      log: [...log, ...this.#unsaved.map((r) => r.log)],
      settings: this.#settings,
      now,
      calendar,
      scheduler: this.#scheduler,
    });
    this.#builtFrom = { cards, day: calendar.dayOf(now.getTime()) };
    const stored = new Set(log.map((e) => e.id));
    this.#todayLog = [...log, ...this.#unsaved.map((r) => r.log).filter((e) => !stored.has(e.id))];
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
    this.#previews = this.#scheduler.preview(item.schedule, now);
    this.#phase = 'question';
    this.#shownAt = performance.now();
  }

  #toAnswer() {
    if (!this.#item) return;
    this.#previews = this.#scheduler.preview(this.#item.schedule, new Date());
    this.#phase = 'answer';
  }

  /** Writes earlier unsaved grades, then this one. False when it could not be written (kept unsaved). */
  async #save(result: GradeResult): Promise<boolean> {
    try {
      await this.#flush();
      const repo = await getDb();
      try {
        await repo.saveReview(result);
      } catch (error) {
        // Already stored: a start-up replay (here or in another tab) wrote it first.
        if ((error as { name?: string } | null)?.name !== 'ConstraintError') throw error;
      }
      forgetPending([result.log.id]);
      if (storage.full) storage.clearFull();
      // For bench:drills: when the last grade was committed (same clock as event timestamps).
      document.documentElement.dataset.gradeSavedAt = performance.now().toFixed(1);
      return true;
    } catch (error) {
      storage.report(error);
      console.warn('A grade could not be saved; kept in memory until it can be.', error);
      // Still kept in localStorage (pending-grades.ts); a start-up replay may already list it.
      if (!this.#unsaved.some((r) => r.log.id === result.log.id)) this.#unsaved = [...this.#unsaved, result];
      return false;
    }
  }

  /**
   * Writes grades kept from earlier failures (or left by a fast reload), oldest first. One
   * already stored is skipped; one overtaken by a later grade of the same card (another tab)
   * still joins the log, and the store keeps the newer grade's schedule (saveReview).
   */
  #flush(): Promise<void> {
    const run = this.#flushes.then(() => this.#flushNow());
    this.#flushes = run.catch(() => undefined);
    return run;
  }

  async #flushNow(): Promise<void> {
    if (!this.#unsaved.length) return;
    const repo = await getDb();
    while (this.#unsaved.length) {
      const first = this.#unsaved[0] as GradeResult;
      try {
        await repo.saveReview(first);
        storage.announce({ type: 'review', cardId: first.log.cardId });
      } catch (error) {
        if ((error as { name?: string } | null)?.name !== 'ConstraintError') throw error;
      }
      forgetPending([first.log.id]);
      this.#unsaved = this.#unsaved.filter((r) => r !== first);
    }
  }

  /** Grades a previous visit (or another tab) left uncommitted, to be written now. */
  #restoreUnsaved() {
    const known = new Set(this.#unsaved.map((r) => r.log.id));
    const kept = readPending().filter((r) => !known.has(r.log.id));
    if (kept.length) this.#unsaved = [...this.#unsaved, ...kept].sort((x, y) => x.log.reviewedAt - y.log.reviewedAt);
  }

  /** Another tab graded, undid, restored a backup or changed settings. */
  async #onOtherTab(change: StorageChange): Promise<void> {
    if (this.#phase === 'idle' || this.#phase === 'loading' || this.#phase === 'error') {
      if (change.type === 'settings' || change.type === 'replaced') {
        this.#settingsLoaded = null;
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
      this.#settingsLoaded = null;
      await this.loadSettings();
    }
    if (change.type === 'replaced') {
      this.#undo = [];
      this.#saveSession();
    }
    await this.#rebuild(change.type !== 'replaced');
  }

  #saveSession() {
    try {
      sessionStorage.setItem(UNDO_KEY, JSON.stringify(this.#undo.map((u) => u.log.id)));
    } catch {
      // Private mode may refuse sessionStorage: the session just does not survive a reload.
    }
  }

  /** Another tab graded: today's figures from what is stored now. */
  async #refreshToday() {
    const repo = await getDb();
    const calendar = studyCalendar(this.#settings.dayStartHour);
    const log = await repo.getLog({ since: calendar.startOf(calendar.dayOf(Date.now())) });
    const stored = new Set(log.map((e) => e.id));
    this.#todayLog = [...log, ...this.#unsaved.map((r) => r.log).filter((e) => !stored.has(e.id))];
  }

  /** After a reload: the undo stack of this tab's session, from what is stored. */
  #restoreSession() {
    if (this.#undo.length > 0) return;
    try {
      const ids = JSON.parse(sessionStorage.getItem(UNDO_KEY) ?? '[]') as unknown;
      if (Array.isArray(ids) && ids.length) void this.#restoreUndo(ids.filter((id): id is string => typeof id === 'string'));
    } catch {
      // A damaged entry only loses the undo history.
    }
  }

  async #restoreUndo(ids: string[]) {
    const repo = await getDb();
    const log = await repo.getLog({ since: Date.now() - 2 * 86_400_000 });
    const byId = new Map(log.map((e) => [e.id, e]));
    const entries: UndoEntry[] = [];
    for (const id of ids) {
      const entry = byId.get(id);
      const card = entry && deck.byId.get(entry.cardId);
      if (!entry || !card) continue;
      const schedule = entry.before ? { cardId: entry.cardId, ...entry.before } : null;
      entries.push({
        log: entry,
        item: {
          card,
          schedule,
          state: schedule ? schedule.state : 'new',
          due: schedule ? schedule.due : entry.reviewedAt,
          retrievability: null,
          prompt: entry.prompt ?? choosePromptType(card, schedule, this.#settings),
        },
      });
    }
    if (this.#undo.length === 0) this.#undo = entries;
  }
}

/** crypto.randomUUID needs a secure context; a phone on the LAN over http still gets a v4 UUID. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const drill = new DrillState();
