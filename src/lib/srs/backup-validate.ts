/**
 * Reading a backup back: `validateBackup` checks everything (shape, ids, dates, ratings,
 * cross-references) before anything is written and returns either the data or a list of
 * precise problems (an earlier version's fixable ones repaired, see backup-repair.ts).
 */
import type { Card, CardKind } from '../notes/card.ts';
import { checkSettings } from './settings.ts';
import { ID_SHAPE, repairBackup } from './backup-repair.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupIssue, type BackupValidation } from './backup-format.ts';
import {
  CARD_STATES,
  PROMPT_TYPES,
  type CardState,
  type Grade,
  type PromptType,
  type ReviewLogEntry,
  type Schedule,
  type ScheduleFields,
  type UserDeck,
} from './types.ts';

const MAX_ISSUES = 50;

class Issues {
  list: BackupIssue[] = [];
  more = 0;
  add(path: string, message: string) {
    if (this.list.length < MAX_ISSUES) this.list.push({ path, message });
    else this.more++;
  }
  done(): BackupIssue[] {
    return this.more ? [...this.list, { path: '', message: `…and ${this.more} more problems` }] : this.list;
  }
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Card ids are URL-safe slugs: no whitespace or control characters, not absurdly long. */
const CARD_ID = ID_SHAPE;
const KINDS: readonly CardKind[] = ['command', 'flag', 'compare', 'concept'];

class Reader {
  constructor(
    readonly issues: Issues,
    /** Latest plausible time of a past event (the export time plus a day of clock skew). */
    readonly latest: number,
  ) {}

  date(v: unknown, path: string, past = false): number | undefined {
    if (typeof v !== 'string' || !ISO.test(v)) return this.bad(path, `expected an ISO 8601 date like "2025-03-14T08:00:00.000Z", got ${show(v)}`);
    const t = Date.parse(v);
    if (!Number.isFinite(t) || t < MIN_TIME || t > MAX_TIME) return this.bad(path, `date out of range: ${show(v)}`);
    if (past && t > this.latest) return this.bad(path, `${v} is after the backup was made`);
    return t;
  }
  int(v: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    return this.bad(path, `expected a whole number${max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : ` ≥ ${min}`}, got ${show(v)}`);
  }
  num(v: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
    return this.bad(path, `expected a number from ${min} to ${max}, got ${show(v)}`);
  }
  str(v: unknown, path: string, allowEmpty = true): string | undefined {
    if (typeof v === 'string' && (allowEmpty || v !== '')) return v;
    return this.bad(path, `expected ${allowEmpty ? 'a string' : 'a non-empty string'}, got ${show(v)}`);
  }
  cardId(v: unknown, path: string): string | undefined {
    if (typeof v === 'string' && CARD_ID.test(v)) return v;
    return this.bad(path, `expected a card id (no spaces, 1–200 characters), got ${show(v)}`);
  }
  bad(path: string, message: string): undefined {
    this.issues.add(path, message);
    return undefined;
  }

  fields(v: unknown, path: string): ScheduleFields | undefined {
    if (!isRec(v)) return this.bad(path, `expected an object, got ${show(v)}`);
    const state = CARD_STATES.includes(v.state as CardState) ? (v.state as CardState) : this.bad(`${path}.state`, `expected one of ${CARD_STATES.join(', ')}, got ${show(v.state)}`);
    const isNew = state === 'new';
    const f = {
      state,
      due: this.date(v.due, `${path}.due`),
      stability: this.num(v.stability, `${path}.stability`, 0, 1e6),
      difficulty: isNew ? this.num(v.difficulty, `${path}.difficulty`, 0, 10) : this.num(v.difficulty, `${path}.difficulty`, 1, 10),
      scheduledDays: this.int(v.scheduledDays, `${path}.scheduledDays`, 0, 36500),
      learningSteps: this.int(v.learningSteps, `${path}.learningSteps`, 0, 100),
      reps: this.int(v.reps, `${path}.reps`),
      lapses: this.int(v.lapses, `${path}.lapses`),
      lastReview: v.lastReview === null ? null : this.date(v.lastReview, `${path}.lastReview`, true),
    };
    if (f.reps !== undefined && f.lapses !== undefined && f.lapses > f.reps) this.bad(`${path}.lapses`, `${f.lapses} lapses but only ${f.reps} reviews`);
    if (!isNew && v.lastReview === null) this.bad(`${path}.lastReview`, `a ${String(state)} card must have a last review date`);
    return Object.values(f).some((x) => x === undefined) ? undefined : (f as ScheduleFields);
  }

