/**
 * Study settings: defaults in one frozen object, and one function that turns anything
 * (a stored record from an older version, a backup, a form) into valid settings.
 */
import type { CardKind } from '../notes/card.ts';
import { PROMPT_TYPES, type PromptType } from './types.ts';

/** "1m", "10m", "1h", "2d" — the step format ts-fsrs understands. */
export type Step = `${number}${'m' | 'h' | 'd'}`;

/** Where new cards go in a session's queue. */
export type NewCardPosition = 'mix' | 'after-reviews' | 'before-reviews';

export interface SrsSettings {
  /** Target probability of recall when a card comes due (FSRS request_retention), 0.7–0.99. */
  desiredRetention: number;
  /** New cards introduced per study day. */
  newPerDay: number;
  /** Review-state cards shown per study day (learning cards are never capped). */
  reviewsPerDay: number;
  learningSteps: Step[];
  relearningSteps: Step[];
  /** Longest interval FSRS may choose, in days. */
  maximumIntervalDays: number;
  /** Spread intervals a little so cards learnt together do not stay bunched together. */
  fuzz: boolean;
  /** Local hour (0–23) at which a new study day starts; reviews at 1 a.m. count for "yesterday". */
  dayStartHour: number;
  /** When nothing else is due, learning cards due within this many minutes are shown early. */
  learnAheadMinutes: number;
  newCardPosition: NewCardPosition;
  /** Decks to study; empty = all. */
  studyDecks: string[];
  /** Topics (a card's tags[0]) to study; empty = all. */
  studyTopics: string[];
  /** Question types per card kind, overriding DEFAULT_PROMPT_TYPES; the order is the rotation. */
  promptTypes: Partial<Record<CardKind, PromptType[]>>;
  /** Daily limits of one deck (by deck id), within the overall ones: an imported deck is not starved. */
  deckLimits: Record<string, DeckLimits>;
  /** Card ids left out of drills until unsuspended. */
  suspended: string[];
  /** Card ids left out for the rest of one study day: id → that day (calendar.dayOf). */
  buried: Record<string, number>;
  /** "Study more today": extra new cards, or reviews due in the next days, for one study day. */
  studyMore: StudyMore;
}

export interface DeckLimits {
  newPerDay?: number;
  reviewsPerDay?: number;
}

export interface StudyMore {
  /** The study day it applies to (calendar.dayOf); any other day it is ignored. */
  day: number;
  newCards: number;
  /** Review cards due within this many days after today are shown early. */
  aheadDays: number;
}

/** Frozen, but typed mutable so DEFAULT_SETTINGS keeps the SrsSettings shape. */
function frozen<T>(a: T[]): T[] {
  return Object.freeze(a) as T[];
}

export const DEFAULT_SETTINGS: Readonly<SrsSettings> = Object.freeze({
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: frozen<Step>(['1m', '10m']),
  relearningSteps: frozen<Step>(['10m']),
  maximumIntervalDays: 36500,
  fuzz: true,
  dayStartHour: 4,
  learnAheadMinutes: 20,
  newCardPosition: 'mix',
  studyDecks: frozen<string>([]),
  studyTopics: frozen<string>([]),
  promptTypes: Object.freeze({}),
  deckLimits: Object.freeze({}),
  suspended: frozen<string>([]),
  buried: Object.freeze({}),
  studyMore: Object.freeze({ day: 0, newCards: 0, aheadDays: 0 }),
} satisfies SrsSettings);

const STEP = /^(\d+(?:\.\d+)?)(m|h|d)$/;
const KINDS: readonly CardKind[] = ['command', 'flag', 'compare', 'concept'];
const POSITIONS: readonly NewCardPosition[] = ['mix', 'after-reviews', 'before-reviews'];

/** One problem found in a settings object: `path` is relative to the settings ("newPerDay"). */
export interface SettingsIssue {
  path: string;
  message: string;
}

type Check<T> = { ok: true; value: T } | { ok: false; message: string };

function int(v: unknown, min: number, max: number): Check<number> {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
    ? { ok: true, value: v }
    : { ok: false, message: `expected a whole number from ${min} to ${max}, got ${show(v)}` };
}

function num(v: unknown, min: number, max: number): Check<number> {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
    ? { ok: true, value: v }
    : { ok: false, message: `expected a number from ${min} to ${max}, got ${show(v)}` };
}

function steps(v: unknown): Check<Step[]> {
  if (!Array.isArray(v) || v.length > 10) return { ok: false, message: `expected a list of steps like "10m", got ${show(v)}` };
  for (const s of v) {
    const m = typeof s === 'string' ? STEP.exec(s) : null;
    if (!m || Number(m[1]) <= 0) return { ok: false, message: `expected steps like "1m", "10m", "1h", "1d", got ${show(s)}` };
  }
  return { ok: true, value: [...v] as Step[] };
}

