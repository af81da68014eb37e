import { describe, expect, it } from 'vitest';
import {
  afterGrade,
  afterUndo,
  buildQueue,
  createScheduler,
  DEFAULT_SETTINGS,
  nextItem,
  remaining,
  studyCalendar,
  waitUntil,
  type ReviewLogEntry,
  type Schedule,
  type SrsSettings,
} from '../../../src/lib/srs/index.ts';
import { manyCards } from './fixtures.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const now = new Date('2025-03-10T06:00:00.000Z'); // 14:00 in UTC+8
const calendar = studyCalendar(4, 480);
const settings = (over: Partial<SrsSettings> = {}): SrsSettings => ({ ...DEFAULT_SETTINGS, ...over });

/** A review-state schedule last seen `ago` days before now with the given stability. */
function review(cardId: string, stability: number, ago: number, dueOffset = -MIN): Schedule {
  return {
    cardId,
    state: 'review',
    due: now.getTime() + dueOffset,
    stability,
    difficulty: 5,
    scheduledDays: Math.round(stability),
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    lastReview: now.getTime() - ago * DAY,
  };
}

function logEntry(cardId: string, reviewedAt: number, state: ReviewLogEntry['state']): ReviewLogEntry {
  return { id: `id-${cardId}-${reviewedAt}`, cardId, reviewedAt, rating: 3, state, elapsedDays: 0, due: reviewedAt + DAY, before: null };
}

describe('buildQueue', () => {
  const cards = manyCards(40);

  it('puts due reviews first, least likely to be remembered first', () => {
    const schedules = [review('c0000', 30, 31), review('c0001', 2, 10), review('c0002', 10, 12)];
    const q = buildQueue({ cards, schedules, log: [], settings: settings({ newPerDay: 0 }), now, calendar });
    expect(q.items.map((i) => i.card.id)).toEqual(['c0001', 'c0002', 'c0000']);
    const rs = q.items.map((i) => i.retrievability!);
    expect(rs[0]).toBeLessThan(rs[1]!);
    expect(rs[1]).toBeLessThan(rs[2]!);
  });

  it('leaves out cards not yet due, and progress of cards no longer in the content', () => {
    const schedules = [review('c0000', 5, 5), review('c0001', 5, 1, 3 * DAY), review('gone-card', 5, 9)];
    const q = buildQueue({ cards, schedules, log: [], settings: settings({ newPerDay: 0 }), now, calendar });
    expect(q.items.map((i) => i.card.id)).toEqual(['c0000']);
  });

  it('introduces new cards, topics taking turns, up to the daily limit, minus those already started today', () => {
    const startOfToday = calendar.startOf(calendar.dayOf(now.getTime()));
    const log = [
      logEntry('c0000', startOfToday + MIN, 'new'),
      logEntry('c0000', startOfToday + 2 * MIN, 'learning'), // same card again: still one new card
      logEntry('c0001', startOfToday + 3 * MIN, 'new'),
      logEntry('c0039', startOfToday - MIN, 'new'), // yesterday's study day
    ];
    const schedules = log.map((e) => ({ ...review(e.cardId, 1, 0, 2 * DAY), state: 'learning' as const }));
    const q = buildQueue({ cards, schedules, log, settings: settings({ newPerDay: 5 }), now, calendar });
    expect(q.doneToday.newCards).toBe(2);
    // Topics alternate (Networks: c0000, c0003, c0006…; Images: c0001, c0002, c0004…), skipping started cards.
    expect(q.items.map((i) => i.card.id)).toEqual(['c0003', 'c0002', 'c0006']);
    expect(q.items.every((i) => i.state === 'new' && i.schedule === null)).toBe(true);
    expect(q.held.newCards).toBe(40 - 3 - 3);
  });

  it('caps review-state cards per day, counting reviews already done today', () => {
    const startOfToday = calendar.startOf(calendar.dayOf(now.getTime()));
    const schedules = cards.slice(0, 10).map((c, i) => review(c.id, 3 + i, 5));
    const learning: Schedule = { ...review('c0010', 0.5, 0), state: 'learning' };
    const log = [logEntry('x', startOfToday + MIN, 'review'), logEntry('y', startOfToday + MIN, 'review')];
    const q = buildQueue({ cards, schedules: [...schedules, learning], log, settings: settings({ reviewsPerDay: 6, newPerDay: 0 }), now, calendar });
    expect(q.items.filter((i) => i.state === 'review')).toHaveLength(4);
    expect(q.items.filter((i) => i.state === 'learning')).toHaveLength(1); // never capped
    expect(q.held.reviews).toBe(6);
  });

  it('studies only the picked decks and topics', () => {
    const q = buildQueue({ cards, schedules: [], log: [], settings: settings({ newPerDay: 100 }), now, calendar, selection: { decks: ['mine'], topics: ['Networks'] } });
    expect(q.items.length).toBeGreaterThan(0);
    expect(q.items.every((i) => i.card.deck === 'mine' && i.card.tags[0] === 'Networks')).toBe(true);
    const fromSettings = buildQueue({ cards, schedules: [], log: [], settings: settings({ newPerDay: 100, studyDecks: ['docker'] }), now, calendar });
    expect(new Set(fromSettings.items.map((i) => i.card.deck))).toEqual(new Set(['docker']));
  });

  it('mixes new cards among reviews, starting with a review', () => {
    const schedules = cards.slice(20, 30).map((c, i) => review(c.id, 3 + i, 5));
    const q = buildQueue({ cards, schedules, log: [], settings: settings({ newPerDay: 5 }), now, calendar });
    const states = q.items.map((i) => (i.state === 'new' ? 'N' : 'R')).join('');
    expect(states).toHaveLength(15);
    expect(states[0]).toBe('R');
    expect(states.match(/N/g)).toHaveLength(5);
    expect(states).not.toMatch(/NN/); // spread out, not bunched
    const after = buildQueue({ cards, schedules, log: [], settings: settings({ newPerDay: 5, newCardPosition: 'after-reviews' }), now, calendar });
    expect(after.items.map((i) => (i.state === 'new' ? 'N' : 'R')).join('')).toBe('RRRRRRRRRRNNNNN');
  });

  it('gives each item a question type', () => {
    const q = buildQueue({ cards, schedules: [], log: [], settings: settings({ newPerDay: 3 }), now, calendar });
    expect(q.items.every((i) => i.prompt === 'meaning-from-command')).toBe(true);
    const typed = buildQueue({ cards, schedules: [], log: [], settings: settings({ newPerDay: 3, promptTypes: { command: ['typed-command'] } }), now, calendar });
    expect(typed.items.every((i) => i.prompt === 'typed-command')).toBe(true);
  });
});

