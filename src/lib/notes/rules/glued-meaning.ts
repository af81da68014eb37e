/**
 * A meaning written on the command's own line with a separator no shell command uses there:
 *   docker rm <CONTAINER_ID>：删除container        (a full-width colon)
 *   docker rm [NAME] //删除容器                    (a `//` comment after a blank)
 *   docker ps - Lists containers.                  (a spaced hyphen, then a capitalised sentence)
 * Quotes and `<…>` / `[…]` placeholders are skipped over (`<容器：ID>` stays whole). One scan.
 */

export interface GluedMeaning {
  command: string;
  meaning: string;
}

const SENTENCE_AFTER_DASH = /^[A-Z][a-z]+(?:\s+[A-Za-z][\w'’,]*){1,}[.!]?\s*$/;

export function cutGluedMeaning(line: string): GluedMeaning | null {
  let quote = '';
  let depth = 0;
  for (let i = 1; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '<' || c === '[' || c === '{') depth++;
    else if ((c === '>' || c === ']' || c === '}') && depth > 0) depth--;
    else if (depth > 0) continue;
    else if (c === '：') return split(line, i, 1);
    else if (c === '/' && line[i + 1] === '/' && (line[i - 1] === ' ' || line[i - 1] === '\t')) return split(line, i, 2);
    else if (c === '-' && line[i - 1] === ' ' && line[i + 1] === ' ' && SENTENCE_AFTER_DASH.test(line.slice(i + 2))) return split(line, i, 1);
  }
  return null;
}

function split(line: string, at: number, width: number): GluedMeaning | null {
  const command = line.slice(0, at).trim();
  const meaning = line.slice(at + width).trim();
  // "-i：保持输入打开" after a command is a flag legend, read elsewhere
  if (!command || !meaning || meaning.startsWith('-') || !/[\p{L}]/u.test(meaning)) return null;
  return { command, meaning };
}
