/**
 * Typo tolerance over a vocabulary of command words and key tokens: "dokcer" → docker,
 * "rnu" → run, "volumn" → volume, "exoprt" → export.
 *
 * Distance is optimal string alignment (Levenshtein plus adjacent transpositions), since
 * swapped letters are the commonest slip on a phone keyboard. Candidates for distance 1 come
 * from a single-deletion index (SymSpell): a word and a typo of it always share a deletion.
 */

/** Optimal string alignment distance, giving up (returning max + 1) once it must exceed `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Words allowed per edit: none for very short words, where any change is a different word. */
export function maxEdits(length: number): number {
  return length < 3 ? 0 : length < 7 ? 1 : 2;
}

export class TypoIndex {
  readonly #byDeletion = new Map<string, string[]>();
  readonly #words: readonly string[];

  constructor(words: Iterable<string>) {
    this.#words = [...words].filter((w) => w.length >= 3 && w.length <= 24);
    const add = (k: string, w: string) => {
      const list = this.#byDeletion.get(k);
      if (!list) this.#byDeletion.set(k, [w]);
      else if (list[list.length - 1] !== w) list.push(w);
    };
    for (const w of this.#words) {
      add(w, w);
      for (const d of deletions(w)) add(d, w);
    }
  }

  /**
   * Vocabulary words within the allowed distance of `term`, closest first (term itself
   * excluded). `extra` loosens the allowance (for "did you mean", not for ranking).
   */
  corrections(term: string, extra = 0, limit = 6): Array<{ word: string; distance: number }> {
    const base = maxEdits(term.length);
    // Loosened only for words long enough that two slips still leave them recognisable.
    const max = term.length >= 5 ? base + extra : base > 0 ? base : extra > 0 && term.length >= 2 ? 1 : 0;
    if (max === 0) return [];
    const found = new Map<string, number>();
    for (const key of [term, ...deletions(term)]) {
      for (const w of this.#byDeletion.get(key) ?? []) {
        if (w === term || found.has(w)) continue;
        const d = osaDistance(term, w, 1);
        if (d <= 1) found.set(w, d);
      }
    }
    // More edits only for long words, and only when one edit found nothing: a bounded scan.
    if (found.size === 0 && max >= 2) {
      for (const w of this.#words) {
        if (Math.abs(w.length - term.length) > max || (w[0] !== term[0] && w[1] !== term[1])) continue;
        const d = osaDistance(term, w, max);
        if (d <= max && w !== term) found.set(w, d);
      }
    }
    return [...found]
      .map(([word, distance]) => ({ word, distance }))
      .sort((a, b) => a.distance - b.distance || a.word.length - b.word.length || (a.word < b.word ? -1 : 1))
      .slice(0, limit);
  }
}
