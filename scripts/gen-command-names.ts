/**
 * npm run gen:command-names — rewrites src/lib/search/command-names.json from the CLI
 * catalogue (run it after scripts/gen-cli-catalogue.ts). A unit test fails if the two disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../src/lib/cli/catalogue.ts';
import { commandRenames } from '../src/lib/search/command-names.ts';

const catalogue = JSON.parse(readFileSync(fileURLToPath(new URL('../src/lib/cli/catalogue.json', import.meta.url)), 'utf8')) as Catalogue;
const out = fileURLToPath(new URL('../src/lib/search/command-names.json', import.meta.url));
const renames = commandRenames(catalogue);
writeFileSync(out, JSON.stringify(renames, null, 1) + '\n');
console.log(`${Object.keys(renames).length} command names → ${out}`);
