/**
 * A compare card names each thing it compares once. A typo such as `## docker ps vs docker ps`
 * or a table header `| | docker ps | docker ps |` would otherwise give a card whose items repeat
 * (and whose UI lists are keyed by item): repeats are merged, and a comparison of a thing with
 * itself is refused. Items are matched exactly (case kept: `-p` and `-P` are two flags).
 */
import type { Entry } from './entry.ts';
import { LIMITS } from './limits.ts';
import { clip, joinBody } from './text.ts';
import type { Warn } from './prepare.ts';

/** The entry with its items made distinct, or null when fewer than two distinct items remain. */
export function settleCompareItems(e: Entry, warnings: Warn[]): Entry | null {
  const items = e.items;
  if (e.kind !== 'compare' || !items) return e;
  const distinct: string[] = [];
  const slot = items.map((it) => {
    const t = it.trim();
    let at = distinct.indexOf(t);
    if (at < 0) at = distinct.push(t) - 1;
    return at;
  });
  if (distinct.length === items.length) return e;
  if (distinct.length < 2) {
    warnings.push({ line: e.line, message: `comparison "${items.join(' vs ')}" compares "${distinct[0] ?? ''}" with itself: skipped` });
    return null;
  }
  warnings.push({ line: e.line, message: `comparison "${items.join(' vs ')}" names the same item twice: repeats merged` });
  const merged: Entry = { ...e, items: distinct, key: distinct.join(' | ') };
  if (e.sides) {
    merged.sides = {};
    for (const [lang, list] of Object.entries(e.sides)) {
      const out = distinct.map(() => '');
      list.forEach((s, i) => {
        const k = slot[i];
        if (k !== undefined) out[k] = clip(joinBody(out[k]!, s).replace(/\n+/g, ' '), LIMITS.maxSide);
      });
      merged.sides[lang] = out;
    }
  }
  return merged;
}
