/**
 * The study queue. Built once when a session starts, then advanced after each grade:
 *
 *   let q = buildQueue({ cards, schedules, log: todaysLog, settings, now });
 *   const item = nextItem(q, now);   // null → done, or wait until waitUntil(q) for a learning step
 *   ... grade it ..., then q = afterGrade(q, result.schedule);
 *   undo: q = afterUndo(q, item);
 *
 * Order: due cards first, lowest retrievability (most overdue) first; new cards mixed in
 * (settings.newCardPosition), within today's limits. Learning cards graded in the session
 * come back when due; when nothing else is left they are shown up to `learnAheadMinutes` early.
 */
import type { Card } from '../notes/card.ts';
import { studyCalendar, type StudyCalendar } from './calendar.ts';
import { introductionOrder } from './introduction.ts';
import { choosePromptType } from './prompts.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import type { SrsSettings } from './settings.ts';
import type { CardState, PromptType, ReviewLogEntry, Schedule } from './types.ts';

export interface QueueItem {
  card: Card;
  /** Null for a new card. */
  schedule: Schedule | null;
  state: CardState;
  /** Epoch ms (new cards: the session start). */
  due: number;
  /** Probability of recall at build time; null for new cards. */
  retrievability: number | null;
  /** The question to ask (see prompts.ts). */
  prompt: PromptType;
}

export interface Queue {
  /** What is due now, in order. */
  items: QueueItem[];
  /** Learning cards graded this session that come back later, soonest first. */
  pending: QueueItem[];
  /** Done today before/while this queue was built (from the log). */
  doneToday: { newCards: number; reviews: number };
  /** Due review cards left out by the daily review cap, and new cards left out by the new limit. */
  held: { reviews: number; newCards: number };
  /** Earliest review due later today (not in this queue): "come back at…". */
  nextDueAt: number | null;
  readonly learnAheadMs: number;
  readonly dayEnd: number;
  readonly settings: Pick<SrsSettings, 'promptTypes'>;
}

export interface QueueInput {
  /** All cards in the content, in content order (that order introduces new cards). */
  cards: readonly Card[];
  schedules: ReadonlyMap<string, Schedule> | readonly Schedule[];
  /** Review log entries covering at least the current study day (older ones are ignored). */
  log: readonly ReviewLogEntry[];
  settings: SrsSettings;
  now: Date;
  /** Default: local time with settings.dayStartHour. */
  calendar?: StudyCalendar;
  /** Default: settings.studyDecks / settings.studyTopics (empty = everything). */
  selection?: { decks?: readonly string[]; topics?: readonly string[] };
  /** Default: createScheduler(settings) (for retrievability). */
  scheduler?: Scheduler;
}

/** New cards introduced and review-state cards reviewed during the study day of `now`. */
export function countToday(log: readonly ReviewLogEntry[], now: Date, calendar: StudyCalendar): { newCards: number; reviews: number } {
  const start = calendar.startOf(calendar.dayOf(now.getTime()));
  const newIds = new Set<string>();
  let reviews = 0;
  for (const e of log) {
    if (e.reviewedAt < start) continue;
    if (e.state === 'new') newIds.add(e.cardId);
    else if (e.state === 'review') reviews++;
  }
  return { newCards: newIds.size, reviews };
}

