/**
 * Stage 1: Markdown → one uniform, flat list of blocks (headings, paragraphs, code, tables) with their nesting
 * recorded as data, so the extractors can look back and ahead without walking a tree. The parser
 * is markdown-it (CommonMark + GFM tables and strikethrough): its flat token stream is several
 * times faster and far lighter on memory than building an mdast tree, and a flat list is what we
 * want anyway. Front matter is handled here, inline content in block-inline.ts.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { decodeEntities, hasInlineMarkup, inline, inlineTree, plainNodes, spansOf, splitRow, type INode, type Span } from './block-inline.ts';
import { LIMITS } from './limits.ts';
import type { Chunk, Warn } from './prepare.ts';

export type { Span, SpanKind } from './block-inline.ts';

export interface ListInfo {
  list: number;
  ordered: boolean;
  /** Index of the item within its list, and how many items the list has. */
  index: number;
  size: number;
  item: number;
  /** The item's first paragraph (what its bullet says). */
  first: boolean;
}

export interface Block {
  type: 'heading' | 'para' | 'code' | 'table' | 'html' | 'break';
  /** 1-based line in the note. */
  line: number;
  endLine: number;
  /** Heading depth (1–6); 0 otherwise. */
  depth: number;
  /** Inline text with `code` spans kept in backticks; line breaks kept. */
  text: string;
  /** Top-level inline pieces of a heading or paragraph. */
  spans: Span[];
  lang?: string;
  value?: string;
  /** 1-based line of the code's first line: after the opening fence, or the block's own line when indented. */
  valueLine?: number;
  rows?: string[][];
  list?: ListInfo;
  /** Ids of the list items this block sits in, outermost first. */
  items: number[];
  /** Blockquote depth. */
  quote: number;
}

export interface Parsed {
  blocks: Block[];
  frontMatter?: { yaml: string; line: number };
  warnings: Warn[];
}

/** One parser for every note: html on (we read html blocks for `<pre>` code), nothing rendered. */
let parser: MarkdownIt | null = null;
function md(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
    // we never render and keep only a link's text, never its URL: every link stays a link (as with mdast), whatever its scheme
    parser.validateLink = () => true;
    // …and never look at the URL, so there is nothing to normalise (punycode, percent-encoding)
    parser.normalizeLink = (url) => url;
    // line endings are already \n (prepare.ts) and a note with NUL bytes is refused: nothing to normalise
    parser.core.ruler.disable('normalize');
    // most paragraphs hold no inline markup at all: leave those to plainNodes (block-inline.ts)
    parser.core.ruler.at('inline', (state) => {
      for (const tok of state.tokens) {
        if (tok.type !== 'inline') continue;
        if (hasInlineMarkup(tok.content)) state.md.inline.parse(tok.content, state.md, state.env, tok.children ?? (tok.children = []));
        else tok.meta = PLAIN;
      }
    });
  }
  return parser;
}

interface Ctx {
  offset: number;
  quote: number;
  items: number[];
  list?: ListInfo;
}

/** An open container while walking the token stream; `ctx` is what its children see. */
interface Frame {
  close: string;
  level: number;
  saved: Ctx;
  depth: number;
  list?: { id: number; ordered: boolean; size: number; index: number };
  item?: { id: number; children: number; list: { id: number; ordered: boolean; size: number; index: number } };
}

const TASK = /^\[[ xX]\][ \t]+/;
const FRONT_FENCE = /^---[ \t]*$/;

class Flattener {
  blocks: Block[] = [];
  warnings: Warn[] = [];
  frontMatter?: { yaml: string; line: number };
  #ids = 0;
  #deep = false;

  add(b: Omit<Block, 'items' | 'quote' | 'depth' | 'spans' | 'text'> & Partial<Block>, ctx: Ctx) {
    // every caller passes a fresh literal: complete it in place (spreading cost ~50 ms on a 5 MB note)
    const block = b as Block;
    block.depth ??= 0;
    block.text ??= '';
    block.spans ??= [];
    block.items = ctx.items;
    block.quote = ctx.quote;
    if (ctx.list) block.list = ctx.list;
    this.blocks.push(block);
  }

