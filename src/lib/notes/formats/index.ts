/**
 * Whole-note pre-passes for the ways people wrap ordinary content (admonitions, tabs, `:::`
 * containers, callouts, HTML blocks): run by prepare.ts on the note's lines before anything
 * else reads them, in place, every line kept where it was.
 */
import { unwrapContainers } from './containers.ts';
import { unwrapHtml } from './html.ts';

export function unwrapNoteFormats(lines: string[], from: number): void {
  unwrapContainers(lines, from);
  unwrapHtml(lines, from);
}
