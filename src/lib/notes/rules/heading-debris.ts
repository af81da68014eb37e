/**
 * What blog engines and exports leave in heading lines that is not the heading's words:
 * - emoji shortcodes (`## Images :framed_picture:`, rendered as a picture on GitHub and MkDocs);
 * - back-to-top links (`## Contents [[↑](#top)]`, `### Images [↑]`, `↑ back to top`);
 * - a list bullet typed after the hashes (`### - run a container`).
 * Applied to ATX heading lines only (a `#` first: one character test for every other line).
 */

const HEADING = /^( {0,3}#{1,6}[ \t]+)(.*)$/;
const SHORTCODE = /(^|\s):[a-z0-9][a-z0-9_+-]*:(?=\s|$)/g;
const BACK_TO_TOP = /\s*(?:\[\s*\[\s*[↑⬆︎^]\s*\]\([^)]*\)\s*\]|\[\s*[↑⬆︎]\s*\](?:\([^)]*\))?|[↑⬆](?:\s*back to top)?|\[back to top\]\([^)]*\))/gi;
const BULLET = /^[-*+][ \t]+(?=\S)/;

export function cleanHeadingLine(line: string): string {
  if (line.charCodeAt(0) !== 35 && !line.startsWith(' ')) return line;
  const m = HEADING.exec(line);
  if (!m) return line;
  let text = m[2]!;
  if (text.includes(':')) text = text.replace(SHORTCODE, '$1');
  if (text.includes('↑') || text.includes('⬆') || /back to top/i.test(text)) text = text.replace(BACK_TO_TOP, '');
  text = text.replace(BULLET, '').trimEnd();
  return text === m[2] ? line : `${m[1]}${text}`;
}