export function buildQueue(input: QueueInput): Queue {
  const { settings, now } = input;
  const t = now.getTime();
  const calendar = input.calendar ?? studyCalendar(settings.dayStartHour);
  const scheduler = input.scheduler ?? createScheduler(settings);
  const schedules = toMap(input.schedules);
  const decks = new Set(input.selection?.decks ?? settings.studyDecks);
  const topics = new Set(input.selection?.topics ?? settings.studyTopics);
  const doneToday = countToday(input.log, now, calendar);
  const today = calendar.dayOf(t);
  const dayEnd = calendar.startOf(today + 1);
  const suspended = new Set(settings.suspended);
  const isBuried = (id: string) => settings.buried[id] === today;
  // "Study more today": extra new cards, and review cards due in the next days shown early.
  const extra = settings.studyMore.day === today ? settings.studyMore : { newCards: 0, aheadDays: 0 };
  const horizon = extra.aheadDays > 0 ? calendar.startOf(today + 1 + extra.aheadDays) : dayEnd;
  const perDeck = doneByDeck(input.log, input.cards, calendar.startOf(today));

  const learning: QueueItem[] = [];
  const reviews: QueueItem[] = [];
  const fresh: QueueItem[] = [];
  const pending: QueueItem[] = [];
  const freshCards: Card[] = [];
  let nextDueAt: number | null = null;
  const newLeft = Math.max(0, settings.newPerDay + extra.newCards - doneToday.newCards);
  const ahead: QueueItem[] = [];

  const selected: Card[] = [];
  for (const card of input.cards) {
    if (decks.size && !decks.has(card.deck)) continue;
    if (topics.size && !topics.has(card.tags[0] ?? '')) continue;
    selected.push(card);
    if (suspended.has(card.id) || isBuried(card.id)) continue;
    const s = schedules.get(card.id) ?? null;
    if (!s || s.state === 'new') {
      freshCards.push(card);
      continue;
    }
    if (s.due > t) {
      if (s.due >= dayEnd) {
        if (s.state === 'review' && s.due < horizon) ahead.push(item(card, s, s.due, scheduler.retrievability(s, now), input.settings));
        continue;
      }
      // Learning steps due later today belong to this session; a review due later today does not.
      if (s.state !== 'review') pending.push(item(card, s, s.due, null, input.settings));
      else if (nextDueAt === null || s.due < nextDueAt) nextDueAt = s.due;
      continue;
    }
    const it = item(card, s, s.due, scheduler.retrievability(s, now), input.settings);
    (s.state === 'review' ? reviews : learning).push(it);
  }

  const freshAvailable = freshCards.length;
  // Ranked over every selected card, not just the new ones, so grading one card (or a reload
  // mid-session) never reshuffles the cards still to come.
  const rank = new Map(introductionOrder(selected).map((card, i) => [card.id, i]));
  freshCards.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  // Within the overall limit, each deck's own (a deck with a limit of 5 takes at most 5).
  const deckNewLeft = (deck: string) => (settings.deckLimits[deck]?.newPerDay ?? Infinity) + extra.newCards - (perDeck.get(deck)?.newCards ?? 0);
  const takenNew = new Map<string, number>();
  for (const card of freshCards) {
    if (fresh.length >= newLeft) break;
    const taken = takenNew.get(card.deck) ?? 0;
    if (taken >= deckNewLeft(card.deck)) continue;
    takenNew.set(card.deck, taken + 1);
    fresh.push(item(card, schedules.get(card.id) ?? null, t, null, input.settings));
  }

  const byUrgency = (a: QueueItem, b: QueueItem) => (a.retrievability ?? 0) - (b.retrievability ?? 0) || a.due - b.due || cmp(a.card.id, b.card.id);
  const due = [...learning, ...reviews].sort(byUrgency);
  // The cap applies to review-state cards only: learning cards are mid-lesson.
  const reviewsLeft = Math.max(0, settings.reviewsPerDay - doneToday.reviews);
  let reviewCount = 0;
  const takenReviews = new Map<string, number>();
  const withinDeck = (it: QueueItem) => {
    const taken = takenReviews.get(it.card.deck) ?? 0;
    const cap = (settings.deckLimits[it.card.deck]?.reviewsPerDay ?? Infinity) - (perDeck.get(it.card.deck)?.reviews ?? 0);
    if (taken >= cap) return false;
    takenReviews.set(it.card.deck, taken + 1);
    return true;
  };
  ahead.sort((a, b) => a.due - b.due || cmp(a.card.id, b.card.id));
  const kept = [...due.filter((it) => it.state !== 'review' || (reviewCount < reviewsLeft && withinDeck(it) && ++reviewCount > 0)), ...ahead];
  pending.sort((a, b) => a.due - b.due || cmp(a.card.id, b.card.id));

  return {
    items: mix(kept, fresh, settings.newCardPosition),
    pending,
    doneToday,
    held: { reviews: reviews.length - reviewCount, newCards: freshAvailable - fresh.length },
    nextDueAt,
    learnAheadMs: settings.learnAheadMinutes * 60_000,
    dayEnd,
    settings: { promptTypes: settings.promptTypes },
  };
}

/** The card to show now: a pending learning card that has come due, else the next item, else
 *  (nothing else left) a learning card due within the learn-ahead window. Null when done. */
export function nextItem(q: Queue, now: Date): QueueItem | null {
  const t = now.getTime();
  const first = q.pending[0];
  if (first && first.due <= t) return first;
  if (q.items[0]) return q.items[0];
  if (first && first.due <= t + q.learnAheadMs) return first;
  return null;
}

