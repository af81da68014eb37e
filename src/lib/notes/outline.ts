/**
 * Blocks → sections under their headings, with the tags every card in a section carries:
 * the topic (the note's top-level section) first, then the sub-headings down to the section.
 * A lone top heading that just titles the note is the note's title, not everyone's topic.
 */
import type { Block } from './blocks.ts';
import { countCommandStarts } from './shell.ts';
import { typeable } from './text.ts';

export interface Section {
  heading?: Block;
  /** Heading text without Markdown, '' for the part before the first heading. */
  title: string;
  depth: number;
  tags: string[];
  blocks: Block[];
  /** Every heading above and including this one, outermost first. */
  path: string[];
  /** The lone top heading that names the whole note. */
  isTitle?: boolean;
}

/** Headings longer than this (or naming several commands) are a flattened page, not a heading: read them as a paragraph. */
const MAX_HEADING = 150;

export function headingText(b: Block): string {
  return typeable(b.text.replace(/`/g, '')).replace(/\s+/g, ' ').replace(/\s*[:：]\s*$/, '').trim();
}

export function outline(blocks: readonly Block[], house: boolean): { sections: Section[]; title?: string } {
  const flattened = (b: Block) => b.text.length > MAX_HEADING || (b.text.length >= 60 && countCommandStarts(b.text.slice(0, 2000)) >= 3);
  const list = blocks.map((b) => (b.type === 'heading' && flattened(b) ? { ...b, type: 'para' as const, depth: 0 } : b));
  const texts = list.map((b) => (b.type === 'heading' ? headingText(b) : ''));
  const heads = list.filter((_, k) => texts[k]);
  const min = heads.reduce((m, h) => Math.min(m, h.depth), 7);
  const atMin = heads.filter((h) => h.depth === min);
  let topicDepth = min;
  let title: string | undefined;
  if (!house && atMin.length === 1 && heads[0] === atMin[0] && heads.length > 1) {
    title = headingText(atMin[0]!);
    topicDepth = heads.reduce((m, h) => (h.depth > min ? Math.min(m, h.depth) : m), 7);
  }
  if (house) topicDepth = 1;

  const sections: Section[] = [{ title: '', depth: 0, tags: [], path: [], blocks: [] }];
  const path: { depth: number; text: string }[] = [];
  for (const [k, b] of list.entries()) {
    const text = texts[k]!;
    if (b.type !== 'heading' || !text) {
      sections[sections.length - 1]!.blocks.push(b);
      continue;
    }
    while (path.length && path[path.length - 1]!.depth >= b.depth) path.pop();
    path.push({ depth: b.depth, text });
    const topicIdx = path.findIndex((p) => p.depth >= topicDepth);
    const tags = topicIdx >= 0 ? path.slice(topicIdx).map((p) => p.text) : path.map((p) => p.text).slice(-1);
    sections.push({ heading: b, title: text, depth: b.depth, tags, path: path.map((p) => p.text), blocks: [], ...(title !== undefined && b.depth === min ? { isTitle: true } : {}) });
  }
  return { sections: sections.filter((s) => s.heading || s.blocks.length), ...(title ? { title } : {}) };
}