function strings(v: unknown): Check<string[]> {
  return Array.isArray(v) && v.every((s) => typeof s === 'string')
    ? { ok: true, value: [...new Set(v as string[])] }
    : { ok: false, message: `expected a list of strings, got ${show(v)}` };
}

function promptTypes(v: unknown): Check<Partial<Record<CardKind, PromptType[]>>> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, message: `expected an object by card kind, got ${show(v)}` };
  const out: Partial<Record<CardKind, PromptType[]>> = {};
  for (const [kind, list] of Object.entries(v)) {
    if (!KINDS.includes(kind as CardKind)) return { ok: false, message: `unknown card kind "${kind}"` };
    if (!Array.isArray(list) || list.length === 0 || !list.every((t) => PROMPT_TYPES.includes(t as PromptType))) {
      return { ok: false, message: `${kind}: expected a non-empty list of ${PROMPT_TYPES.join(', ')}` };
    }
    out[kind as CardKind] = [...new Set(list as PromptType[])];
  }
  return { ok: true, value: out };
}

function record<T>(v: unknown, value: (x: unknown) => Check<T>): Check<Record<string, T>> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, message: `expected an object, got ${show(v)}` };
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(v)) {
    const r = value(x);
    if (!r.ok) return { ok: false, message: `${k}: ${r.message}` };
    out[k] = r.value;
  }
  return { ok: true, value: out };
}

function deckLimits(v: unknown): Check<DeckLimits> {
  const r = record(v, (x) => int(x, 0, 99999));
  if (!r.ok) return r;
  const out: DeckLimits = {};
  if (r.value.newPerDay !== undefined) out.newPerDay = r.value.newPerDay;
  if (r.value.reviewsPerDay !== undefined) out.reviewsPerDay = r.value.reviewsPerDay;
  return { ok: true, value: out };
}

function studyMore(v: unknown): Check<StudyMore> {
  const r = record(v, (x) => int(x, 0, 1e7));
  if (!r.ok) return r;
  const { day = 0, newCards = 0, aheadDays = 0 } = r.value;
  return { ok: true, value: { day, newCards, aheadDays } };
}

const FIELDS: { [K in keyof SrsSettings]: (v: unknown) => Check<SrsSettings[K]> } = {
  desiredRetention: (v) => num(v, 0.7, 0.99),
  newPerDay: (v) => int(v, 0, 9999),
  reviewsPerDay: (v) => int(v, 0, 99999),
  learningSteps: steps,
  relearningSteps: steps,
  maximumIntervalDays: (v) => int(v, 1, 36500),
  fuzz: (v) => (typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, message: `expected true or false, got ${show(v)}` }),
  dayStartHour: (v) => int(v, 0, 23),
  learnAheadMinutes: (v) => int(v, 0, 1440),
  newCardPosition: (v) =>
    POSITIONS.includes(v as NewCardPosition)
      ? { ok: true, value: v as NewCardPosition }
      : { ok: false, message: `expected one of ${POSITIONS.join(', ')}, got ${show(v)}` },
  studyDecks: strings,
  studyTopics: strings,
  promptTypes,
  deckLimits: (v) => record(v, deckLimits),
  suspended: strings,
  buried: (v) => record(v, (x) => int(x, 0, 1e7)),
  studyMore,
};

/**
 * Checks a settings object field by field. Missing fields are fine (defaults fill them);
 * present but invalid fields are issues. Unknown fields are ignored (a newer app may add some).
 */
export function checkSettings(input: unknown): { settings: SrsSettings; issues: SettingsIssue[] } {
  const settings = cloneDefaults();
  const issues: SettingsIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { settings, issues: input === undefined ? [] : [{ path: '', message: `expected an object, got ${show(input)}` }] };
  }
  const rec = input as Record<string, unknown>;
  for (const key of Object.keys(FIELDS) as (keyof SrsSettings)[]) {
    if (!(key in rec) || rec[key] === undefined) continue;
    const r = FIELDS[key](rec[key]);
    if (r.ok) (settings as unknown as Record<string, unknown>)[key] = r.value;
    else issues.push({ path: key, message: r.message });
  }
  return { settings, issues };
}

/** Valid settings from anything: invalid or missing fields fall back to their defaults. */
export function normalizeSettings(input: unknown): SrsSettings {
  return checkSettings(input).settings;
}

function cloneDefaults(): SrsSettings {
  return {
    ...DEFAULT_SETTINGS,
    learningSteps: [...DEFAULT_SETTINGS.learningSteps],
    relearningSteps: [...DEFAULT_SETTINGS.relearningSteps],
    studyDecks: [],
    studyTopics: [],
    promptTypes: {},
    deckLimits: {},
    suspended: [],
    buried: {},
    studyMore: { day: 0, newCards: 0, aheadDays: 0 },
  };
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
