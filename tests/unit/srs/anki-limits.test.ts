// Issue 17: what Anki users look for — per-deck daily limits, "study more today", suspend, bury.
import { describe, expect, it } from 'vitest';
import { buildQueue, createScheduler, DEFAULT_SETTINGS, studyCalendar, type SrsSettings } from '../../../src/lib/srs/index.ts';
import { card } from './fixtures.ts';

const calendar = studyCalendar(4, 0);
const now = new Date('2025-03-10T09:00:00.000Z');
const today = calendar.dayOf(now.getTime());
const bundled = Array.from({ length: 30 }, (_, i) => card({ id: `b${i}`, kind: 'command', key: `docker b${i}`, tags: [`T${i % 3}`] }));
const mine = Array.from({ length: 10 }, (_, i) => card({ id: `m${i}`, deck: 'ops', kind: 'command', key: `docker m${i}`, tags: ['Ops'] }));
const cards = [...bundled, ...mine];
const queue = (over: Partial<SrsSettings>, schedules: Parameters<typeof buildQueue>[0]['schedules'] = []) =>
  buildQueue({ cards, schedules, log: [], settings: { ...DEFAULT_SETTINGS, ...over }, now, calendar });
const ids = (q: ReturnType<typeof queue>) => q.items.map((it) => it.card.id);

describe('per-deck daily limits', () => {
  it('cap one deck within the overall limit, so an imported deck is not starved by the bundled one', () => {
    const q = queue({ newPerDay: 10, deckLimits: { docker: { newPerDay: 4 } } });
    expect(ids(q).filter((id) => id.startsWith('b'))).toHaveLength(4);
    expect(ids(q).filter((id) => id.startsWith('m'))).toHaveLength(6);
    expect(q.held.newCards).toBe(40 - 10);
  });

  it('cap a deck’s reviews', () => {
    const scheduler = createScheduler();
    const past = new Date(now.getTime() - 10 * 86_400_000);
    const reviewed = cards.map((c) => {
      let s = scheduler.grade({ cardId: c.id, schedule: null, rating: 4, now: past, newId: () => c.id }).schedule;
      s = { ...s, due: now.getTime() - 1000 };
      return s;
    });
    const q = queue({ deckLimits: { ops: { reviewsPerDay: 3 } } }, reviewed);
    expect(q.items.filter((it) => it.card.deck === 'ops')).toHaveLength(3);
    expect(q.items.filter((it) => it.card.deck === 'docker')).toHaveLength(30);
    expect(q.held.reviews).toBe(7);
  });
});

describe('study more today', () => {
  it('adds extra new cards for today only', () => {
    expect(queue({ newPerDay: 5, studyMore: { day: today, newCards: 10, aheadDays: 0 } }).items).toHaveLength(15);
    expect(queue({ newPerDay: 5, studyMore: { day: today - 1, newCards: 10, aheadDays: 0 } }).items).toHaveLength(5);
  });

  it('shows reviews due in the next days early', () => {
    const due = now.getTime() + 2 * 86_400_000;
    const s = { cardId: 'b0', state: 'review' as const, due, stability: 5, difficulty: 5, scheduledDays: 5, learningSteps: 0, reps: 3, lapses: 0, lastReview: now.getTime() - 3 * 86_400_000 };
    expect(ids(queue({ newPerDay: 0 }, [s]))).toEqual([]);
    expect(ids(queue({ newPerDay: 0, studyMore: { day: today, newCards: 0, aheadDays: 3 } }, [s]))).toEqual(['b0']);
  });
});

describe('suspend and bury', () => {
  it('leave a suspended card out until unsuspended, a buried one for the rest of the day', () => {
    const q = queue({ newPerDay: 40, suspended: ['b0'], buried: { b1: today, b2: today - 1 } });
    expect(ids(q)).not.toContain('b0');
    expect(ids(q)).not.toContain('b1');
    expect(ids(q)).toContain('b2'); // buried yesterday: back today
  });
});
