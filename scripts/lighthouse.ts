// Lighthouse (mobile, default simulated throttling) against the production build on `vite
// preview`, driving Debian's Chromium — never a downloaded browser. A benchmark, not a test:
// prints the four category scores and FCP / LCP / TBT / CLS for each run, then the medians.
//   npm run lighthouse [-- --runs N] [-- --path /topics] [-- --save dir] [-- --tasks]
// --save writes each run's full report (lhr JSON) into dir; --tasks prints the main thread's
// long tasks and the scripts that cost the most, to see what blocks it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { serve } from '../tests/browser/harness.ts';

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 3);
const PATH = arg('--path') ?? '/';
const SAVE = arg('--save');
const TASKS = process.argv.includes('--tasks');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  ['FCP', 'first-contentful-paint', 's'],
  ['LCP', 'largest-contentful-paint', 's'],
  ['TBT', 'total-blocking-time', 'ms'],
  ['CLS', 'cumulative-layout-shift', ''],
] as const;

if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);

type Row = Record<string, number>;
const rows: Row[] = [];
const server = await serve();
try {
  for (let run = 1; run <= RUNS; run++) {
    // A fresh browser each run: no service worker or HTTP cache from the run before.
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
    try {
      const result = await lighthouse(server.url + PATH, {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error('Lighthouse returned no result');
      const { categories, audits } = result.lhr;
      const row: Row = {};
      for (const id of CATEGORIES) row[id] = Math.round((categories[id]?.score ?? 0) * 100);
      for (const [name, id] of METRICS) row[name] = audits[id]?.numericValue ?? NaN;
      rows.push(row);
      console.log(`run ${run}: ${format(row)}`);
      console.log(`  LCP element: ${lcpElement(audits['largest-contentful-paint-element']?.details)}`);
      const failed = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
      if (failed.length) console.log(`  not passed: ${failed.map((a) => a.id).join(', ')}`);
      if (TASKS) console.log(mainThreadSummary(audits));
      if (SAVE) {
        mkdirSync(SAVE, { recursive: true });
        writeFileSync(join(SAVE, `run-${run}.json`), JSON.stringify(result.lhr));
      }
    } finally {
      await chrome.kill();
    }
  }
} finally {
  await server.close();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
};
const mid: Row = {};
for (const key of Object.keys(rows[0] ?? {})) mid[key] = median(rows.map((r) => r[key]!));
console.log(`median of ${RUNS}: ${format(mid)}`);
console.log('targets: performance ≥ 99, LCP ≤ 1.5 s, SEO 100, accessibility 100, best practices 100');

function format(row: Row): string {
  const scores = CATEGORIES.map((id) => `${id} ${row[id]}`).join(', ');
  const metrics = METRICS.map(([name, , unit]) => {
    const value = row[name]!;
    if (unit === 's') return `${name} ${(value / 1000).toFixed(2)} s`;
    if (unit === 'ms') return `${name} ${Math.round(value)} ms`;
    return `${name} ${value.toFixed(3)}`;
  }).join(', ');
  return `${scores} | ${metrics}`;
}

/** The LCP element's HTML, as Lighthouse reports it (its details are a table of tables). */
function lcpElement(details: unknown): string {
  const first = (details as { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined)?.items?.[0]?.items?.[0];
  return first?.node?.snippet ?? 'unknown';
}

type Audits = Record<string, { details?: unknown }>;
type Table = { items?: Record<string, unknown>[] } | undefined;

/** Long tasks (start, duration, script) and the scripts with the most main-thread time. */
function mainThreadSummary(audits: Audits): string {
  const ms = (value: unknown) => `${Math.round(Number(value))} ms`;
  const tasks = ((audits['long-tasks']?.details as Table)?.items ?? []).map(
    (task) => `    ${ms(task.startTime)} +${ms(task.duration)} ${String(task.url ?? '')}`,
  );
  const scripts = ((audits['bootup-time']?.details as Table)?.items ?? []).map(
    (row) => `    ${String(row.url)}: total ${ms(row.total)}, script ${ms(row.scripting)}, parse ${ms(row.scriptParseCompile)}`,
  );
  const work = ((audits['mainthread-work-breakdown']?.details as Table)?.items ?? []).map(
    (row) => `${String(row.groupLabel ?? row.group)} ${ms(row.duration)}`,
  );
  return ['  long tasks:', ...tasks, '  scripts:', ...scripts, `  main thread: ${work.join(', ')}`].join('\n');
}
