/**
 * npm run bench:search [-- --json]
 *
 * Per-keystroke search latency on seeded synthetic bilingual decks (300, 3,000, 30,000 cards):
 * every query is typed one character at a time and each prefix is searched. This project's
 * search and fuse.js with its default options run over the same cards, interleaved in the
 * same loop so both see the same machine state. fuse.js scans the whole deck per keystroke,
 * so at large sizes only every n-th keystroke is run through it (the table says how many).
 * Both are warmed up first on a different set of queries, so timings are of compiled code.
 */
import Fuse from 'fuse.js';
import type { Card } from '../src/lib/notes/card.ts';
import { buildSearchIndex } from '../src/lib/search/index.ts';
import { syntheticDeck, syntheticQueries } from '../tests/fixtures/search/synthetic.ts';

const SIZES = [300, 3000, 30000];
const QUERIES = 64;
/** Most keystrokes run through fuse.js defaults per size: it scans every card, so it is slow at 30k. */
const FUSE_BUDGET: Record<number, number> = { 300: Infinity, 3000: 100, 30000: 12 };

interface Stats {
  p50: number;
  p95: number;
  max: number;
  /** Until the index answers a query: ours indexes keys, flags, titles, commands and tags here. */
  buildMs: number;
  /** Ours only: indexing the bodies and the typo vocabulary (`warm()`, run by the worker after loading). */
  warmMs?: number;
  samples: number;
}

const json = process.argv.includes('--json');
const round = (x: number) => Math.round(x * 1000) / 1000;

function stats(times: number[], buildMs: number, warmMs?: number): Stats {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const out: Stats = { p50: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1] ?? 0), buildMs: round(buildMs), samples: s.length };
  if (warmMs !== undefined) out.warmMs = round(warmMs);
  return out;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Each prefix of each query, as typed: "d", "do", "doc", … (by character, so 删, 删除, …). */
function keystrokes(queries: string[]): string[] {
  const out: string[] = [];
  for (const q of queries) {
    const chars = Array.from(q);
    for (let i = 1; i <= chars.length; i++) out.push(chars.slice(0, i).join(''));
  }
  return out;
}

const FUSE_DEFAULT_KEYS = [
  'key',
  'command',
  'flag',
  'items',
  'tags',
  { name: 'title', getFn: (c: Card) => Object.values(c.text).map((t) => t.title) },
  { name: 'body', getFn: (c: Card) => Object.values(c.text).map((t) => t.body) },
];

function benchSize(size: number): { ours: Stats; fuseDefault: Stats; keystrokes: number } {
  // Cards reach the app as parsed JSON (cards.json, IndexedDB), so the bench uses parsed JSON too.
  const cards: Card[] = JSON.parse(JSON.stringify(syntheticDeck(size)));
  const typed = keystrokes(syntheticQueries(cards, QUERIES));

  // Build: median of three for ours (it is cheap), one for fuse.js. Then warm, as the worker does.
  let index = buildSearchIndex(cards);
  const builds = [0, 1, 2].map(() => time(() => (index = buildSearchIndex(cards)))).sort((a, b) => a - b);
  const warm = time(() => index.warm());
  let fuse!: Fuse<Card>;
  const fuseBuild = time(() => (fuse = new Fuse(cards, { keys: FUSE_DEFAULT_KEYS })));

  // Warm-up on other queries (another seed), so the JIT has compiled both engines before timing.
  const warmUp = keystrokes(syntheticQueries(cards, 8, 1234));
  for (const q of warmUp) index.search(q, { limit: 20 });
  for (const q of warmUp.slice(0, size >= 30000 ? 2 : size >= 3000 ? 10 : 60)) fuse.search(q, { limit: 20 });

  const stride = Math.max(1, Math.ceil(typed.length / FUSE_BUDGET[size]!));
  const ours: number[] = [];
  const theirs: number[] = [];
  typed.forEach((q, i) => {
    const runFuse = i % stride === 0;
    if (runFuse && i % 2 === 1) theirs.push(time(() => fuse.search(q, { limit: 20 })));
    ours.push(time(() => index.search(q, { limit: 20 })));
    if (runFuse && i % 2 === 0) theirs.push(time(() => fuse.search(q, { limit: 20 })));
  });
  return { ours: stats(ours, builds[1]!, warm), fuseDefault: stats(theirs, fuseBuild), keystrokes: typed.length };
}

const started = performance.now();
const results: Record<string, { ours: Stats; fuseDefault: Stats; keystrokes: number }> = {};
for (const size of SIZES) {
  results[String(size)] = benchSize(size);
  if (!json) process.stderr.write(`… ${size} cards done\n`);
}

if (json) {
  const sizes: Record<string, { ours: Omit<Stats, 'samples'>; fuseDefault: Omit<Stats, 'samples'> }> = {};
  for (const [size, r] of Object.entries(results)) {
    const strip = ({ samples: _s, ...rest }: Stats) => rest;
    sizes[size] = { ours: strip(r.ours), fuseDefault: strip(r.fuseDefault) };
  }
  process.stdout.write(JSON.stringify({ sizes }) + '\n');
} else {
  const rows = Object.entries(results).flatMap(([size, r]) => [
    { cards: Number(size), search: 'ours', keystrokes: r.ours.samples, p50_ms: r.ours.p50, p95_ms: r.ours.p95, max_ms: r.ours.max, build_ms: r.ours.buildMs, warm_ms: r.ours.warmMs },
    { cards: Number(size), search: 'fuse.js defaults', keystrokes: r.fuseDefault.samples, p50_ms: r.fuseDefault.p50, p95_ms: r.fuseDefault.p95, max_ms: r.fuseDefault.max, build_ms: r.fuseDefault.buildMs, warm_ms: undefined },
  ]);
  console.table(rows);
  console.log(
    `Per-keystroke latency over ${QUERIES} typed queries per size (every prefix searched, limit 20).` +
      ` fuse.js defaults ran on every keystroke up to its budget (${Object.entries(FUSE_BUDGET).map(([s, b]) => `${s}: ${b === Infinity ? 'all' : b}`).join(', ')}), sampled evenly.` +
      ` build_ms: until the index answers (ours: keys, flags, titles, commands, tags indexed);` +
      ` warm_ms: ours indexing bodies and the typo vocabulary, which the worker does right after loading` +
      ` (without it the first search pays this once).` +
      ` Targets: ours p95 ≤ 2 ms at 3,000 and ≤ 10 ms at 30,000; build ≤ 200 ms at 30,000.` +
      ` Total ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
