/**
 * Repairs backups written by earlier versions before they are validated. Up to issue 19 a
 * front-matter `deck: my docker notes` became the deck id as typed — spaces, tabs, any length —
 * so the app's own backup failed its own check (`decks[2].id expected a card id`) and all
 * review history was refused with it. Such a deck now gets the id today's indexer gives the
 * same note (the slug), and its cards the ids they get when it is re-indexed from source;
 * schedules, log entries and the deck's preference keys follow, so no history is cut off.
 */
import { cardId, deckSlug } from '../notes/id.ts';
import type { CardKind } from '../notes/card.ts';
import type { BackupIssue } from './backup-format.ts';

/** What a deck id must look like (the same rule the validator applies to every id). */
export const ID_SHAPE = /^[^\s\u0000-\u001f\u007f]{1,200}$/;
const KINDS: readonly string[] = ['command', 'flag', 'compare', 'concept'] satisfies readonly CardKind[];

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Repaired {
  doc: Rec;
  /** One line per repaired deck, for the restore preview. */
  repairs: BackupIssue[];
}

/** Returns the document with malformed deck ids repaired (the input is not changed). */
export function repairBackup(doc: Rec): Repaired {
  if (!Array.isArray(doc.decks)) return { doc, repairs: [] };
  const repairs: BackupIssue[] = [];
  const taken = new Set(doc.decks.map((d) => (isRec(d) && typeof d.id === 'string' ? d.id : '')));
  const renamedCards = new Map<string, string>();
  const renamedDecks = new Map<string, string>();

  const decks = doc.decks.map((d, i) => {
    if (!isRec(d) || typeof d.id !== 'string' || ID_SHAPE.test(d.id)) return d;
    const old = d.id;
    const id = unique(deckSlug(old), taken);
    taken.add(id);
    renamedDecks.set(old, id);
    repairs.push({ path: `decks[${i}].id`, message: `deck id ${JSON.stringify(old.length > 60 ? `${old.slice(0, 57)}...` : old)} repaired to "${id}"` });
    const cards = Array.isArray(d.cards)
      ? d.cards.map((c) => {
          if (!isRec(c) || typeof c.key !== 'string' || typeof c.kind !== 'string' || !KINDS.includes(c.kind)) return c;
          const next = cardId(id, c.kind as CardKind, c.key);
          if (typeof c.id === 'string' && c.id !== next) renamedCards.set(c.id, next);
          return { ...c, id: next, deck: c.deck === old ? id : c.deck };
        })
      : d.cards;
    return { ...d, id, cards };
  });
  if (!repairs.length) return { doc, repairs };

  const card = (v: unknown) => (isRec(v) && typeof v.cardId === 'string' && renamedCards.has(v.cardId) ? { ...v, cardId: renamedCards.get(v.cardId) } : v);
  return {
    doc: {
      ...doc,
      decks,
      schedules: Array.isArray(doc.schedules) ? newestPerCard(doc.schedules.map(card)) : doc.schedules,
      log: Array.isArray(doc.log) ? doc.log.map(card) : doc.log,
      settings: isRec(doc.settings) ? renameDeckKeys(doc.settings, renamedDecks) : doc.settings,
    },
    repairs,
  };
}

function unique(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

/** Two old ids can meet on one new id: the schedule reviewed last stands (the log keeps both). */
function newestPerCard(schedules: unknown[]): unknown[] {
  const byCard = new Map<string, Rec>();
  const out: unknown[] = [];
  for (const s of schedules) {
    if (!isRec(s) || typeof s.cardId !== 'string') {
      out.push(s);
      continue;
    }
    const seen = byCard.get(s.cardId);
    if (!seen) {
      byCard.set(s.cardId, s);
      out.push(s);
    } else if (String(s.lastReview ?? '') > String(seen.lastReview ?? '')) {
      out[out.indexOf(seen)] = s;
      byCard.set(s.cardId, s);
    }
  }
  return out;
}

/** Preference keys that name a deck ("imports.retired.<deck id>") follow its new id. */
function renameDeckKeys(settings: Rec, renamed: Map<string, string>): Rec {
  const out: Rec = {};
  for (const [key, value] of Object.entries(settings)) {
    const dot = key.startsWith('imports.') ? key.indexOf('.', 'imports.'.length) : -1;
    const deck = dot > 0 ? key.slice(dot + 1) : undefined;
    out[deck !== undefined && renamed.has(deck) ? `${key.slice(0, dot + 1)}${renamed.get(deck)}` : key] = value;
  }
  return out;
}