  schedule(v: unknown, path: string): Schedule | undefined {
    const cardId = isRec(v) ? this.cardId(v.cardId, `${path}.cardId`) : undefined;
    const f = this.fields(v, path);
    return cardId !== undefined && f ? { cardId, ...f } : undefined;
  }

  logEntry(v: unknown, path: string): ReviewLogEntry | undefined {
    if (!isRec(v)) return this.bad(path, `expected an object, got ${show(v)}`);
    const id = typeof v.id === 'string' && UUID.test(v.id) ? v.id : this.bad(`${path}.id`, `expected a UUID, got ${show(v.id)}`);
    const cardId = this.cardId(v.cardId, `${path}.cardId`);
    const reviewedAt = this.date(v.reviewedAt, `${path}.reviewedAt`, true);
    const rating = [1, 2, 3, 4].includes(v.rating as number) ? (v.rating as Grade) : this.bad(`${path}.rating`, `expected 1 (again), 2 (hard), 3 (good) or 4 (easy), got ${show(v.rating)}`);
    const state = CARD_STATES.includes(v.state as CardState) ? (v.state as CardState) : this.bad(`${path}.state`, `expected one of ${CARD_STATES.join(', ')}, got ${show(v.state)}`);
    const elapsedDays = this.int(v.elapsedDays, `${path}.elapsedDays`);
    const due = this.date(v.due, `${path}.due`);
    const before = v.before === null ? null : this.fields(v.before, `${path}.before`);
    if (state !== undefined && v.before === null && state !== 'new') this.bad(`${path}.before`, `only a review of a new card may have no previous schedule`);
    if (reviewedAt !== undefined && due !== undefined && due < reviewedAt) this.bad(`${path}.due`, `due before the review itself`);
    const entry = { id, cardId, reviewedAt, rating, state, elapsedDays, due, before } as ReviewLogEntry;
    if (v.durationMs !== undefined) {
      const d = this.num(v.durationMs, `${path}.durationMs`, 0, 864e5);
      if (d !== undefined) entry.durationMs = d;
    }
    if (v.prompt !== undefined) {
      if (PROMPT_TYPES.includes(v.prompt as PromptType)) entry.prompt = v.prompt as PromptType;
      else this.bad(`${path}.prompt`, `unknown question type ${show(v.prompt)}`);
    }
    return [id, cardId, reviewedAt, rating, state, elapsedDays, due, before].includes(undefined) ? undefined : entry;
  }

  deck(v: unknown, path: string): UserDeck | undefined {
    if (!isRec(v)) return this.bad(path, `expected an object, got ${show(v)}`);
    const id = this.cardId(v.id, `${path}.id`);
    const name = this.str(v.name, `${path}.name`, false);
    const file = this.str(v.file, `${path}.file`);
    const sourceText = this.str(v.sourceText, `${path}.sourceText`);
    const importedAt = this.date(v.importedAt, `${path}.importedAt`, true);
    if (!Array.isArray(v.cards)) return this.bad(`${path}.cards`, `expected a list of cards, got ${show(v.cards)}`);
    const before = this.issues.list.length + this.issues.more;
    const cards = v.cards.map((c, i) => this.card(c, `${path}.cards[${i}]`));
    if (id === undefined || name === undefined || file === undefined || sourceText === undefined || importedAt === undefined) return undefined;
    if (this.issues.list.length + this.issues.more > before) return undefined;
    return { id, name, file, sourceText, importedAt, cards: cards as Card[] };
  }

