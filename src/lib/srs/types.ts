/**
 * Plain data shared by the scheduler, the queue, stats, backups and the store.
 * Everything here is JSON-friendly and structured-clone friendly: times are epoch milliseconds
 * (numbers index and compare fast in IndexedDB and in 100k-entry stats loops); backups turn
 * them into ISO strings (see backup.ts). Never put `undefined` values in these records —
 * omit the key instead, so a backup round trip gives back exactly the same objects.
 */
import type { Card } from '../notes/card.ts';

/** Again / Hard / Good / Easy, the numbers FSRS (and Anki) use. */
export type Grade = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade[] = Object.freeze([1, 2, 3, 4] as Grade[]);
export const GRADE_NAMES: Readonly<Record<Grade, 'again' | 'hard' | 'good' | 'easy'>> = Object.freeze({
  1: 'again',
  2: 'hard',
  3: 'good',
  4: 'easy',
});

/** Where a card is in its life. A card with no stored schedule is 'new'. */
export type CardState = 'new' | 'learning' | 'review' | 'relearning';
export const CARD_STATES: readonly CardState[] = Object.freeze(['new', 'learning', 'review', 'relearning'] as CardState[]);

/** The FSRS memory state of one card, without its id (also the shape of `ReviewLogEntry.before`). */
export interface ScheduleFields {
  state: CardState;
  /** When the card is next due (epoch ms). */
  due: number;
  stability: number;
  difficulty: number;
  /** The interval in whole days the last review chose (0 while in minute-level learning steps). */
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  reps: number;
  lapses: number;
  /** Epoch ms of the last review, null before the first. */
  lastReview: number | null;
}

/** Stored progress of one card, keyed by the card's stable id. */
export interface Schedule extends ScheduleFields {
  cardId: string;
}

/** The kinds of question a card can be drilled with (see prompts.ts). */
export type PromptType =
  | 'command-from-meaning'
  | 'meaning-from-command'
  | 'flag-meaning'
  | 'confusable'
  | 'typed-command';
export const PROMPT_TYPES: readonly PromptType[] = Object.freeze([
  'command-from-meaning',
  'meaning-from-command',
  'flag-meaning',
  'confusable',
  'typed-command',
] as PromptType[]);

/** One grade, appended to the log and never edited (undo removes the latest entry of a card). */
export interface ReviewLogEntry {
  /** UUID. */
  id: string;
  cardId: string;
  /** Epoch ms of the grade. */
  reviewedAt: number;
  rating: Grade;
  /** The card's state BEFORE this review ('new' for its first review). */
  state: CardState;
  /** Whole days since the previous review (0 for a first review or the same day). */
  elapsedDays: number;
  /** The due time this review set (epoch ms): the next interval is `due - reviewedAt`. */
  due: number;
  /** The card's full schedule before this review (null when it was new): undo restores it exactly. */
  before: ScheduleFields | null;
  /** How long the answer took, when the UI measured it. */
  durationMs?: number;
  /** Which question was asked. */
  prompt?: PromptType;
}

/** A deck the user imported from their own notes (kept so the app can rebuild its cards offline). */
export interface UserDeck {
  id: string;
  name: string;
  /** The file name it came from. */
  file: string;
  /** The Markdown as imported: re-indexing it after a parser upgrade keeps ids stable. */
  sourceText: string;
  /** Epoch ms. */
  importedAt: number;
  cards: Card[];
}

/** Everything a backup carries, in the in-memory (epoch ms) form. */
export interface ProgressData {
  schedules: Schedule[];
  log: ReviewLogEntry[];
  /** Settings by key: 'srs' holds SrsSettings; the UI may keep its own keys (language, theme…). */
  settings: Record<string, unknown>;
  decks: UserDeck[];
}
