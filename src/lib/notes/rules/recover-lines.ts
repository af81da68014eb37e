/**
 * Structure lost when a note was copied or written without Markdown, restored line by line
 * before the parser sees it (outside code fences; every line stays where it was):
 * - `####Title` (no space after the hashes): a heading, as the author meant;
 * - `# docker ps  # comment` lines in a plain-text note: a root prompt, not a heading (only when
 *   the note has several, so a note titled `# docker run` keeps its title);
 * - a long `-------` separator right under a line of text: a divider, not a setext underline
 *   turning that line into a heading (underlines are about as long as their text).
 */

const TIGHT_HEADING = /^(#{1,6})(?=[^\s#!\[{(])(?=[A-Za-z\u4e00-\u9fff\u3400-\u4dbf])/;
const ROOT_COMMAND = /^#[ \t]+(?:sudo\s+)?(?:docker(?:-compose)?|podman|kubectl|systemctl)\s+[a-z]/;

/** How many lines read as `# <command>` typed at a root prompt (fences are not looked at: a rough count). */
export function rootCommandLines(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) if (l.charCodeAt(0) === 35 && ROOT_COMMAND.test(l)) n++;
  return n;
}

const DASH_RULE = /^ {0,3}-{20,}\s*$/;

/** One line outside code, restored. `prev`: the line above; `rootPrompts`: the note types commands after `# `. */
export function recoverLine(line: string, prev: string, rootPrompts: boolean): string {
  if (line.charCodeAt(0) !== 35) {
    // a blank line keeps the divider's meaning and leaves the text above a paragraph
    if (line.length >= 20 && DASH_RULE.test(line) && prev.trim() && line.trim().length > prev.trim().length + 10) return '';
    return line;
  }
  if (rootPrompts && ROOT_COMMAND.test(line)) return `$${line.slice(1)}`;
  const m = TIGHT_HEADING.exec(line);
  return m ? `${m[1]} ${line.slice(m[1]!.length)}` : line;
}
