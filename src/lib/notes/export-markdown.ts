import type { Card } from './card.ts';

/** What an export needs of a saved deck. */
export interface ExportableDeck {
  id: string;
  name: string;
  cards: readonly Card[];
}

/**
 * A deck → a note in the house format (content/README.md), so a user's cards can be edited in
 * any editor and imported again. Front matter keeps the deck id, so re-importing the file
 * yields the same card ids and keeps review progress.
 */
export function deckToMarkdown(deck: ExportableDeck): string {
  const out: string[] = ['---', `deck: ${JSON.stringify(deck.id)}`, `title: ${JSON.stringify(oneLine(deck.name))}`, '---', ''];

  // Cards without a topic come first: under a `#` heading they would inherit its topic.
  const groups = new Map<string, Card[]>();
  for (const card of deck.cards) {
    const topic = card.tags[0] ?? '';
    const group = groups.get(topic);
    if (group) group.push(card);
    else groups.set(topic, [card]);
  }
  const untagged = groups.get('');
  if (untagged) for (const card of untagged) out.push(...cardSection(card));
  for (const [topic, cards] of groups) {
    if (!topic) continue;
    out.push(`# ${oneLine(topic)}`, '');
    for (const card of cards) out.push(...cardSection(card));
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** The `##` heading that makes the indexer give the card back its kind and key. */
export function cardHeading(card: Card): string {
  switch (card.kind) {
    case 'compare':
      return oneLine((card.items?.length ? card.items : card.key.split(' | ')).join(' vs '));
    case 'flag':
      return oneLine([card.key, ...(card.aliases ?? [])].join(', '));
    case 'command':
      // Backticks take the heading literally as a command (house format rule).
      return inlineCode(oneLine(card.key));
    default:
      return oneLine(card.key);
  }
}

function cardSection(card: Card): string[] {
  const lines = [`## ${cardHeading(card)}`, ''];
  const commands = [...new Set([card.command, ...(card.examples ?? [])].filter((c): c is string => !!c?.trim()))];
  if (commands.length > 0) {
    const fence = fenceFor(commands.join('\n'));
    lines.push(`${fence}sh`, ...commands.map(oneLine), fence, '');
  }
  const sides = card.sides ? Object.entries(card.sides) : [];
  if (card.kind === 'compare' && card.items && sides.length > 0) {
    lines.push(`| | ${card.items.map(cell).join(' | ')} |`, `|---|${card.items.map(() => '---|').join('')}`);
    for (const [lang, values] of sides) lines.push(`| ${cell(lang)} | ${card.items.map((_, i) => cell(values[i] ?? '')).join(' | ')} |`);
    lines.push('');
  }
  for (const [lang, { title, body }] of Object.entries(card.text)) {
    lines.push(`- ${lang}: ${oneLine(title) || oneLine(card.key)}`);
    for (const line of body.trim().split('\n')) lines.push(line.trim() ? `  ${line.trimEnd()}` : '');
    if (lines.at(-1) === '') lines.pop();
  }
  const extra = card.tags.slice(1).map((tag) => oneLine(tag).replace(/,/g, ' ')).filter(Boolean);
  if (extra.length > 0) lines.push(`- tags: ${extra.join(', ')}`);
  lines.push('');
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

/** Inline code that survives backticks inside it (CommonMark: a longer backtick run). */
function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = longest > 0 || text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** A code fence longer than any backtick run inside the block. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}
