/**
 * npm run --silent search -- "<query>" [--limit N] [--deck D]
 *
 * Prints a JSON array of the ranked Cards from the bundled content (content/*.md), best
 * first — through the same indexer and search code as the app.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexNotes } from '../src/lib/notes/index.ts';
import { buildSearchIndex, type SearchOptions } from '../src/lib/search/index.ts';

const USAGE = 'usage: npm run --silent search -- "<query>" [--limit N] [--deck D]';

function fail(message: string): never {
  process.stderr.write(`search: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { query: string; opts: SearchOptions } {
  const words: string[] = [];
  const opts: SearchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--limit' || arg === '--deck') {
      const value = argv[++i];
      if (value === undefined) fail(`${arg} needs a value`);
      if (arg === '--deck') opts.deck = value;
      else {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) fail(`--limit must be a positive whole number, not "${value}"`);
        opts.limit = n;
      }
    } else if (arg.startsWith('--limit=')) return parseArgs([...words, '--limit', arg.slice(8), ...argv.slice(i + 1)]);
    else if (arg.startsWith('--deck=')) return parseArgs([...words, '--deck', arg.slice(7), ...argv.slice(i + 1)]);
    else words.push(arg); // anything else is the query, flags like -P included
  }
  const query = words.join(' ').trim();
  if (!query) fail('no query given');
  return { query, opts };
}

const { query, opts } = parseArgs(process.argv.slice(2));
const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
let files: string[];
try {
  files = readdirSync(contentDir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort();
} catch (err) {
  process.stderr.write(`search: cannot read ${contentDir}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
const notes = files.map((name) => ({
  file: relative(process.cwd(), join(contentDir, name)),
  text: readFileSync(join(contentDir, name), 'utf8'),
}));
const { cards } = indexNotes(notes);
const hits = buildSearchIndex(cards).search(query, opts);
process.stdout.write(JSON.stringify(hits.map((h) => h.card), null, 2) + '\n');
