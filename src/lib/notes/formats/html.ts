/**
 * HTML written inside a Markdown note, read as the Markdown it stands for (never rendered):
 * a line opening with a block tag (`<p>`, `<li>`, `<h2>`, `<div>` …) would start an HTML block
 * the parser skips whole, so its tags become their Markdown equivalents (`<h2>` → `## `,
 * `<li>` → `- `, others dropped) and `<code>x</code>` anywhere becomes a code span with its
 * entities decoded. `<pre>` blocks are left to the parser, which reads them as code; `<br>`
 * stays (the parser turns it into a line break). A `<placeholder>` that is no markup tag is escaped
 * so it is not swallowed as one. Every line stays where it was.
 */

const BLOCK_START = /^\s{0,3}<\/?(?:p|div|ul|ol|li|h[1-6]|section|article|span|font|center|blockquote|dl|dt|dd)\b[^>]*>/i;
const HEADING_OPEN = /^\s{0,3}<h([1-6])\b[^>]*>/i;
const ITEM_OPEN = /^\s{0,3}<(?:li|dt)\b[^>]*>/i;
const BLOCK_TAGS = /<\/?(?:p|div|ul|ol|li|h[1-6]|section|article|span|font|center|blockquote|dl|dt|dd|strong|b|em|i|u|a|small|mark)\b[^>]*>/gi;
const CODE = /<code\b[^>]*>([\s\S]*?)<\/code>/gi;
const PRE_OPEN = /<pre\b/i;
const PRE_CLOSE = /<\/pre>/i;
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

/** `&lt;` `&gt;` `&amp;` `&quot;` `&#39;` `&nbsp;` and numeric references → their characters. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code === 160 ? 32 : code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** `<code>a &lt;b&gt;</code>` → `` `a <b>` `` (a backtick inside gets a longer fence). */
function codeSpans(line: string): string {
  return line.replace(CODE, (_m, inner: string) => {
    const text = decodeEntities(inner.replace(/<[^>]{0,200}>/g, '')).replace(/\s+/g, ' ').trim();
    if (!text) return '';
    const ticks = text.includes('`') ? '``' : '`';
    return `${ticks}${ticks.length > 1 ? ' ' : ''}${text}${ticks.length > 1 ? ' ' : ''}${ticks}`;
  });
}

/** Tag names notes use as markup; any other `<word>` is a placeholder (`<container>`, `<IMAGE>`). */
const MARKUP_TAGS = new Set(
  'a abbr b big blockquote br center cite code dd del details div dl dt em figcaption figure font h1 h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark ol p pre q s samp script section small span strike strong style sub summary sup table tbody td tfoot th thead tr tt u ul var video audio article aside header footer nav main'.split(' '),
);
const PLACEHOLDER = /<([A-Za-z][\w-]*)>/g;

/**
 * `<container>` in running text would be read as an HTML tag and vanish: escape it (outside code
 * spans, and not in indented code) so it stays as written.
 */
function keepPlaceholders(line: string): string {
  if (/^(?: {4}|\t)/.test(line)) return line;
  const parts = line.split(/(`+[^`]*`+)/);
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i]!.replace(PLACEHOLDER, (m, name: string, at: number, all: string) => (MARKUP_TAGS.has(name.toLowerCase()) || all[at - 1] === '\\' ? m : `\\${m}`));
  }
  return parts.join('');
}

/** One line outside code → Markdown. */
export function htmlLine(line: string): string {
  let out = line.includes('<code') || line.includes('<CODE') ? codeSpans(line) : line;
  out = keepPlaceholders(out);
  if (!BLOCK_START.test(out)) return out;
  const h = HEADING_OPEN.exec(out);
  const item = !h && ITEM_OPEN.test(out);
  out = out.replace(BLOCK_TAGS, '').trim();
  if (!out) return '';
  if (h) return `${'#'.repeat(Number(h[1]))} ${out}`;
  return item ? `- ${out}` : out;
}

/** Rewrite HTML block lines in place (from index `from`), outside fences and `<pre>` blocks. */
export function unwrapHtml(lines: string[], from: number): void {
  let fence: string | null = null;
  let pre = false;
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line.includes('<')) {
      if (!pre && (line.includes('```') || line.includes('~~~'))) fence = toggleFence(line, fence);
      continue;
    }
    if (fence) {
      fence = toggleFence(line, fence);
      continue;
    }
    if (pre) {
      if (PRE_CLOSE.test(line)) pre = false;
      else if (BR_AT_END.test(line)) lines[k] = line.replace(BR_AT_END, ''); // (inside <pre> too)
      continue;
    }
    if (PRE_OPEN.test(line)) {
      pre = !PRE_CLOSE.test(line.slice(line.search(PRE_OPEN)));
      continue;
    }
    // a <br> that ends a line adds nothing to the line break after it (and would count twice)
    lines[k] = htmlLine(BR_AT_END.test(line) ? line.replace(BR_AT_END, '') : line);
  }
}

const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
const BR_AT_END = /(?:<br\s*\/?>\s*)+$/i;

function toggleFence(line: string, fence: string | null): string | null {
  const m = FENCE.exec(line);
  if (!m) return fence;
  if (!fence) return m[2]!.includes('`') && m[1]![0] === '`' ? null : m[1]!;
  return m[1]![0] === fence[0] && m[1]!.length >= fence.length && !m[2]!.trim() ? null : fence;
}
