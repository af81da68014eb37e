/**
 * Reads the file the way Anki does: header lines `#key:value` first, then a CSV reader with
 * tab delimiter, `"` quoting with doubled quotes, and `#` comment records.
 */
export function readLikeAnki(text: string): { meta: Record<string, string>; rows: string[][] } {
  const meta: Record<string, string> = {};
  const body = text.split('\n');
  while (body[0]?.startsWith('#')) {
    const line = body.shift()!.slice(1);
    const at = line.indexOf(':');
    meta[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  const rows: string[][] = [];
  const src = body.join('\n');
  let i = 0;
  while (i < src.length) {
    if (src[i] === '#') {
      i = src.indexOf('\n', i) + 1 || src.length;
      continue;
    }
    const row: string[] = [];
    for (;;) {
      let value = '';
      if (src[i] === '"') {
        i++;
        for (;;) {
          if (src[i] === '"' && src[i + 1] === '"') (value += '"'), (i += 2);
          else if (src[i] === '"') {
            i++;
            break;
          } else if (i >= src.length) throw new Error('unterminated quote');
          else value += src[i++];
        }
      } else {
        while (i < src.length && src[i] !== '\t' && src[i] !== '\n') value += src[i++];
      }
      row.push(value);
      if (src[i] === '\t') i++;
      else {
        i++;
        break;
      }
    }
    rows.push(row);
  }
  return { meta, rows };
}


/** What Anki shows for an HTML field: `<br>` as a line break, entities decoded (no other tags expected). */
export function shownByAnki(field: string): string {
  if (/<(?!br>)/i.test(field)) throw new Error(`unexpected markup in an exported field: ${field}`);
  return field
    .replace(/<br>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