/** When nextItem returned null but learning cards are still coming back: the earliest due. */
export function waitUntil(q: Queue): number | null {
  return q.pending[0]?.due ?? null;
}

/** After a grade: drop the card from the queue; a learning step due later today comes back. */
export function afterGrade(q: Queue, schedule: Schedule): Queue {
  const old = [...q.items, ...q.pending].find((it) => it.card.id === schedule.cardId);
  const items = q.items.filter((it) => it.card.id !== schedule.cardId);
  const pending = q.pending.filter((it) => it.card.id !== schedule.cardId);
  if (old && schedule.due < q.dayEnd && (schedule.state === 'learning' || schedule.state === 'relearning')) {
    pending.push({ ...old, schedule, state: schedule.state, due: schedule.due, retrievability: null, prompt: choosePromptType(old.card, schedule, q.settings) });
    pending.sort((a, b) => a.due - b.due || cmp(a.card.id, b.card.id));
  }
  const wasNew = old?.state === 'new';
  const wasReview = old?.state === 'review';
  return {
    ...q,
    items,
    pending,
    doneToday: {
      newCards: q.doneToday.newCards + (wasNew ? 1 : 0),
      reviews: q.doneToday.reviews + (wasReview ? 1 : 0),
    },
  };
}

/** After undoing the grade of `item` (as it was shown): it goes back to the front. */
export function afterUndo(q: Queue, item: QueueItem): Queue {
  const id = item.card.id;
  return {
    ...q,
    items: [item, ...q.items.filter((it) => it.card.id !== id)],
    pending: q.pending.filter((it) => it.card.id !== id),
    doneToday: {
      newCards: Math.max(0, q.doneToday.newCards - (item.state === 'new' ? 1 : 0)),
      reviews: Math.max(0, q.doneToday.reviews - (item.state === 'review' ? 1 : 0)),
    },
  };
}

/** Cards left in the session by kind, for the counters above the card. */
export function remaining(q: Queue): { new: number; learning: number; review: number } {
  const out = { new: 0, learning: 0, review: 0 };
  for (const it of [...q.items, ...q.pending]) {
    if (it.state === 'new') out.new++;
    else if (it.state === 'review') out.review++;
    else out.learning++;
  }
  return out;
}

/** Today's new cards and reviews per deck (cards no longer in the content count for no deck). */
function doneByDeck(log: readonly ReviewLogEntry[], cards: readonly Card[], start: number): Map<string, { newCards: number; reviews: number }> {
  const deckOf = new Map(cards.map((c) => [c.id, c.deck]));
  const out = new Map<string, { newCards: number; reviews: number }>();
  const seen = new Set<string>();
  for (const e of log) {
    const deck = e.reviewedAt >= start ? deckOf.get(e.cardId) : undefined;
    if (deck === undefined) continue;
    const d = out.get(deck) ?? { newCards: 0, reviews: 0 };
    if (e.state === 'new' && !seen.has(e.cardId)) {
      seen.add(e.cardId);
      d.newCards++;
    } else if (e.state === 'review') d.reviews++;
    out.set(deck, d);
  }
  return out;
}

function item(card: Card, s: Schedule | null, due: number, r: number | null, settings: Pick<SrsSettings, 'promptTypes'>): QueueItem {
  return { card, schedule: s, state: s ? s.state : 'new', due, retrievability: r, prompt: choosePromptType(card, s, settings) };
}

/** Spreads new cards evenly through the due ones; a due card always comes first. */
function mix(due: QueueItem[], fresh: QueueItem[], position: SrsSettings['newCardPosition']): QueueItem[] {
  if (position === 'after-reviews' || !fresh.length) return [...due, ...fresh];
  if (position === 'before-reviews' || !due.length) return [...fresh, ...due];
  const out: QueueItem[] = [];
  const every = (due.length + fresh.length) / (fresh.length + 1);
  let d = 0;
  let n = 0;
  for (let i = 0; i < due.length + fresh.length; i++) {
    const newSlot = n < fresh.length && i >= Math.round(every * (n + 1)) && i > 0;
    if ((newSlot || d >= due.length) && n < fresh.length) out.push(fresh[n++]!);
    else out.push(due[d++]!);
  }
  return out;
}

function toMap(s: ReadonlyMap<string, Schedule> | readonly Schedule[]): ReadonlyMap<string, Schedule> {
  if (!Array.isArray(s)) return s as ReadonlyMap<string, Schedule>;
  return new Map((s as readonly Schedule[]).map((x) => [x.cardId, x]));
}

export { introductionOrder };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