  /** A leading `---` … `---` YAML block (the first chunk only); its lines are blanked so numbering holds. */
  frontMatterOf(text: string, offset: number): string {
    if (!text.startsWith('---')) return text;
    const lines = text.split('\n', 400);
    if (!FRONT_FENCE.test(lines[0]!)) return text;
    const close = lines.findIndex((l, k) => k > 0 && FRONT_FENCE.test(l));
    if (close < 0) return text;
    this.frontMatter = { yaml: lines.slice(1, close).join('\n'), line: 1 + offset };
    let at = -1;
    for (let k = 0; k <= close; k++) at = text.indexOf('\n', at + 1);
    return at < 0 ? '' : '\n'.repeat(close + 1) + text.slice(at + 1);
  }

  walk(src: string, tokens: readonly Token[], offset: number): void {
    let ctx: Ctx = { offset, quote: 0, items: [] };
    let depth = 1;
    const frames: Frame[] = [];
    let srcLines: string[] | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      if (tok.nesting === -1) {
        const top = frames[frames.length - 1];
        if (top && top.close === tok.type && top.level === tok.level) {
          frames.pop();
          ctx = top.saved;
          depth = top.depth;
        }
        continue;
      }
      // a direct child of a list item carries the item's list info (`first` for the item's first child)
      const parent = frames[frames.length - 1];
      if (parent?.item && tok.level === parent.level + 1) {
        const it = parent.item;
        ctx = { ...ctx, list: { list: it.list.id, ordered: it.list.ordered, index: it.list.index, size: it.list.size, item: it.id, first: it.children++ === 0 } };
      }
      if (depth > LIMITS.maxTreeDepth) {
        if (!this.#deep) {
          this.#deep = true;
          this.warnings.push({ line: (tok.map?.[0] ?? 0) + 1 + offset, message: 'content nested too deeply: skipped' });
        }
        if (tok.nesting === 1) i = skipTo(tokens, i);
        continue;
      }
      const line = (tok.map?.[0] ?? 0) + 1 + offset;
      const endLine = (tok.map?.[1] ?? 1) + offset;
      switch (tok.type) {
        case 'blockquote_open':
          frames.push({ close: 'blockquote_close', level: tok.level, saved: ctx, depth });
          ctx = { ...ctx, quote: ctx.quote + 1, list: undefined };
          depth += 1;
          break;
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const list = { id: ++this.#ids, ordered: tok.type === 'ordered_list_open', size: countItems(tokens, i), index: -1 };
          frames.push({ close: tok.type.replace('_open', '_close'), level: tok.level, saved: ctx, depth, list });
          break;
        }
        case 'list_item_open': {
          const list = parent?.list;
          if (!list) break;
          list.index++;
          const id = ++this.#ids;
          frames.push({ close: 'list_item_close', level: tok.level, saved: ctx, depth, item: { id, children: 0, list } });
          ctx = { ...ctx, items: [...ctx.items, id] };
          depth += 2;
          break;
        }
        case 'heading_open': {
          const nodes = inlineNodes(tokens[i + 1], false);
          this.add({ type: 'heading', line, endLine, depth: Number(tok.tag.slice(1)) || 1, text: inline(nodes, 0), spans: spansOf(nodes) }, { offset: ctx.offset, quote: ctx.quote, items: ctx.items });
          i = skipTo(tokens, i);
          break;
        }
        case 'paragraph_open': {
          const nodes = inlineNodes(tokens[i + 1], false);
          // a GFM task item's `[ ]` / `[x]` is a checkbox, not text
          const head = nodes[0];
          if (ctx.list?.first && parent?.item && head?.t === 'text' && TASK.test(head.v)) head.v = head.v.replace(TASK, '');
          this.add({ type: 'para', line, endLine, text: inline(nodes, 0), spans: spansOf(nodes) }, ctx);
          i = skipTo(tokens, i);
          break;
        }
        case 'fence': {
          const info = md().utils.unescapeAll(tok.info).trim();
          const sp = info.search(/\s/);
          const lang = sp < 0 ? info : `${info.slice(0, sp)} ${info.slice(sp).trim()}`;
          this.add({ type: 'code', line, endLine, lang, value: tok.content.replace(/\n$/, ''), valueLine: line + 1 }, ctx);
          break;
        }
        case 'code_block':
          this.add({ type: 'code', line, endLine, lang: '', value: tok.content.replace(/\n$/, ''), valueLine: line }, ctx);
          break;
        case 'table_open': {
          // markdown-it pads short rows and drops extra cells; GFM (and so our blocks) keep a row as written
          const rows: string[][] = [];
          const written: (string[] | null)[] = [];
          let row: string[] | null = null;
          let width = Infinity;
          let j = i + 1;
          for (; j < tokens.length && tokens[j]!.type !== 'table_close'; j++) {
            const t = tokens[j]!;
            if (t.type === 'tr_open') {
              srcLines ??= src.split('\n');
              const raw = t.map ? srcLines[t.map[0]] : undefined;
              const cells = raw === undefined ? null : splitRow(raw.replace(/^(?:[ \t]*>)*[ \t]*/, '').trim());
              width = cells ? cells.length : Infinity;
              row = rows.length < 2000 ? [] : null;
              if (row) {
                rows.push(row);
                written.push(cells);
              }
            } else if (t.type === 'inline' && row && row.length < width) {
              row.push(inline(inlineNodes(t, true), 0).trim());
            }
          }
          rows.forEach((r, k) => {
            const cells = written[k];
            for (let c = r.length; cells && c < cells.length; c++) r.push(inline(inlineNodes(md().parseInline(cells[c]!.trim(), {})[0], true), 0).trim());
          });
          this.add({ type: 'table', line, endLine, rows }, ctx);
          i = j;
          break;
        }
        case 'html_block':
          if (/<(?:pre|code)\b/i.test(tok.content)) {
            const value = decodeEntities(tok.content.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]{0,200}>/g, ''));
            const skipped = /^\n*/.exec(value)![0].length;
            this.add({ type: 'code', line, endLine, lang: '', value: value.replace(/^\n+|\n+$/g, ''), valueLine: line + skipped }, ctx);
          }
          break;
        case 'hr':
          this.add({ type: 'break', line, endLine }, ctx);
          break;
        default:
          if (tok.nesting === 1) i = skipTo(tokens, i);
      }
    }
  }
}

