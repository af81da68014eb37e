import type { CardInfo } from './card-info.ts';
import { Cls } from './fields.ts';
import type { FieldMatch } from './index.ts';
import { isBoundary, occurrences } from './text.ts';

/** What to mark: folded words (whole or typed prefix), flags as typed, CJK runs and n-grams. */
export interface MarkSet {
  words: string[];
  prefixes: string[];
  flags: string[];
  cjk: string[];
}

const FLAG_CHAR = /[A-Za-z0-9-]/;

/** Ranges of every field of a card where the query matched, for highlighting. */
export function highlight(info: CardInfo, marks: MarkSet): FieldMatch[] {
  const out: FieldMatch[] = [];
  // "--publish-all" asked for the card about -P: mark the flag itself.
  const viaAlias = info.fields.some((f) => f.cls === Cls.Flag && !f.field && marks.flags.includes(f.text));
  info.fields.forEach((f, i) => {
    if (!f.field) return;
    const folded = info.folded[i]!;
    const ranges: Array<[number, number]> = [];
    if (f.field === 'flag' && viaAlias) ranges.push([0, f.text.length]);
    for (const w of marks.words) {
      for (const at of occurrences(folded, w)) {
        if (isBoundary(folded, at - 1) && isBoundary(folded, at + w.length)) ranges.push([at, at + w.length]);
      }
    }
    for (const p of marks.prefixes) {
      for (const at of occurrences(folded, p)) if (isBoundary(folded, at - 1)) ranges.push([at, at + p.length]);
    }
    for (const fl of marks.flags) {
      for (const at of occurrences(f.text, fl)) {
        const before = f.text[at - 1];
        const after = f.text[at + fl.length];
        if ((before === undefined || !FLAG_CHAR.test(before)) && (after === undefined || !FLAG_CHAR.test(after))) {
          ranges.push([at, at + fl.length]);
        }
      }
    }
    for (const c of marks.cjk) for (const at of occurrences(f.text, c)) ranges.push([at, at + c.length]);
    if (ranges.length === 0) return;
    const m: FieldMatch = { field: f.field, ranges: merge(ranges) };
    if (f.lang !== undefined) m.lang = f.lang;
    if (f.index !== undefined) m.index = f.index;
    out.push(m);
  });
  return out;
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
