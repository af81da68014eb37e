/**
 * The card browser's rows: each card of the chosen decks with where it stands — new, learning,
 * due, review (not due yet), suspended, buried — its due date and lapses; plus retired cards
 * (progress kept for a card no longer in the content). Search and a state filter narrow it.
 */
import type { Card } from '../notes/card.ts';
import type { StudyCalendar } from './calendar.ts';
import type { SrsSettings } from './settings.ts';
import type { Schedule } from './types.ts';

export type BrowseState = 'new' | 'learning' | 'due' | 'review' | 'suspended' | 'buried' | 'retired';
export const BROWSE_STATES: readonly BrowseState[] = Object.freeze(['new', 'learning', 'due', 'review', 'suspended', 'buried', 'retired'] as BrowseState[]);

export interface BrowseRow {
  id: string;
  /** Missing for a retired card. */
  card?: Card;
  state: BrowseState;
  /** Epoch ms; null for a new card. */
  due: number | null;
  lapses: number;
  reps: number;
}

export interface BrowseInput {
  cards: readonly Card[];
  schedules: readonly Schedule[];
  settings: Pick<SrsSettings, 'suspended' | 'buried'>;
  now: Date;
  calendar: StudyCalendar;
  /** Deck id; empty = every deck. */
  deck?: string;
  /** Words that must all appear in the card's key, title or body (case-insensitive). */
  query?: string;
  state?: BrowseState | '';
}

export function browseCards(input: BrowseInput): { rows: BrowseRow[]; counts: Record<BrowseState, number> } {
  const t = input.now.getTime();
  const today = input.calendar.dayOf(t);
  const dayEnd = input.calendar.startOf(today + 1);
  const suspended = new Set(input.settings.suspended);
  const bySchedule = new Map(input.schedules.map((s) => [s.cardId, s]));
  const words = (input.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const counts = Object.fromEntries(BROWSE_STATES.map((s) => [s, 0])) as Record<BrowseState, number>;
  const rows: BrowseRow[] = [];
  const live = new Set<string>();

  const keep = (row: BrowseRow, text: string) => {
    if (words.length && !words.every((w) => text.includes(w))) return;
    counts[row.state]++;
    if (!input.state || input.state === row.state) rows.push(row);
  };

  for (const card of input.cards) {
    live.add(card.id);
    if (input.deck && card.deck !== input.deck) continue;
    const s = bySchedule.get(card.id);
    let state: BrowseState;
    if (suspended.has(card.id)) state = 'suspended';
    else if (input.settings.buried[card.id] === today) state = 'buried';
    else if (!s || s.state === 'new') state = 'new';
    else if (s.state !== 'review') state = 'learning';
    else state = s.due < dayEnd ? 'due' : 'review';
    const text = [card.key, card.command ?? '', ...Object.values(card.text).flatMap((x) => [x.title, x.body])].join('\n').toLowerCase();
    keep({ id: card.id, card, state, due: s && s.state !== 'new' ? s.due : null, lapses: s?.lapses ?? 0, reps: s?.reps ?? 0 }, text);
  }
  for (const s of input.schedules) {
    if (live.has(s.cardId) || (input.deck && !s.cardId.startsWith(`${input.deck}-`))) continue;
    keep({ id: s.cardId, state: 'retired', due: s.due, lapses: s.lapses, reps: s.reps }, s.cardId.toLowerCase());
  }
  return { rows, counts };
}
