import { describe, expect, it } from 'vitest';
import { browseCards, createScheduler, studyCalendar, type Schedule } from '../../../src/lib/srs/index.ts';
import { card } from './fixtures.ts';

const calendar = studyCalendar(4, 0);
const now = new Date('2025-03-10T09:00:00.000Z');
const today = calendar.dayOf(now.getTime());
const cards = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => card({ id: `docker-${k}`, kind: 'command', key: `docker ${k}`, text: { en: { title: `Title ${k}`, body: k === 'f' ? 'mentions volumes' : '' } } }));
const scheduler = createScheduler();
const at = (cardId: string, over: Partial<Schedule>): Schedule => ({ ...scheduler.grade({ cardId, schedule: null, rating: 3, now, newId: () => cardId }).schedule, ...over });
const schedules = [
  at('docker-b', {}), // learning
  at('docker-c', { state: 'review', due: now.getTime() - 1, lapses: 2 }),
  at('docker-d', { state: 'review', due: now.getTime() + 5 * 86_400_000 }),
  at('docker-gone', { state: 'review' }),
];
const settings = { suspended: ['docker-e'], buried: { 'docker-f': today } };

describe('the card browser', () => {
  it('gives each card its state, due date and lapses, and lists retired progress', () => {
    const { rows, counts } = browseCards({ cards, schedules, settings, now, calendar, deck: 'docker' });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.state]))).toEqual({
      'docker-a': 'new',
      'docker-b': 'learning',
      'docker-c': 'due',
      'docker-d': 'review',
      'docker-e': 'suspended',
      'docker-f': 'buried',
      'docker-gone': 'retired',
    });
    expect(rows.find((r) => r.id === 'docker-c')).toMatchObject({ lapses: 2, due: now.getTime() - 1 });
    expect(counts).toEqual({ new: 1, learning: 1, due: 1, review: 1, suspended: 1, buried: 1, retired: 1 });
  });

  it('searches key, title and body, and filters by state', () => {
    expect(browseCards({ cards, schedules, settings, now, calendar, query: 'VOLUMES' }).rows.map((r) => r.id)).toEqual(['docker-f']);
    expect(browseCards({ cards, schedules, settings, now, calendar, state: 'due' }).rows.map((r) => r.id)).toEqual(['docker-c']);
    expect(browseCards({ cards, schedules, settings, now, calendar, deck: 'ops' }).rows).toEqual([]);
  });
});
