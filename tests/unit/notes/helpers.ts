import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Card, CardKind } from '../../../src/lib/notes/card.ts';
import { indexNote, type IndexResult } from '../../../src/lib/notes/index.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/notes/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

export function indexFixture(name: string, opts?: { deck?: string }): IndexResult {
  return indexNote(fixture(name), `notes/${name}`, opts);
}

/** The one card of this kind and key; fails loudly (listing what there is) when missing. */
export function card(cards: readonly Card[], kind: CardKind, key: string): Card {
  const found = cards.filter((c) => c.kind === kind && c.key === key);
  if (found.length !== 1) {
    const have = cards.map((c) => `${c.kind}:${c.key}`).join('\n  ');
    throw new Error(`expected one ${kind} card "${key}", found ${found.length}. Cards:\n  ${have}`);
  }
  return found[0]!;
}

export function keys(cards: readonly Card[], kind?: CardKind): string[] {
  return cards.filter((c) => !kind || c.kind === kind).map((c) => c.key);
}

/** Title and body of every language, for "the note's words made it onto the card" checks. */
export function words(c: Card): string {
  return Object.values(c.text)
    .map((t) => `${t.title}\n${t.body}`)
    .join('\n');
}

/** What every result must satisfy, whatever went in. */
export function expectSane(r: IndexResult, text: string): void {
  const lines = text.split('\n').length;
  expect(r.warnings.filter((w) => /internal indexer error/.test(w.message))).toEqual([]);
  const ids = new Set<string>();
  for (const c of r.cards) {
    expect(c.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(ids.has(c.id), `duplicate id ${c.id}`).toBe(false);
    ids.add(c.id);
    expect(c.key.length).toBeGreaterThan(0);
    expect(Object.keys(c.text).length).toBeGreaterThan(0);
    for (const t of Object.values(c.text)) expect(t.title.length).toBeGreaterThan(0);
    expect(c.source.line).toBeGreaterThanOrEqual(1);
    expect(c.source.line).toBeLessThanOrEqual(lines);
  }
  for (const w of r.warnings) expect(w.message.length).toBeGreaterThan(10);
}

