/**
 * Stage 1, inline: markdown-it's inline tokens → the text and the top-level spans of a heading,
 * paragraph or table cell (code spans keep their backticks; GFM autolink literals become links),
 * and the small text fixes the block walk needs (HTML entities, GFM table rows).
 */
import type { Token } from 'markdown-it';
import { LIMITS } from './limits.ts';

export type SpanKind = 'text' | 'code' | 'strong' | 'link' | 'image';

export interface Span {
  kind: SpanKind;
  value: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}


/** Inline content rebuilt as a small tree (markdown-it gives open/close tokens); adjacent text merged as mdast does. */
export type INode =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'html'; v: string }
  | { t: 'break' }
  | { t: 'image' }
  | { t: 'strong' | 'link' | 'group'; c: INode[] };

export function inlineTree(tokens: readonly Token[] | null, inTable: boolean): INode[] {
  const root: INode[] = [];
  const stack: INode[][] = [root];
  let cur = root;
  const text = (v: string) => {
    if (!v) return; // markdown-it leaves empty text tokens beside emphasis delimiters
    const last = cur[cur.length - 1];
    if (last && last.t === 'text') last.v += v;
    else cur.push({ t: 'text', v });
  };
  for (const tok of tokens ?? []) {
    switch (tok.type) {
      case 'text':
      case 'text_special':
        text(tok.content);
        break;
      case 'softbreak':
        text('\n');
        break;
      case 'hardbreak':
        cur.push({ t: 'break' });
        break;
      case 'code_inline':
        // GFM: a `\|` inside a table cell's code span is a plain pipe
        cur.push({ t: 'code', v: inTable ? tok.content.replace(/\\\|/g, '|') : tok.content });
        break;
      case 'html_inline':
        cur.push({ t: 'html', v: tok.content });
        break;
      case 'image':
        cur.push({ t: 'image' });
        break;
      default:
        if (tok.nesting === 1) {
          const node: INode = { t: tok.type === 'strong_open' ? 'strong' : tok.type === 'link_open' ? 'link' : 'group', c: [] };
          cur.push(node);
          stack.push((cur = node.c));
        } else if (tok.nesting === -1 && stack.length > 1) {
          stack.pop();
          cur = stack[stack.length - 1]!;
        }
    }
  }
  return root;
}

/** Characters that can start inline markup (escapes, code, emphasis, strikethrough, links, images, HTML, autolinks, entities). */
const INLINE_MARKUP = /[\\`*_~[<&]/;

export function hasInlineMarkup(content: string): boolean {
  return INLINE_MARKUP.test(content);
}

/**
 * What markdown-it's inline parser makes of text without markup, as inlineTree would shape it:
 * line breaks are soft (one trailing space dropped) or hard (two or more trailing spaces, all
 * dropped), and the blanks that start a continuation line are skipped.
 */
export function plainNodes(content: string): INode[] {
  if (!content.includes('\n')) return content ? [{ t: 'text', v: content }] : [];
  const out: INode[] = [];
  let text = '';
  const lines = content.split('\n');
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k]!;
    if (k > 0) {
      let s = 0;
      while (s < line.length && (line.charCodeAt(s) === 32 || line.charCodeAt(s) === 9)) s++;
      if (s) line = line.slice(s);
    }
    if (k === lines.length - 1) {
      text += line;
      break;
    }
    let e = line.length;
    while (e > 0 && line.charCodeAt(e - 1) === 32) e--;
    if (line.length - e >= 2) {
      text += line.slice(0, e);
      if (text) out.push({ t: 'text', v: text });
      out.push({ t: 'break' });
      text = '';
    } else {
      text += `${line.slice(0, e)}\n`;
    }
  }
  if (text) out.push({ t: 'text', v: text });
  return out;
}

const BR = /^<br\s*\/?>$/i;

/** Inline content → text. Code spans keep their backticks so a reader (and we) can see them. */
export function inline(nodes: readonly INode[], depth: number): string {
  if (depth > LIMITS.maxTreeDepth) return '';
  let out = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        out += n.v;
        break;
      case 'code':
        out += `\`${n.v}\``;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        if (BR.test(n.v)) out += '\n';
        break;
      case 'image':
        break;
      default:
        out += inline(n.c, depth + 1);
    }
  }
  return out;
}

/**
 * GFM autolink literals (`https://…`, `www.…`, `me@host.org`) in top-level text become link
 * spans, as micromark's GFM extension made them; the text itself is left exactly as written.
 */
const AUTOLINK = /(?<![A-Za-z])https?:\/\/[^\s<]*[^\s<?!.,:*_~]|(?<=^|[\s*_~(])www\.[^\s<]*[^\s<?!.,:*_~]|(?<![\w.+/-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[\w-]*[A-Za-z\d]/g;

function pushText(out: Span[], value: string): void {
  if (!value.includes('://') && !value.includes('www.') && !value.includes('@')) {
    out.push({ kind: 'text', value });
    return;
  }
  let last = 0;
  for (const m of value.matchAll(AUTOLINK)) {
    let url = m[0];
    // a closing parenthesis ends the link unless the link opened one
    while (url.endsWith(')') && (url.match(/\)/g)?.length ?? 0) > (url.match(/\(/g)?.length ?? 0)) url = url.slice(0, -1).replace(/[?!.,:*_~]+$/, '');
    if (url.startsWith('www.') ? !/^www\.[\w-]+\.[\w-]/.test(url) : url.includes('://') ? !/^https?:\/\/[\w-]+/.test(url) : false) continue;
    const at = m.index;
    if (at > last) out.push({ kind: 'text', value: value.slice(last, at) });
    out.push({ kind: 'link', value: url });
    last = at + url.length;
  }
  if (last < value.length || last === 0) out.push({ kind: 'text', value: value.slice(last) });
}

export function spansOf(nodes: readonly INode[]): Span[] {
  const out: Span[] = [];
  const n = Math.min(nodes.length, 200);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    if (node.t === 'text') pushText(out, node.v);
    else if (node.t === 'code') out.push({ kind: 'code', value: node.v });
    else if (node.t === 'strong') out.push({ kind: 'strong', value: inline(node.c, 1) });
    else if (node.t === 'link') out.push({ kind: 'link', value: inline(node.c, 1) });
    else if (node.t === 'image') out.push({ kind: 'image', value: '' });
    else out.push({ kind: 'text', value: inline([node], 1) });
  }
  return out;
}

/** `| a | b \| c |` → its cells, as GFM splits a table row (escaped pipes stay in the cell). */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let lastPos = 0;
  let escaped = false;
  for (let pos = 0; pos < line.length; pos++) {
    const ch = line.charCodeAt(pos);
    if (ch === 0x7c && !escaped) {
      cells.push(current + line.slice(lastPos, pos));
      current = '';
      lastPos = pos + 1;
    }
    escaped = ch === 0x5c ? !escaped : false;
  }
  cells.push(current + line.slice(lastPos));
  if (cells.length && !cells[0]!.trim()) cells.shift();
  if (cells.length && !cells[cells.length - 1]!.trim()) cells.pop();
  return cells;
}
