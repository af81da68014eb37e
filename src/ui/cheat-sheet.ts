import type { Card } from '../lib/notes/card.ts';
import { commandOf } from './related.ts';

/** One line of a topic's cheat sheet: what to type, shown as short as its section allows. */
export interface SheetRow {
  card: Card;
  /** The key, without the command it belongs to when that is already said above it. */
  label: string;
  /** A flag listed under its own command's row (indented there). */
  underCommand: boolean;
}

export interface SheetSection {
  /** Stable id for keyed lists. */
  id: string;
  /** The command every row belongs to, when the section is about one ("docker run"). */
  command?: string;
  /** The section's own name (a note's sub-heading tag such as "ports"), in the reader's language where the note has it. */
  name?: string;
  kind: 'commands' | 'compare' | 'concept';
  rows: SheetRow[];
}

const CJK = /[\u3400-\u9fff]/u;

/**
 * A topic's cards as a cheat sheet: in the note's own order, commands with their flags under
 * them, the note's sub-sections (ports, volumes, …) as their own sections, then comparisons and
 * concepts. `lang` picks which of a sub-section's names ("端口", "ports") is shown.
 */
export function cheatSheet(cards: readonly Card[], lang: string): SheetSection[] {
  const ordered = [...cards].sort(
    (a, b) => a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line || a.key.localeCompare(b.key),
  );
  const sections = new Map<string, { name?: string; kind: SheetSection['kind']; cards: Card[] }>();
  for (const card of ordered) {
    const kind = card.kind === 'compare' ? 'compare' : card.kind === 'concept' ? 'concept' : 'commands';
    const name = kind === 'commands' ? sectionName(card, lang) : undefined;
    const id = kind === 'commands' ? `commands:${name ?? ''}` : kind;
    const section = sections.get(id) ?? { kind, cards: [], ...(name ? { name } : {}) };
    section.cards.push(card);
    sections.set(id, section);
  }
  const rank = { commands: 0, compare: 1, concept: 2 } as const;
  return [...sections]
    .sort(([, a], [, b]) => rank[a.kind] - rank[b.kind])
    .map(([id, { cards: own, ...section }]) => ({ id, ...section, ...rowsOf(own, section.name !== undefined) }));
}

function rowsOf(cards: readonly Card[], named: boolean): { rows: SheetRow[]; command?: string } {
  const families = new Set(cards.map((card) => familyOf(card)));
  const [only] = families;
  // A named section about one command says it once, in its heading.
  if (named && families.size === 1 && only) {
    return { command: only, rows: cards.map((card) => ({ card, label: shortKey(card, only) || card.key, underCommand: false })) };
  }
  // Each command's flags right under it, commands in the order the note first names them.
  const byFamily = new Map<string, Card[]>();
  for (const card of cards) {
    const family = familyOf(card) ?? `\0${card.id}`;
    const list = byFamily.get(family) ?? [];
    if (card.kind === 'command') list.unshift(card);
    else list.push(card);
    byFamily.set(family, list);
  }
  let head: string | undefined;
  const rows = [...byFamily.values()].flat().map((card): SheetRow => {
    if (card.kind === 'command') head = card.key;
    const family = familyOf(card);
    const under = card.kind === 'flag' && !!head && family === head;
    return { card, label: under ? shortKey(card, family!) : displayKey(card), underCommand: under };
  });
  return { rows };
}

function familyOf(card: Card): string | undefined {
  return card.kind === 'command' ? card.key : commandOf(card);
}

function shortKey(card: Card, family: string): string {
  return card.key.startsWith(family) ? card.key.slice(family.length).trim() : card.key;
}

function displayKey(card: Card): string {
  return card.kind === 'compare' ? (card.items ?? [card.key]).join(' vs ') : card.key;
}

/** A card's sub-section: the tags after the topic that are not its program's name. */
function sectionName(card: Card, lang: string): string | undefined {
  const family = familyOf(card) ?? '';
  const names = card.tags.slice(1).filter((tag) => tag && !family.startsWith(tag));
  if (names.length === 0) return undefined;
  const inLang = names.find((tag) => CJK.test(tag) === (lang === 'zh'));
  return inLang ?? names[0];
}
