/**
 * A line of nothing but bold text, alone between blank lines with prose under it, is how many
 * editors (GitBook, Yuque, Typora users) write a sub-heading: `**FROM**` then what FROM does.
 * It becomes a heading one level below the last one, so the prose under it explains it.
 * Not when it reads as a label or a sentence (`**Note:**`, `**说明：…。**`) or introduces code or a
 * list (`**Example**` over a block: the block's own words say what it does).
 */

const BOLD_LINE = /^(?:\*\*|__)([^*_`\n]{1,40}?)(?:\*\*|__)\s*$/;
const NOT_PROSE = /^(?:\s{4}|\s*(?:```|~~~|[-*+>|#]\s|\d+[.)]\s|<|!\[|\*\*|`))/;

export function boldHeading(lines: readonly string[], k: number, depth: number): string | null {
  const line = lines[k]!;
  const c = line.charCodeAt(0);
  if (c !== 42 /* * */ && c !== 95 /* _ */) return null;
  const m = BOLD_LINE.exec(line);
  if (!m) return null;
  const text = m[1]!.trim();
  if (!text || /[:：。，,;；!！?？]$/.test(text) || /[。，；]/.test(text)) return null;
  if (k > 0 && lines[k - 1]!.trim()) return null;
  if (lines[k + 1]?.trim()) return null;
  let j = k + 2;
  while (j < lines.length && !lines[j]!.trim()) j++;
  const next = lines[j];
  if (next === undefined || NOT_PROSE.test(next)) return null;
  return `${'#'.repeat(Math.min(6, depth + 1))} ${text}`;
}