/** Marks an inline token whose content has no inline markup: markdown-it skipped it. */
const PLAIN = { plain: true };

/** An inline token's content as nodes: built straight from the text when markdown-it had nothing to parse. */
function inlineNodes(tok: Token | undefined, inTable: boolean): INode[] {
  if (tok?.meta === PLAIN) return plainNodes(tok.content);
  return inlineTree(tok?.children ?? null, inTable);
}

/** Index of the token closing the one opened at `i`. */
function skipTo(tokens: readonly Token[], i: number): number {
  const level = tokens[i]!.level;
  let j = i + 1;
  while (j < tokens.length && !(tokens[j]!.nesting === -1 && tokens[j]!.level === level)) j++;
  return j;
}

/** How many items the list opened at `i` has. */
function countItems(tokens: readonly Token[], i: number): number {
  const level = tokens[i]!.level;
  let n = 0;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.level === level + 1 && t.type === 'list_item_open') n++;
    else if (t.level === level && t.nesting === -1) break;
  }
  return n;
}

/** Parse each prepared chunk and flatten the token streams into one block list with note-relative lines. */
export function parseBlocks(chunks: readonly Chunk[]): Parsed {
  const f = new Flattener();
  chunks.forEach((chunk, i) => {
    const text = i === 0 ? f.frontMatterOf(chunk.text, chunk.offset) : chunk.text;
    f.walk(text, md().parse(text, {}), chunk.offset);
  });
  return { blocks: f.blocks, warnings: f.warnings, ...(f.frontMatter ? { frontMatter: f.frontMatter } : {}) };
}
