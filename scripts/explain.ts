/**
 * npm run --silent explain -- "<command line>" [--lang zh|en]
 *
 * Prints the explanation of a Docker command line as JSON — one row per part, with meanings
 * from the bundled deck's cards (content/*.md) or the CLI's help — from the same code as the app.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLine, loadCatalogue, Meanings } from '../src/lib/cli/index.ts';
import { indexNotes } from '../src/lib/notes/index.ts';

const USAGE = 'usage: npm run --silent explain -- "<command line>" [--lang zh|en]';

function fail(message: string): never {
  process.stderr.write(`explain: ${message}\n${USAGE}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let lang: 'zh' | 'en' = 'en';
const words: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const value = a === '--lang' ? args[++i] : a.startsWith('--lang=') ? a.slice(7) : undefined;
  if (value === undefined && (a === '--lang' || a.startsWith('--lang='))) fail('--lang needs zh or en');
  if (value !== undefined) {
    if (value !== 'zh' && value !== 'en') fail(`--lang must be zh or en, not "${value}"`);
    lang = value;
  } else words.push(a);
}
const line = words.join(' ').trim();
if (!line) fail('no command line given');

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
const notes = readdirSync(contentDir)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()
  .map((name) => ({ file: relative(process.cwd(), join(contentDir, name)), text: readFileSync(join(contentDir, name), 'utf8') }));
const cat = await loadCatalogue();
const meanings = new Meanings(cat, indexNotes(notes).cards);
const out = describeLine(cat, meanings, line, lang);
process.stdout.write(`${JSON.stringify({ cli: cat.catalogue.sources.docker, ...out }, null, 2)}\n`);
