import { describe, expect, it } from 'vitest';
import { buildQueue, createScheduler, DEFAULT_SETTINGS, studyCalendar } from '../../../src/lib/srs/index.ts';
import { introductionOrder } from '../../../src/lib/srs/queue.ts';
import { card } from './fixtures.ts';

// Regression: new cards came in content order, and compare.md sorts first, so a first session
// was nothing but compare cards of a single topic.
const deck = [
  card({ id: 'cmp1', kind: 'compare', key: 'a | b', tags: ['Run'] }),
  card({ id: 'cmp2', kind: 'compare', key: 'c | d', tags: ['Images'] }),
  card({ id: 'run1', kind: 'flag', key: 'docker run -d', tags: ['Run'] }),
  card({ id: 'run2', kind: 'flag', key: 'docker run -P', tags: ['Run'] }),
  card({ id: 'img1', kind: 'command', key: 'docker rmi', tags: ['Images'] }),
  card({ id: 'vol1', kind: 'concept', key: 'named volume', tags: ['Volumes'] }),
];

describe('the order new cards are introduced in', () => {
  it('lets topics take turns and puts the pieces before the compare cards that contrast them', () => {
    expect(introductionOrder(deck).map((c) => c.id)).toEqual(['run1', 'img1', 'vol1', 'run2', 'cmp2', 'cmp1']);
  });

  it('is what a first session shows, within the daily new-card limit', () => {
    const q = buildQueue({
      cards: deck,
      schedules: [],
      log: [],
      settings: { ...DEFAULT_SETTINGS, newPerDay: 3 },
      now: new Date('2025-03-10T06:00:00.000Z'),
      calendar: studyCalendar(4, 480),
    });
    expect(q.items.map((it) => it.card.id)).toEqual(['run1', 'img1', 'vol1']);
    expect(q.held.newCards).toBe(3);
  });

  it('does not reshuffle the cards still to come when some have been learned', () => {
    const now = new Date('2025-03-10T06:00:00.000Z');
    const calendar = studyCalendar(4, 480);
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 20 };
    const full = buildQueue({ cards: deck, schedules: [], log: [], settings, now, calendar });
    const learned = full.items.slice(0, 2).map((it) => it.card.id); // run1, img1
    const scheduler = createScheduler(settings);
    const schedules = learned.map((cardId) => scheduler.grade({ cardId, schedule: null, rating: 3, now, newId: () => cardId }).schedule);
    const later = buildQueue({ cards: deck, schedules, log: [], settings, now, calendar });
    const rest = later.items.filter((it) => it.state === 'new').map((it) => it.card.id);
    expect(rest).toEqual(full.items.map((it) => it.card.id).filter((id) => !learned.includes(id)));
  });
});
