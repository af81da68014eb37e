/**
 * FSRS scheduling over our plain records, via ts-fsrs (FSRS-6 default weights).
 * No hidden clock and no globals: `now` and the id generator come in as arguments.
 */
import { fsrs, generatorParameters, State, type Card as FsrsCard, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import { formatInterval } from './interval.ts';
import { normalizeSettings, type SrsSettings } from './settings.ts';
import type { CardState, Grade, PromptType, ReviewLogEntry, Schedule, ScheduleFields } from './types.ts';

const TO_FSRS: Record<CardState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const FROM_FSRS: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** What one button would do: shown on the button before the user taps it. */
export interface GradePreview {
  rating: Grade;
  /** The schedule the card would get. */
  due: number;
  /** `due - now` in ms. */
  intervalMs: number;
  /** "10m", "4d" (en) — use `formatInterval(intervalMs, 'zh')` for Chinese. */
  label: string;
}

export interface GradeInput {
  cardId: string;
  /** The card's stored schedule; null or undefined for a new card. */
  schedule: Schedule | null | undefined;
  rating: Grade;
  now: Date;
  /** Makes the log entry's UUID (the app passes `() => crypto.randomUUID()`). */
  newId: () => string;
  durationMs?: number;
  prompt?: PromptType;
}

/** A grade's outcome: store both in one transaction (`saveReview`). */
export interface GradeResult {
  schedule: Schedule;
  log: ReviewLogEntry;
}

export interface Scheduler {
  readonly settings: SrsSettings;
  /** The four buttons' outcomes, Again..Easy (index 0..3). */
  preview(schedule: Schedule | null | undefined, now: Date): [GradePreview, GradePreview, GradePreview, GradePreview];
  grade(input: GradeInput): GradeResult;
  /** Probability of recall now (0..1); null for a new card. */
  retrievability(schedule: Schedule | null | undefined, now: Date): number | null;
}

export function createScheduler(settings: Partial<SrsSettings> = {}): Scheduler {
  const s = normalizeSettings(settings);
  const f = fsrsFor(s);

  /** The four grades' outcomes, their due times pulled apart (see separateDues). */
  const outcomes = (schedule: Schedule | null | undefined, now: Date) => {
    const at = reviewTime(schedule, now);
    const rec = f.repeat(toFsrs(schedule, at), at);
    const list = ([1, 2, 3, 4] as FsrsGrade[]).map((g) => rec[g]);
    const dues = separateDues(list.map((r) => r.card.due.getTime()), now.getTime());
    return list.map((r, i) => ({ card: r.card, log: r.log, due: dues[i] as number }));
  };

  return {
    settings: s,
    preview(schedule, now) {
      const dues = outcomes(schedule, now).map((o) => o.due);
      const one = (g: Grade): GradePreview => {
        const due = dues[g - 1] as number;
        return { rating: g, due, intervalMs: due - now.getTime(), label: formatInterval(due - now.getTime()) };
      };
      return [one(1), one(2), one(3), one(4)];
    },
    grade({ cardId, schedule, rating, now, newId, durationMs, prompt }) {
      if (![1, 2, 3, 4].includes(rating)) throw new RangeError(`rating must be 1-4, got ${String(rating)}`);
      const at = reviewTime(schedule, now);
      const { card, log, due } = outcomes(schedule, now)[rating - 1]!;
      const next: Schedule = { cardId, ...fromFsrs(card) };
      if (due !== next.due) {
        next.due = due;
        if (next.state === 'review') next.scheduledDays = Math.round((due - at.getTime()) / DAY);
      }
      const entry: ReviewLogEntry = {
        id: newId(),
        cardId,
        reviewedAt: at.getTime(),
        rating,
        state: schedule ? schedule.state : 'new',
        elapsedDays: log.elapsed_days,
        due: next.due,
        before: schedule ? fieldsOf(schedule) : null,
      };
      if (durationMs !== undefined) entry.durationMs = Math.max(0, Math.round(durationMs));
      if (prompt !== undefined) entry.prompt = prompt;
      return { schedule: next, log: entry };
    },
    retrievability(schedule, now) {
      if (!schedule || schedule.state === 'new') return null;
      return f.get_retrievability(toFsrs(schedule, now), reviewTime(schedule, now), false);
    },
  };
}

/** The ts-fsrs instance for these settings (grading here, and replaying a merged log in sync). */
export function fsrsFor(s: SrsSettings): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: s.desiredRetention,
      maximum_interval: s.maximumIntervalDays,
      enable_fuzz: s.fuzz,
      enable_short_term: true,
      learning_steps: s.learningSteps,
      relearning_steps: s.relearningSteps,
    }),
  );
}

const DAY = 86_400_000;

/**
 * Again < Hard < Good < Easy, always four different labels: FSRS can give Good and Easy the
 * same day (a card just relearnt), which leaves the user two buttons that look the same. A
 * later grade that does not come out longer is moved to the next interval its label can
 * show (a minute, an hour, a day…), so what the button says is what the grade does.
 */
export function separateDues(dues: readonly number[], now: number): number[] {
  const out = [...dues];
  for (let i = 1; i < out.length; i++) {
    const prev = (out[i - 1] as number) - now;
    let ms = Math.max((out[i] as number) - now, prev);
    while (ms <= prev || formatInterval(ms) === formatInterval(prev)) ms += labelStep(ms);
    out[i] = now + ms;
  }
  return out;
}

/** The smallest change formatInterval shows at this length. */
function labelStep(ms: number): number {
  if (ms < 3_600_000) return 60_000;
  if (ms < DAY) return 3_600_000;
  if (ms < 30 * DAY) return DAY;
  if (ms < 365 * DAY) return 3 * DAY;
  return 37 * DAY;
}

/**
 * Undo: the schedule the card had before `log` (null = it was new, delete its schedule).
 * Restored from the snapshot kept in the log entry — exact, where ts-fsrs `rollback` can only
 * approximate the previous due date.
 */
export function scheduleBefore(log: ReviewLogEntry): Schedule | null {
  return log.before ? { cardId: log.cardId, ...log.before } : null;
}

/** A clock that went backwards (phone time change) must not produce negative intervals. */
function reviewTime(schedule: Schedule | null | undefined, now: Date): Date {
  const last = schedule?.lastReview;
  return last != null && last > now.getTime() ? new Date(last) : now;
}

function toFsrs(s: Schedule | null | undefined, now: Date): FsrsCard {
  if (!s) {
    return { due: now, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: State.New };
  }
  const card: FsrsCard = {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: 0,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: TO_FSRS[s.state],
  };
  if (s.lastReview !== null) card.last_review = new Date(s.lastReview);
  return card;
}

/** A ts-fsrs card as our schedule fields. */
export function fromFsrs(c: FsrsCard): ScheduleFields {
  return {
    state: FROM_FSRS[c.state],
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

function fieldsOf(s: Schedule): ScheduleFields {
  const { cardId: _id, ...fields } = s;
  return fields;
}