  card(v: unknown, path: string): Card | undefined {
    if (!isRec(v)) return this.bad(path, `expected a card object, got ${show(v)}`);
    this.cardId(v.id, `${path}.id`);
    this.str(v.deck, `${path}.deck`, false);
    if (!KINDS.includes(v.kind as CardKind)) this.bad(`${path}.kind`, `expected one of ${KINDS.join(', ')}, got ${show(v.kind)}`);
    this.str(v.key, `${path}.key`, false);
    if (!isRec(v.text) || !Object.values(v.text).every((t) => isRec(t) && typeof t.title === 'string' && typeof t.body === 'string')) {
      this.bad(`${path}.text`, 'expected texts by language, each with a title and a body');
    }
    if (!Array.isArray(v.tags) || !v.tags.every((t) => typeof t === 'string')) this.bad(`${path}.tags`, 'expected a list of strings');
    if (!isRec(v.source) || typeof v.source.file !== 'string' || !Number.isInteger(v.source.line)) this.bad(`${path}.source`, 'expected { file, line }');
    for (const k of ['command', 'flag'] as const) if (v[k] !== undefined) this.str(v[k], `${path}.${k}`);
    for (const k of ['examples', 'aliases', 'items'] as const) {
      if (v[k] !== undefined && !(Array.isArray(v[k]) && (v[k] as unknown[]).every((s) => typeof s === 'string'))) this.bad(`${path}.${k}`, 'expected a list of strings');
    }
    if (v.sides !== undefined && !(isRec(v.sides) && Object.values(v.sides).every((l) => Array.isArray(l) && l.every((s) => typeof s === 'string')))) {
      this.bad(`${path}.sides`, 'expected lists of strings by language');
    }
    return v as unknown as Card;
  }
}

/** Checks a backup (parsed JSON, or the file's text) and converts it to in-memory data. */
export function validateBackup(input: unknown): BackupValidation {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
    }
  }
  if (!isRec(raw)) return { ok: false, errors: [{ path: '', message: `expected a Deckhand backup object, got ${show(raw)}` }] };
  if (raw.format !== BACKUP_FORMAT) return { ok: false, errors: [{ path: 'format', message: `not a Deckhand backup (format ${show(raw.format)})` }] };
  if (typeof raw.version === 'number' && raw.version > BACKUP_VERSION) {
    return { ok: false, errors: [{ path: 'version', message: `made by a newer Deckhand (backup version ${raw.version}); update the app first` }] };
  }
  if (raw.version !== BACKUP_VERSION) return { ok: false, errors: [{ path: 'version', message: `unknown backup version ${show(raw.version)}` }] };

  // Backups from earlier versions may carry deck ids the app no longer makes: repaired first.
  const { doc, repairs } = repairBackup(raw);
  const issues = new Issues();
  const probe = new Reader(issues, MAX_TIME);
  const exportedAt = probe.date(doc.exportedAt, 'exportedAt');
  const r = new Reader(issues, (exportedAt ?? MAX_TIME) + 864e5);

  const list = (key: string): unknown[] => {
    if (Array.isArray(doc[key])) return doc[key] as unknown[];
    r.bad(key, `expected a list, got ${show(doc[key])}`);
    return [];
  };

  const schedules: Schedule[] = [];
  const seenCards = new Set<string>();
  list('schedules').forEach((v, i) => {
    const s = r.schedule(v, `schedules[${i}]`);
    if (!s) return;
    if (seenCards.has(s.cardId)) r.bad(`schedules[${i}].cardId`, `duplicate card id "${s.cardId}"`);
    seenCards.add(s.cardId);
    schedules.push(s);
  });

  const log: ReviewLogEntry[] = [];
  const seenLog = new Set<string>();
  list('log').forEach((v, i) => {
    const e = r.logEntry(v, `log[${i}]`);
    if (!e) return;
    if (seenLog.has(e.id.toLowerCase())) r.bad(`log[${i}].id`, `duplicate log id "${e.id}"`);
    seenLog.add(e.id.toLowerCase());
    log.push(e);
  });

  let settings: Record<string, unknown> = {};
  if (!isRec(doc.settings)) r.bad('settings', `expected an object, got ${show(doc.settings)}`);
  else {
    settings = doc.settings;
    if (doc.settings.srs !== undefined) {
      for (const issue of checkSettings(doc.settings.srs).issues) r.bad(`settings.srs${issue.path ? `.${issue.path}` : ''}`, issue.message);
    }
    checkPreferences(doc.settings, r);
  }

  const decks: UserDeck[] = [];
  const hasDecks = doc.decks !== undefined;
  if (hasDecks) {
    const seenDecks = new Set<string>();
    list('decks').forEach((v, i) => {
      const d = r.deck(v, `decks[${i}]`);
      if (!d) return;
      if (seenDecks.has(d.id)) r.bad(`decks[${i}].id`, `duplicate deck id "${d.id}"`);
      seenDecks.add(d.id);
      decks.push(d);
    });
  }

  const errors = issues.done();
  if (errors.length || exportedAt === undefined) return { ok: false, errors };
  return { ok: true, data: { schedules, log, settings, decks }, exportedAt, hasDecks, repairs };
}

/** The app's own preference keys hold what the app reads back (a bad one broke it later: "r is not iterable"). */
function checkPreferences(settings: Rec, r: Reader): void {
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'imports.indexedBy') {
      if (typeof value !== 'string') r.bad(`settings.${key}`, `expected a build id (a string), got ${show(value)}`);
    } else if (key.startsWith('imports.retired.')) {
      if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && CARD_ID.test(id))) r.bad(`settings.${key}`, `expected a list of card ids, got ${show(value)}`);
    }
  }
}
