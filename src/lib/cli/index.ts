/**
 * The Docker CLI explainer's front door. The catalogue (≈150 kB of JSON) is imported on first
 * use only, so the app's first render never carries it.
 */
import type { Catalogue, CatalogueIndex } from './catalogue.ts';
import { indexCatalogue } from './catalogue.ts';

export type { CatalogueIndex, CliCommand, CliOption } from './catalogue.ts';
export type { Part, Problem, ParsedCommand } from './parse.ts';
export type { LineRows, Row, CommandRows } from './describe.ts';
export { describeLine, decodedText } from './describe.ts';
export { explainLine } from './explain.ts';
export { looksLikeCommand } from './looks.ts';
export { Meanings } from './meaning.ts';

let loading: Promise<CatalogueIndex> | undefined;

export function loadCatalogue(): Promise<CatalogueIndex> {
  loading ??= import('./catalogue.json').then((m) => indexCatalogue(m.default as Catalogue));
  return loading;
}
