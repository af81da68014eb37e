/**
 * A heading (or a bold line standing as one) that just names two things side by side —
 * "COPY 和 ADD", "ENTRYPOINT & CMD", "docker start / docker run" — announces a comparison when
 * both sides are things a note compares: Dockerfile instructions, commands, flags. ("Volumes and
 * networks" is a topic, not a comparison: its sides are words.)
 */
import type { CompareDef } from '../patterns.ts';

const SIDE = String.raw`\`?(?:[A-Z][A-Z_]{1,15}|(?:docker(?:-compose)?|podman)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|-{1,2}[A-Za-z][\w-]*|[:][A-Za-z])\`?`;
const PAIR = new RegExp(String.raw`^\s*(${SIDE})\s*(?:和|与|與|跟|及|&|and|/|、|vs\.?|VS\.?|Vs\.?)\s*(${SIDE})\s*(?:的?(?:区别|區別|差别|差異|差异|不同|比较|比較|对比|對比|异同|異同))?\s*[?？:：]?\s*$`);

export function comparePair(text: string): CompareDef | null {
  const t = text.replace(/\*\*/g, '').trim();
  const m = PAIR.exec(t);
  if (!m) return null;
  const items = [m[1]!, m[2]!].map((x) => x.replace(/`/g, '').trim());
  if (items[0] === items[1]) return null;
  return { items, phrase: t, rest: '' };
}
