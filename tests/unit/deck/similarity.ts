/** Text comparisons behind the near-duplicate test. */

/**
 * Lower-cases words but keeps flags as typed (-p and -P are different cards), drops punctuation —
 * ASCII and the full-width marks zh titles use — so "Remove (all)" and "remove all" are one title.
 */
export function normaliseTitle(title: string): string {
  return title
    .split(/\s+/)
    .map((w) => (w.startsWith('-') ? w : w.toLowerCase()))
    .join(' ')
    .replace(/[.,;:!?()"'`…—–，。、：；！？（）“”‘’《》]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function trigrams(text: string): Set<string> {
  const s = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) grams.add(s.slice(i, i + 3));
  return grams;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}
