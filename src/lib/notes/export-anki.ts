import type { Card } from './card.ts';
import type { ExportableDeck } from './export-markdown.ts';

/**
 * A deck → a text file Anki imports (File › Import): tab-separated, with the header lines
 * Anki reads (`#separator:tab`, `#html:true`, `#guid column:`, `#tags column:`).
 * Columns: guid, front (what the card is about: the command, flag or pair), back (its meaning in
 * every language the card has, then the example commands), tags.
 * The guid is the card id, so importing a newer export updates the notes instead of duplicating.
 * Fields are HTML that we escape ourselves: every `<`, `>`, `&` and `"` from a note is shown as
 * text, and line breaks become `<br>` (with html:false Anki escapes but keeps raw newlines, which
 * it then shows as spaces: title, explanation and commands ran together on one line).
 */
export function deckToAnki(deck: ExportableDeck, options: { langs?: readonly string[] } = {}): string {
  const langs = options.langs ?? ['zh', 'en'];
  const lines = ['#separator:tab', '#html:true', '#guid column:1', '#tags column:4', `#deck:${oneLine(deck.name)}`];
  const deckTag = ankiTag(`deckhand::${deck.id}`);
  for (const card of deck.cards) {
    const tags = [...new Set([deckTag, ...card.tags.map(ankiTag)].filter(Boolean))];
    lines.push([card.id, html(front(card)), html(back(card, langs)), tags.join(' ')].map(field).join('\t'));
  }
  return lines.join('\n') + '\n';
}

export function front(card: Card): string {
  return card.kind === 'compare' && card.items?.length ? card.items.join(' vs ') : card.key;
}

export function back(card: Card, langs: readonly string[]): string {
  const order = [...new Set([...langs, ...Object.keys(card.text)])].filter((lang) => card.text[lang]);
  const parts = order.map((lang) => {
    const { title, body } = card.text[lang]!;
    return [title.trim(), body.trim()].filter(Boolean).join('\n');
  });
  if (card.kind === 'compare' && card.items && card.sides) {
    const sides = order.map((lang) => card.sides?.[lang]).find((s) => s?.length) ?? Object.values(card.sides)[0];
    if (sides) parts.push(card.items.map((item, i) => `${item}: ${sides[i] ?? ''}`.trim()).join('\n'));
  }
  const commands = [...new Set([card.command, ...(card.examples ?? [])].filter((c): c is string => !!c?.trim()))];
  if (commands.length > 0) parts.push(commands.join('\n'));
  return parts.filter(Boolean).join('\n\n');
}

/** Text → HTML that shows exactly that text, line breaks included. */
function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '<br>');
}

/** Anki splits tags on whitespace: spaces inside one tag become underscores. */
export function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_');
}

/**
 * One CSV field. Anki reads the file with a CSV reader (quote `"`, comment `#` at a record's
 * start): quote a field holding a tab, line break or quote, or starting with `#`.
 */
function field(value: string): string {
  return /[\t\r\n"]|^#/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
