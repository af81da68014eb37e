/**
 * Grades waiting for IndexedDB live in one localStorage list that every tab shares (issue 19:
 * two tabs each overwrote it with their own list, losing the other's grades).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createScheduler, type GradeResult } from '../../../src/lib/srs/index.ts';
import { forgetPending, keepPending, readPending } from '../../../src/ui/drill/pending-grades.ts';

/** One origin's localStorage, as every tab sees it. */
class SharedStorage {
  #items = new Map<string, string>();
  getItem = (k: string) => this.#items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.#items.set(k, v);
  removeItem = (k: string) => void this.#items.delete(k);
}

let n = 0;
const s = createScheduler();
const grade = (cardId: string, at: number): GradeResult =>
  s.grade({ cardId, schedule: null, rating: 3, now: new Date(Date.parse('2025-05-01T08:00:00Z') + at), newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });

beforeEach(() => {
  (globalThis as { window?: unknown }).window = { localStorage: new SharedStorage() };
});

describe('the shared list of grades not yet committed', () => {
  it('keeps both tabs\' grades: each change merges into what is stored', () => {
    const a1 = grade('a', 1);
    const b1 = grade('b', 2);
    const a2 = grade('c', 3);
    keepPending([a1]); // tab A
    keepPending([b1]); // tab B
    keepPending([a2, a1]); // tab A again (a1 already kept: not doubled)
    expect(readPending().map((r) => r.log.id)).toEqual([a1, b1, a2].map((r) => r.log.id));
    forgetPending([a1.log.id, a2.log.id]); // tab A's grades committed
    expect(readPending()).toEqual([b1]);
  });

  it('reads a damaged entry as nothing to replay', () => {
    (globalThis as unknown as { window: { localStorage: SharedStorage } }).window.localStorage.setItem('deckhand.drill.unsaved', '{not json');
    expect(readPending()).toEqual([]);
    keepPending([grade('a', 1)]);
    expect(readPending()).toHaveLength(1);
  });

  it('still keeps grades in memory when site data is blocked', () => {
    (globalThis as { window?: unknown }).window = {
      get localStorage(): Storage {
        throw new Error('SecurityError');
      },
    };
    const g = grade('a', 1);
    keepPending([g]);
    expect(readPending()).toEqual([g]);
  });
});
