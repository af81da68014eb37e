// Time to explain a typical Docker command line, part by part (parse, decode, meanings from the
// bundled deck's cards, words in zh): the same code the search page runs on every keystroke that
// reads as a command. Target: ≤ 1 ms per line. Also the one-off cost of loading the catalogue.
// Usage: npm run bench:explain [-- runs]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLine, loadCatalogue, Meanings } from '../src/lib/cli/index.ts';
import { indexNotes } from '../src/lib/notes/index.ts';

const RUNS = Number(process.argv[2] ?? 5000);
const LINES = [
  "docker run -d --name web -p 127.0.0.1:8080:80 -v data:/var/lib/data:ro --restart unless-stopped nginx:1.27 nginx -g 'daemon off;'",
  'docker compose -f prod.yml up -d --build --remove-orphans',
  'docker rm -f $(docker ps -aq) && docker system prune -af --volumes',
];

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
const notes = readdirSync(contentDir)
  .filter((n) => n.endsWith('.md') && n !== 'README.md')
  .map((n) => ({ file: n, text: readFileSync(join(contentDir, n), 'utf8') }));
const { cards } = indexNotes(notes);

let t = performance.now();
const cat = await loadCatalogue();
const loadMs = performance.now() - t;
t = performance.now();
const meanings = new Meanings(cat, cards);
const meaningsMs = performance.now() - t;

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`catalogue load + index: ${loadMs.toFixed(1)} ms (once); meanings over ${cards.length} cards: ${meaningsMs.toFixed(1)} ms (once)`);
for (const line of LINES) {
  for (let i = 0; i < 200; i++) describeLine(cat, meanings, line, 'zh'); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    describeLine(cat, meanings, line, i % 2 ? 'zh' : 'en');
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(`explain  p50 ${(pct(times, 0.5) * 1000).toFixed(0)} µs  p95 ${(pct(times, 0.95) * 1000).toFixed(0)} µs  (target ≤ 1000 µs)  ${line.slice(0, 60)}${line.length > 60 ? '…' : ''}`);
}