describe('a session', () => {
  const cards = manyCards(3);
  const s = createScheduler();
  let k = 0;
  const newId = () => `id-${++k}`;

  it('brings a failed new card back when its learning step is due, and ends when all are done', () => {
    let q = buildQueue({ cards, schedules: [], log: [], settings: settings({ newPerDay: 2 }), now, calendar });
    expect(remaining(q)).toEqual({ new: 2, learning: 0, review: 0 });

    const first = nextItem(q, now)!;
    const again = s.grade({ cardId: first.card.id, schedule: first.schedule, rating: 1, now, newId });
    q = afterGrade(q, again.schedule);
    expect(q.pending.map((i) => i.card.id)).toEqual([first.card.id]);
    expect(q.doneToday.newCards).toBe(1);

    const second = nextItem(q, now)!;
    expect(second.card.id).not.toBe(first.card.id);
    q = afterGrade(q, s.grade({ cardId: second.card.id, schedule: null, rating: 4, now, newId }).schedule); // Easy: days away
    expect(q.pending).toHaveLength(1);

    // Nothing else left: the learning card is shown early (within learn-ahead)...
    const early = nextItem(q, now)!;
    expect(early.card.id).toBe(first.card.id);
    expect(early.schedule).toEqual(again.schedule);
    // ...but not when the step is further away than the learn-ahead window.
    const noAhead = { ...q, learnAheadMs: 0 };
    expect(nextItem(noAhead, now)).toBeNull();
    expect(waitUntil(noAhead)).toBe(again.schedule.due);
    expect(nextItem(noAhead, new Date(again.schedule.due))!.card.id).toBe(first.card.id);

    const good = s.grade({ cardId: first.card.id, schedule: again.schedule, rating: 4, now: new Date(again.schedule.due), newId });
    q = afterGrade(q, good.schedule);
    expect(nextItem(q, new Date(again.schedule.due))).toBeNull();
    expect(remaining(q)).toEqual({ new: 0, learning: 0, review: 0 });
  });

  it('undo puts the card back in front and un-counts it', () => {
    let q = buildQueue({ cards, schedules: [], log: [], settings: settings({ newPerDay: 3 }), now, calendar });
    const shown = nextItem(q, now)!;
    q = afterGrade(q, s.grade({ cardId: shown.card.id, schedule: null, rating: 1, now, newId }).schedule);
    expect(nextItem(q, now)!.card.id).not.toBe(shown.card.id);
    q = afterUndo(q, shown);
    expect(nextItem(q, now)).toEqual(shown);
    expect(q.pending).toHaveLength(0);
    expect(q.doneToday.newCards).toBe(0);
    expect(remaining(q).new).toBe(3);
  });

  it('keeps learning steps from earlier today in the session', () => {
    const learning: Schedule = { ...review('c0001', 0.5, 0, 5 * MIN), state: 'learning' };
    const q = buildQueue({ cards, schedules: [learning], log: [], settings: settings({ newPerDay: 0 }), now, calendar });
    expect(q.items).toHaveLength(0);
    expect(q.pending.map((i) => i.card.id)).toEqual(['c0001']);
    expect(nextItem(q, now)!.card.id).toBe('c0001'); // learn-ahead: nothing else to do
  });
});
