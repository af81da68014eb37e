// Issue 17: with the defaults the -p/-P compare card came around the 430th new card, three
// weeks in. On the bundled deck, confusable pairs now arrive with (or the day after) both sides.
import { describe, expect, it } from 'vitest';
import { buildQueue, createScheduler, DEFAULT_SETTINGS, studyCalendar, type ReviewLogEntry, type Schedule } from '../../../src/lib/srs/index.ts';
import { introductionOrder } from '../../../src/lib/srs/queue.ts';
import { loadDeck } from '../deck/deck.ts';

const calendar = studyCalendar(4, 0);
const cards = loadDeck().cards;

/** New cards shown on each of `days` study days at default limits, every card graded Good. */
function newCardsByDay(days: number): string[][] {
  const scheduler = createScheduler(DEFAULT_SETTINGS);
  const schedules = new Map<string, Schedule>();
  const out: string[][] = [];
  for (let d = 0; d < days; d++) {
    const now = new Date(Date.UTC(2025, 2, 10 + d, 9));
    const log: ReviewLogEntry[] = [];
    const q = buildQueue({ cards, schedules, log, settings: DEFAULT_SETTINGS, now, calendar });
    const fresh = q.items.filter((it) => it.state === 'new');
    for (const it of fresh) {
      const r = scheduler.grade({ cardId: it.card.id, schedule: null, rating: 3, now, newId: () => it.card.id });
      schedules.set(it.card.id, r.schedule);
    }
    out.push(fresh.map((it) => it.card.key));
  }
  return out;
}

describe('new cards on the bundled deck', () => {
  it('brings the -p/-P compare card, after both its sides, within the first two days at default limits', () => {
    const [day1, day2] = newCardsByDay(2);
    expect(day1).toHaveLength(DEFAULT_SETTINGS.newPerDay);
    const seen = [...day1!, ...day2!];
    const pair = seen.indexOf('docker run -p | docker run -P');
    expect(pair).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('docker run -p')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('docker run -p')).toBeLessThan(pair);
    expect(seen.indexOf('docker run -P')).toBeLessThan(pair);
    expect(seen.indexOf('docker run -P')).toBeGreaterThanOrEqual(0);
  });

  it('introduces every compare card the same study day as its later side, or the next', () => {
    const order = introductionOrder(cards);
    const dayOf = (i: number) => Math.floor(i / DEFAULT_SETTINGS.newPerDay);
    const at = new Map(order.map((c, i) => [`${c.deck} ${c.key}`, i]));
    let checked = 0;
    order.forEach((card, i) => {
      if (card.kind !== 'compare') return;
      const sides = (card.items ?? []).map((item) => at.get(`${card.deck} ${item}`)).filter((x): x is number => x !== undefined);
      if (!sides.length) return;
      checked++;
      expect(Math.max(...sides), card.key).toBeLessThan(i);
      expect(dayOf(i) - dayOf(Math.max(...sides)), card.key).toBeLessThanOrEqual(1);
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('still lets topics take turns on the first day', () => {
    const [day1] = newCardsByDay(1);
    const topics = new Set(day1!.map((key) => cards.find((c) => c.key === key)!.tags[0]));
    expect(topics.size).toBeGreaterThanOrEqual(5);
  });
});
