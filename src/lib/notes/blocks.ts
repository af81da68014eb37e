/**
 * Markdown → a flat list of blocks (headings, paragraphs, code, tables) with their nesting
 * recorded as data, so the extractors can look back and ahead without walking a tree. The parser
 * is micromark via mdast-util-from-markdown with GFM (tables) and front matter; only the pieces
 * used are imported so a browser bundle carries nothing else.
 */
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { LIMITS } from './limits.ts';
import type { Chunk, Warn } from './prepare.ts';

export type SpanKind = 'text' | 'code' | 'strong' | 'link' | 'image';

export interface Span {
  kind: SpanKind;
  value: string;
}

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

let syntax: Options | null = null;
let syntaxFm: Options | null = null;

function options(withFrontMatter: boolean): Options {
  if (!syntax) {
    syntax = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
    syntaxFm = {
      extensions: [gfm(), frontmatter(['yaml'])],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
    };
  }
  return withFrontMatter ? syntaxFm! : syntax;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Inline content → text. Code spans keep their backticks so a reader (and we) can see them. */
function inline(nodes: readonly PhrasingContent[], depth: number): string {
  if (depth > LIMITS.maxTreeDepth) return '';
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out += n.value;
        break;
      case 'inlineCode':
        out += `\`${n.value}\``;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        if (/^<br\s*\/?>$/i.test(n.value)) out += '\n';
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in n) out += inline(n.children as PhrasingContent[], depth + 1);
    }
  }
  return out;
}

function spansOf(nodes: readonly PhrasingContent[]): Span[] {
  const out: Span[] = [];
  for (const n of nodes.slice(0, 200)) {
    if (n.type === 'inlineCode') out.push({ kind: 'code', value: n.value });
    else if (n.type === 'strong') out.push({ kind: 'strong', value: inline(n.children, 1) });
    else if (n.type === 'link' || n.type === 'linkReference') out.push({ kind: 'link', value: inline(n.children, 1) });
    else if (n.type === 'image' || n.type === 'imageReference') out.push({ kind: 'image', value: '' });
    else out.push({ kind: 'text', value: inline([n], 1) });
  }
  return out;
}

interface Ctx {
  offset: number;
  quote: number;
  items: number[];
  list?: ListInfo;
}

class Flattener {
  blocks: Block[] = [];
  warnings: Warn[] = [];
  frontMatter?: { yaml: string; line: number };
  #ids = 0;
  #deep = false;

  add(b: Omit<Block, 'items' | 'quote' | 'depth' | 'spans' | 'text'> & Partial<Block>, ctx: Ctx) {
    this.blocks.push({ depth: 0, text: '', spans: [], ...b, items: ctx.items, quote: ctx.quote, ...(ctx.list ? { list: ctx.list } : {}) });
  }

  walk(node: Root | RootContent, ctx: Ctx, depth: number): void {
    if (depth > LIMITS.maxTreeDepth) {
      if (!this.#deep) {
        this.#deep = true;
        this.warnings.push({ line: (node.position?.start.line ?? 1) + ctx.offset, message: 'content nested too deeply: skipped' });
      }
      return;
    }
    const line = (node.position?.start.line ?? 1) + ctx.offset;
    const endLine = (node.position?.end.line ?? 1) + ctx.offset;
    switch (node.type) {
      case 'root':
      case 'footnoteDefinition':
        for (const c of node.children) this.walk(c, ctx, depth + 1);
        return;
      case 'blockquote':
        for (const c of node.children) this.walk(c, { ...ctx, quote: ctx.quote + 1, list: undefined }, depth + 1);
        return;
      case 'list': {
        const list = ++this.#ids;
        node.children.forEach((item, index) => {
          const id = ++this.#ids;
          const inner: Ctx = { ...ctx, items: [...ctx.items, id] };
          item.children.forEach((c, k) => {
            const info: ListInfo = { list, ordered: !!node.ordered, index, size: node.children.length, item: id, first: k === 0 };
            this.walk(c, { ...inner, list: info }, depth + 2);
          });
        });
        return;
      }
      case 'heading':
        this.add({ type: 'heading', line, endLine, depth: node.depth, text: inline(node.children, 0), spans: spansOf(node.children) }, { ...ctx, list: undefined });
        return;
      case 'paragraph':
        this.add({ type: 'para', line, endLine, text: inline(node.children, 0), spans: spansOf(node.children) }, ctx);
        return;
      case 'code':
        this.add({ type: 'code', line, endLine, lang: [node.lang, node.meta].filter(Boolean).join(' '), value: node.value }, ctx);
        return;
      case 'table':
        this.add(
          {
            type: 'table',
            line,
            endLine,
            rows: node.children.slice(0, 2000).map((r) => r.children.map((c) => inline(c.children, 0).trim())),
          },
          ctx,
        );
        return;
      case 'html':
        if (/<(?:pre|code)\b/i.test(node.value)) {
          const value = decodeEntities(node.value.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]{0,200}>/g, ''));
          this.add({ type: 'code', line, endLine, lang: '', value: value.replace(/^\n+|\n+$/g, '') }, ctx);
        }
        return;
      case 'thematicBreak':
        this.add({ type: 'break', line, endLine }, ctx);
        return;
      case 'yaml':
        if (!this.frontMatter) this.frontMatter = { yaml: node.value, line };
        return;
      default:
        return;
    }
  }
}

/** Parse each prepared chunk and flatten the trees into one block list with note-relative lines. */
export function parseBlocks(chunks: readonly Chunk[]): Parsed {
  const f = new Flattener();
  chunks.forEach((chunk, i) => {
    const tree = fromMarkdown(chunk.text, options(i === 0)) as Nodes;
    if (tree.type === 'root') f.walk(tree, { offset: chunk.offset, quote: 0, items: [] }, 0);
  });
  return { blocks: f.blocks, warnings: f.warnings, ...(f.frontMatter ? { frontMatter: f.frontMatter } : {}) };
}
