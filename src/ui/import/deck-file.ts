import { deckToAnki } from '../../lib/notes/export-anki.ts';
import { deckToMarkdown } from '../../lib/notes/export-markdown.ts';
import type { UserDeck } from '../../lib/srs/types.ts';

export interface DeckFile {
  name: string;
  type: string;
  text: string;
}

/** A saved deck as a file to download: house-format Markdown, or Anki text in `langs` order. */
export function deckFile(deck: UserDeck, format: 'markdown' | 'anki', langs: string[]): DeckFile {
  return format === 'markdown'
    ? { name: `${deck.id}.md`, type: 'text/markdown;charset=utf-8', text: deckToMarkdown(deck) }
    : { name: `${deck.id}.anki.txt`, type: 'text/plain;charset=utf-8', text: deckToAnki(deck, { langs }) };
}
