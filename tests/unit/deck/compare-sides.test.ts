/**
 * Every compare card of the bundled deck shows, under each item, the text of that item's own
 * column — read here straight from the Markdown table in content/, independently of the
 * indexer. Items that differ only by case (`-p`/`-P`, `:z`/`:Z`) are where this used to fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, loadDeck, where } from './deck.ts';

const { cards } = loadDeck();
const compares = cards.filter((c) => c.kind === 'compare');

/** The first table after `line` (1-based) in `file`: rows of trimmed cells. */
function tableAfter(file: string, line: number): string[][] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n').slice(line);
  const start = lines.findIndex((l) => l.trimStart().startsWith('|'));
  const rows: string[][] = [];
  for (const l of lines.slice(start)) {
    if (!l.trimStart().startsWith('|')) break;
    if (/^\s*\|[\s:|-]+\|\s*$/.test(l)) continue; // the |---|---| divider
    rows.push(l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
  }
  return rows;
}

const plain = (s: string) => s.replace(/`/g, '').replace(/\s+/g, ' ').trim();

describe('bundled deck: compare sides', () => {
  it('has compare cards with tables, among them the case-only pairs', () => {
    expect(compares.length).toBeGreaterThan(30);
    const keys = compares.map((c) => c.key);
    expect(keys).toContain('docker run -p | docker run -P');
    expect(keys).toContain(':z | :Z');
  });

  it("each side's text is the text of its own column, in every language", () => {
    const problems: string[] = [];
    for (const card of compares) {
      if (!card.sides) continue;
      const [header, ...body] = tableAfter(card.source.file, card.source.line);
      if (!header) continue;
      card.items!.forEach((item, i) => {
        const col = header.findIndex((h, c) => c > 0 && plain(h) === plain(item));
        if (col < 0) return problems.push(`${where(card)}: no column headed exactly "${item}"`);
        for (const row of body) {
          const shown = card.sides![row[0]!]?.[i];
          if (shown === undefined) continue;
          if (plain(shown) !== plain(row[col] ?? '')) problems.push(`${where(card)} [${row[0]}] ${item}: shows "${shown}", column says "${row[col]}"`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('the two sides of -p vs -P say different things', () => {
    const pP = compares.find((c) => c.key === 'docker run -p | docker run -P')!;
    for (const lang of ['zh', 'en']) expect(pP.sides![lang]![0]).not.toBe(pP.sides![lang]![1]);
  });
});
