/**
 * Whole-note pre-passes for the ways people wrap ordinary content (admonitions, tabs, `:::`
 * containers, callouts, HTML blocks; zero-width characters from web copies): run by prepare.ts on the note's lines before anything
 * else reads them, in place, every line kept where it was.
 */
import { unwrapContainers } from './containers.ts';
import { unwrapHtml } from './html.ts';

/** Zero-width characters a copy from a web page leaves inside words and commands. */
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060]/g;
const HAS_ZERO_WIDTH = /[\u200b\u200c\u200d\u2060]/;

export function unwrapNoteFormats(lines: string[], from: number): void {
  for (let k = from; k < lines.length; k++) {
    const l = lines[k]!;
    if (HAS_ZERO_WIDTH.test(l)) lines[k] = l.replace(ZERO_WIDTH, '');
  }
  unwrapContainers(lines, from);
  unwrapHtml(lines, from);
}
