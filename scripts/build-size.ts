// Prints the gzip size of the JS + CSS the first render needs: what index.html loads
// (entry script, its modulepreloads, stylesheets). Lazily loaded chunks are listed apart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET_KB = 60;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

let total = 0;
console.log('First render (loaded by index.html):');
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`  ${kb(size).padStart(7)} KB gz  ${file}`);
}
console.log(`  ${kb(total).padStart(7)} KB gz  total (budget ${BUDGET_KB} KB)`);

const lazy = readdirSync(join(dist, 'assets')).filter(
  (name) => /\.(js|css)$/.test(name) && !initial.includes(`assets/${name}`),
);
if (lazy.length) {
  console.log('Loaded later, on demand:');
  for (const name of lazy) console.log(`  ${kb(gz(`assets/${name}`)).padStart(7)} KB gz  assets/${name}`);
}
const cards = readdirSync(join(dist, 'assets')).find((name) => name.startsWith('cards-'));
if (cards) console.log(`Card data: ${kb(gz(`assets/${cards}`))} KB gz  assets/${cards}`);
if (process.argv.includes('--json')) console.log(JSON.stringify({ firstRenderGzipBytes: total, budgetBytes: BUDGET_KB * 1024 }));
