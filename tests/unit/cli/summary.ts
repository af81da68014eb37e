/**
 * One short string per part, so a table of command lines can state what each should parse to:
 *   program/command → its text ("docker", "run")
 *   option          → "-p=8080:80" / "--rm" (flag as typed, value after "=")
 *   argument        → "IMAGE:nginx:1.27" (usage slot, then the value)
 *   container's own → "$ nginx -g daemon off;"
 *   end of options  → "--"
 * and " !code>fix" after any part that has a problem.
 */
import { indexCatalogue, type Catalogue, type CatalogueIndex } from '../../../src/lib/cli/catalogue.ts';
import catalogueJson from '../../../src/lib/cli/catalogue.json' with { type: 'json' };
import type { Part } from '../../../src/lib/cli/parse.ts';

export const cat: CatalogueIndex = indexCatalogue(catalogueJson as Catalogue);

export function summarise(p: Part): string {
  let s: string;
  switch (p.role) {
    case 'option':
      s = p.value === undefined ? p.flag! : `${p.flag}=${p.value}`;
      break;
    case 'argument':
      s = `${p.slot ?? '?'}:${p.value ?? p.text}`;
      break;
    case 'container-command':
      s = `$ ${p.value}`;
      break;
    case 'end-of-options':
      s = '--';
      break;
    default:
      s = p.text;
  }
  for (const pr of p.problems ?? []) s += ` !${pr.code}${pr.fix ? `>${pr.fix}` : ''}`;
  return s;
}
