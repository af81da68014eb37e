/**
 * Blocks that wrap ordinary note content, unwrapped so what is inside is read like anywhere else
 * (every line stays where it was; a marker line becomes blank, never a card or a heading title):
 * - MkDocs admonitions `!!! note "Title"`, `??? info`, `???+ tip` — content indented 4 spaces;
 * - content tabs `=== "FROM"` — content indented 4 spaces; the label becomes a heading one level
 *   below the last one when it names a thing (a keyword, an option, a command), since the tab's
 *   content says what that thing is; a platform label (`=== "Linux"`) names nothing and is dropped;
 * - `::: tip Title` … `:::` (VuePress, VitePress, markdown-it-container, Pandoc divs);
 * - GitHub / Obsidian callouts `> [!note] Title`: the marker goes, a title of its own stays as text.
 * Heading lines lose their debris on the way (rules/heading-debris.ts), and a bold line standing
 * alone over prose becomes the sub-heading it was meant as (rules/bold-heading.ts).
 * One pass, a character test before any pattern, fences respected.
 */

import { boldHeading } from '../rules/bold-heading.ts';
import { cleanHeadingLine } from '../rules/heading-debris.ts';

const ADMONITION = /^(\s*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+(?:"[^"]*"|'[^']*'))?[ \t]*$/;
const TAB = /^(\s*)===\+?[ \t]+(?:"([^"]*)"|'([^']*)')[ \t]*$/;
const COLONS = /^\s*:{3,}(?:[ \t]*(\S.*))?$/;
const CALLOUT = /^(\s*(?:>[ \t]?)+)\[!([\w-]+)\][+-]?[ \t]*(.*)$/;
const FENCE = /^\s*(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})[ \t]/;

/** Tab labels that name a platform or language, not the thing the content teaches. */
const PLATFORM = new Set(
  'linux macos mac osx windows win unix ubuntu debian centos fedora rhel alpine arch wsl bash zsh sh fish powershell shell terminal cli gui python javascript typescript node java go rust ruby php c# yaml json toml xml npm yarn pnpm pip docker-desktop desktop example examples output result before after'.split(' '),
);

/** A tab label worth a heading: one word or flag (`ARG`, `volumes`, `--rm`) or a short command. */
function labelNamesAThing(label: string): boolean {
  const t = label.trim();
  if (!t || t.length > 60 || PLATFORM.has(t.toLowerCase())) return false;
  if (/^-{0,2}[\w.-]+$/.test(t)) return true;
  return /^[a-z][\w.-]*(?: [\w.:=/<>{}[\]-]+){1,5}$/.test(t);
}

function indentOf(line: string): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') w++;
    else if (c === '\t') w += 4 - (w % 4);
    else return w;
  }
  return -1; // blank
}

/** Drop `n` columns of indentation (tabs count to the next multiple of 4). */
function dedent(line: string, n: number): string {
  let w = 0;
  let i = 0;
  while (i < line.length && w < n) {
    const c = line[i];
    if (c === ' ') w++;
    else if (c === '\t') w += 4 - (w % 4);
    else break;
    i++;
  }
  return (w > n ? ' '.repeat(w - n) : '') + line.slice(i);
}

/** A line that may open or close one of the wrappers (a cheap test before any pattern). */
function mayMark(line: string): boolean {
  const t = line.trimStart();
  const c = t.charCodeAt(0);
  return c === 33 /* ! */ || c === 63 /* ? */ || c === 61 /* = */ || c === 58 /* : */ || (c === 62 /* > */ && t.includes('[!'));
}

/** The first non-blank line from `k` on, if it is indented to `col` or more (the wrapper's content). */
function nextContent(lines: readonly string[], k: number, col: number): string | null {
  for (let j = k; j < lines.length && j < k + 3; j++) {
    const ind = indentOf(lines[j]!);
    if (ind < 0) continue;
    return ind >= col ? lines[j]! : null;
  }
  return null;
}

/** Unwrap admonitions, tabs, `:::` containers and callouts in `lines` (from index `from`), in place. */
export function unwrapContainers(lines: string[], from: number): void {
  /** Content column of each open indented wrapper, innermost last. */
  const open: number[] = [];
  let colonDepth = 0;
  let fence: string | null = null;
  let lastDepth = 1;
  for (let k = from; k < lines.length; k++) {
    let line = lines[k]!;
    if (open.length) {
      const ind = indentOf(line);
      if (ind >= 0) {
        while (open.length && ind < open[open.length - 1]!) open.pop();
        if (open.length) line = lines[k] = dedent(line, open.length * 4);
      }
    }
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && !line.trim().slice(m[1]!.length).trim()) fence = null;
      continue;
    }
    const f = line.includes('``') || line.includes('~~') ? FENCE.exec(line) : null;
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (line.charCodeAt(0) === 35) {
      line = lines[k] = cleanHeadingLine(line);
      const h = ATX.exec(line);
      if (h) lastDepth = h[1]!.length;
      continue;
    }
    const bold = boldHeading(lines, k, lastDepth);
    if (bold) {
      lines[k] = bold;
      continue;
    }
    if (!mayMark(line)) continue;
    const a = ADMONITION.exec(line);
    if (a) {
      open.push(indentOf(line) + 4);
      lines[k] = '';
      continue;
    }
    const t = TAB.exec(line);
    if (t) {
      const ind = indentOf(line);
      const label = (t[2] ?? t[3] ?? '').trim();
      open.push(ind + 4);
      // a label over prose is what the prose explains (a heading); over code, the code's lead-in
      const next = nextContent(lines, k + 1, ind + 4);
      const named = labelNamesAThing(label);
      lines[k] = !named ? '' : ind === 0 && next !== null && !FENCE.test(next) ? `${'#'.repeat(Math.min(6, lastDepth + 1))} ${label}` : `${' '.repeat(ind)}${label}:`;
      continue;
    }
    const c = COLONS.exec(line);
    if (c) {
      if (c[1]) colonDepth++;
      else if (colonDepth > 0) colonDepth--;
      lines[k] = '';
      continue;
    }
    const q = CALLOUT.exec(line);
    if (q) {
      const title = q[3]!.trim();
      // a title of its own leads the code right under it; over prose it would run into the prose
      const below = lines[k + 1]?.replace(/^\s*(?:>[ \t]?)+/, '') ?? '';
      const lead = title && title.toLowerCase() !== q[2]!.toLowerCase() && FENCE.test(below);
      lines[k] = lead ? `${q[1]}${title.replace(/[:：]?$/, ':')}` : q[1]!.trimEnd();
    }
  }
}
