/**
 * The bundled deck as the tests see it: every content/*.md note (README.md documents the
 * format and is not part of the deck) indexed once with the same indexer the app uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Card } from '../../../src/lib/notes/card.ts';
import { indexNotes } from '../../../src/lib/notes/index.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CONTENT_DIR = join(ROOT, 'content');
export const DECK_TEST_DIR = dirname(fileURLToPath(import.meta.url));

export interface NoteFile {
  text: string;
  file: string;
}

export function contentNotes(): NoteFile[] {
  return readdirSync(CONTENT_DIR)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => ({ text: readFileSync(join(CONTENT_DIR, name), 'utf8'), file: `content/${name}` }));
}

export interface Deck {
  cards: Card[];
  warnings: unknown[];
}

let cached: Deck | undefined;

export function loadDeck(): Deck {
  if (!cached) {
    const result = indexNotes(contentNotes());
    cached = { cards: result.cards, warnings: [...result.warnings] };
  }
  return cached;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** "docker run -p 8080:80" → ["docker", "run"]: the words before the first flag. */
export function commandWords(key: string): string[] {
  const words = key.trim().split(/\s+/);
  const firstFlag = words.findIndex((w) => w.startsWith('-'));
  return firstFlag === -1 ? words : words.slice(0, firstFlag);
}

/** A short label for failure messages: where the card lives and what it is. */
export function where(card: Card): string {
  return `${card.source.file}:${card.source.line} [${card.kind}] ${card.key}`;
}
