/** Paragraph-level helpers for free-form notes: junk paragraphs, line-split spans, flattened pages. */
import type { Block, Span } from './blocks.ts';
import { readCommand, splitGlued } from './shell.ts';
import { typeable } from './text.ts';

export const URL_ONLY = /^\s*(?:<?https?:\/\/\S+>?|`https?:\/\/\S+`)\s*$/;
export const NOTE_MARK = /^(?:ps|PS|Note|NOTE|note|注意|注|提示|Tip|tip|TIP)\s*[:：]/;

/** A paragraph's inline pieces cut at its line breaks. */
export function spanLines(spans: readonly Span[]): Span[][] {
  const lines: Span[][] = [[]];
  for (const s of spans) {
    if (s.kind !== 'text' || !s.value.includes('\n')) {
      lines[lines.length - 1]!.push(s);
      continue;
    }
    s.value.split('\n').forEach((part, k) => {
      if (k > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ kind: 'text', value: part });
    });
  }
  return lines.filter((l) => l.length);
}

/** Paragraphs that carry nothing to learn: images, link lists, bare URLs, page furniture. */
export function isJunk(b: Block): boolean {
  const meaningful = b.spans.filter((s) => s.value.trim() || s.kind === 'image');
  if (!meaningful.length) return true;
  if (meaningful.every((s) => s.kind === 'image' || s.kind === 'link' || (s.kind === 'text' && /^[\s|,，、·•/-]*$/.test(s.value)))) return true;
  const t = b.text.trim();
  if (URL_ONLY.test(t) || /^!?\[[^\]]*\]\([^)]*\)$/.test(t)) return true;
  // a code span on its own that is not a command: a file name, a log line, an error message
  if (meaningful.every((s) => s.kind === 'code' || !s.value.trim()) && !meaningful.some((s) => s.kind === 'code' && readCommand(s.value, 'code'))) return true;
  if (/^[-=*_~\s]{3,}$/.test(t)) return true;
  return visibleAtMost(t, 4) && !/[\u4e00-\u9fff]{2}/.test(t);
}

/** Whether `t` has at most `max` characters besides backticks, stars and underscores (without building the stripped string). */
function visibleAtMost(t: string, max: number): boolean {
  if (t.length <= max) return true;
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 96 && c !== 42 && c !== 95 && ++n > max) return false;
  }
  return true;
}

/** Pieces of a page that was flattened onto one line: prose runs and command runs, in order. */
export function flattenedPieces(text: string): { cmd?: string; prose?: string }[] {
  // (each clean-up only where its character occurs: these run over whole flattened pages)
  let t = typeable(text);
  if (t.includes('```')) t = t.replace(/```+\s*(?:bash|sh|shell|console|zsh)?/g, ' ');
  if (t.includes('#')) t = t.replace(/(^|\s)#{1,6}\s+/g, '$1 ');
  if (t.includes('|')) t = t.replace(/(^|\s)\d{1,4}\s*\|\s/g, '$1 ').replace(/\s\|\s*(?=\s\d{1,4}\s*\||$)/g, ' ');
  if (t.includes('`')) t = t.replace(/`/g, ' ');
  const runs = t.split(/([\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+[^A-Za-z0-9$./~<-]*)/);
  const out: { cmd?: string; prose?: string }[] = [];
  for (const run of runs) {
    if (!run.trim()) continue;
    for (const piece of splitGlued(run.trim(), 'prose')) {
      const p = piece.replace(/\s+\d{1,3}[.、)]?\s*$/, '').trim();
      const read = readCommand(p, 'code');
      if (read) out.push({ cmd: read.command });
      else out.push({ prose: piece.replace(/^\d{1,3}[.、)]\s*/, '').trim() });
    }
  }
  return out;
}
