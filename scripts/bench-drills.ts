// Drill benchmarks in headless Chromium at phone size, against the production build:
//  1. grade tap → next card shown, the IndexedDB write (schedule + log, one transaction)
//     included: p50 / p95 / max over many grades (target p95 ≤ 16 ms);
//  2. the stats screen with 100,000 review-log entries stored: tap on "Stats" → figures and
//     charts on screen, reading the log from IndexedDB included (target ≤ 300 ms).
// Usage: npm run bench:drills [-- grades statsRuns]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { DIST, serve } from '../tests/browser/harness.ts';

const GRADES = Number(process.argv[2] ?? 200);
const STATS_RUNS = Number(process.argv[3] ?? 10);
const LOG_ENTRIES = 100_000;

const server = await serve();
const chromium = await launchChromium();
const context = await chromium.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
const page = await context.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));

const cardIds = (() => {
  const assets = join(DIST, 'assets');
  const file = readdirSync(assets).find((name) => /^cards.*\.json$/.test(name));
  if (!file) throw new Error(`no cards.json in ${assets}: run npm run build first`);
  return (JSON.parse(readFileSync(join(assets, file), 'utf8')) as { id: string }[]).map((c) => c.id);
})();

// Raw IndexedDB access from the page (the app's own connection stays open). An init script,
// because the app's CSP rightly forbids eval-ing code in the page.
type RawWindow = { rawDb(): Promise<IDBDatabase>; tapAt: number; clickAt: number; slowTaps: number[] };
// tsx keeps function names with a `__name` helper that does not exist in the page.
await context.addInitScript({ content: 'window.__name = (f) => f;' });
await context.addInitScript(() => {
  (window as unknown as RawWindow).rawDb = () =>
    new Promise((resolve, reject) => {
      const open = indexedDB.open('deckhand');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
});

const countLog = () =>
  page.evaluate(async () => {
    const db = await (window as unknown as RawWindow).rawDb();
    const n = await new Promise<number>((ok) => {
      const r = db.transaction('reviewLog').objectStore('reviewLog').count();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return n;
  });

// ------------------------------------------------------------------ 1. grade → next card

await page.goto(`${server.url}/drill`);
await page.locator('.prompt').waitFor();
// Enough new cards for the whole run (the default is 20 a day).
await page.evaluate(async () => {
  const db = await (window as unknown as RawWindow).rawDb();
  await new Promise((done, fail) => {
    const tx = db.transaction('settings', 'readwrite');
    tx.objectStore('settings').put({ newPerDay: 9999 }, 'srs');
    tx.oncomplete = done;
    tx.onerror = () => fail(tx.error);
  });
  db.close();
});
await page.reload();
await page.locator('.prompt').waitFor();

// Records the tap's timestamp (the event's own time, same clock as performance.now()).
// The tap's time is the touch's own timestamp (same clock as performance.now()); clickAt is
// when the page got to handle it.
await page.evaluate(() => {
  const w = window as unknown as RawWindow;
  document.addEventListener('pointerdown', (e) => {
    if ((e.target as Element).closest('.grade')) w.tapAt = e.timeStamp;
  }, { capture: true });
  document.addEventListener('click', (e) => {
    if ((e.target as Element).closest('.grade')) w.clickAt = performance.now();
  }, { capture: true });
  // The browser's own measure (Event Timing, as behind INP): input timestamp → the next frame
  // presented after the handlers ran. Only interactions of 16 ms or more are reported.
  w.slowTaps = [];
  new PerformanceObserver((list) => {
    const worst = new Map<number, number>();
    for (const e of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[]) {
      if (!e.interactionId || !(e.target instanceof Element && e.target.closest('.grade'))) continue;
      worst.set(e.interactionId, Math.max(worst.get(e.interactionId) ?? 0, e.duration));
    }
    w.slowTaps.push(...worst.values());
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
});

async function reveal(p: Page) {
  const type = await p.locator('.prompt').getAttribute('data-prompt');
  if (type === 'typed-command') await p.getByRole('button', { name: 'Check' }).click();
  else if (type === 'confusable') await p.locator('.choice').first().click();
  else await p.locator('.reveal').click();
  await p.locator('.grades').waitFor();
}

const painted: number[] = [];
const committed: number[] = [];
const both: number[] = [];
const handled: number[] = [];
const work: number[] = [];
for (let i = 0; i < GRADES; i++) {
  if (!(await page.locator('.prompt').count())) break;
  await reveal(page);
  const before = await page.locator('.prompt').getAttribute('data-card');
  // Mostly Good, some Again / Hard / Easy, as in a real session.
  const grade = [3, 3, 3, 1, 3, 2, 3, 4][i % 8]!;
  // In the page: when the next card is in the DOM, then the frame that paints it has run.
  const shown = page.evaluate(
    (prev) =>
      new Promise<{ inDom: number; painted: number }>((resolve) => {
        const obs = new MutationObserver(() => {
          const el = document.querySelector('.prompt');
          if (el && el.getAttribute('data-card') === prev && document.querySelector('.grades')) return;
          obs.disconnect();
          const inDom = performance.now();
          requestAnimationFrame(() => setTimeout(() => resolve({ inDom, painted: performance.now() }), 0));
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
    before,
  );
  await page.locator(`.grades .grade-${grade}`).tap();
  const { inDom, painted: end } = await shown;
  const { tapAt, clickAt, savedAt } = await page.evaluate(async () => {
    const w = window as unknown as RawWindow;
    // The grade's transaction has committed once gradeSavedAt is later than the tap.
    for (;;) {
      const saved = Number(document.documentElement.dataset.gradeSavedAt ?? 0);
      if (saved >= w.tapAt) return { tapAt: w.tapAt, clickAt: w.clickAt, savedAt: saved };
      await new Promise((r) => setTimeout(r, 1));
    }
  });
  painted.push(end - tapAt);
  committed.push(savedAt - tapAt);
  both.push(Math.max(end, savedAt) - tapAt);
  handled.push(Math.max(end, savedAt) - clickAt);
  work.push(inDom - clickAt);
}
const stored = await countLog();
const slowTaps = await page.evaluate(() => (window as unknown as RawWindow).slowTaps);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const line = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms · p95 ${pct(xs, 95).toFixed(1)} ms · max ${Math.max(...xs).toFixed(1)} ms`;
console.log(`grade tap → next card shown, IndexedDB write included (${both.length} grades, ${stored} log entries stored):`);
console.log(`  touch start → next card painted AND grade committed: ${line(both)}  (target p95 ≤ 16 ms)`);
console.log(`    touch start → next card painted:                  ${line(painted)}`);
console.log(`    touch start → schedule + log committed:           ${line(committed)}`);
console.log(`  from the click handler (without the test driver's touch delivery: touchstart and touchend are two protocol round trips): ${line(handled)}`);
console.log(`  the app's own work, click handler → next card in the DOM (grade computed, write started): ${line(work)}`);
console.log('  (the rest is waiting for the next frame: rendering itself takes ~2 ms, see a trace)');
{
  // Event Timing durations come rounded to 8 ms; taps under 16 ms are not reported at all.
  const buckets = new Map<number, number>();
  for (const d of slowTaps) buckets.set(d, (buckets.get(d) ?? 0) + 1);
  const under = both.length - slowTaps.length;
  const sorted = [...slowTaps].sort((x, y) => x - y);
  const p95 = under >= both.length * 0.95 ? '< 16' : String(sorted[Math.ceil(both.length * 0.95) - under - 1]);
  console.log(
    `  Chromium's own Event Timing (finger lifted → next frame presented, as INP measures it; 8 ms steps): ` +
      `${under} of ${both.length} grade taps under 16 ms, ${[...buckets].sort((x, y) => x[0] - y[0]).map(([d, n]) => `${n} at ${d} ms`).join(', ') || 'none slower'}; p95 ${p95} ms`,
  );
}

// ------------------------------------------------------------------ 2. stats with 100k log entries

const seedStart = performance.now();
await page.evaluate(
  async ({ ids, n }) => {
    const DAY = 86_400_000;
    const now = Date.now();
    const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const db = await (window as unknown as RawWindow).rawDb();
    await new Promise<void>((done, fail) => {
      const tx = db.transaction(['reviewLog', 'schedules'], 'readwrite');
      const log = tx.objectStore('reviewLog');
      const last = new Map<string, { due: number; reviewedAt: number }>();
      for (let i = 0; i < n; i++) {
        // A year of history, oldest first, a few hundred reviews a day.
        const reviewedAt = now - 365 * DAY + Math.floor((i / n) * 365 * DAY);
        const cardId = ids[i % ids.length]!;
        const prev = last.get(cardId);
        const rating = i % 10 === 0 ? 1 : i % 7 === 0 ? 2 : i % 13 === 0 ? 4 : 3;
        const due = reviewedAt + (rating === 1 ? 600_000 : (1 + (i % 30)) * DAY);
        const before = prev
          ? { state: 'review', due: prev.due, stability: 5, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 3, lapses: 0, lastReview: prev.reviewedAt }
          : null;
        log.put({ id: uuid(i + 1), cardId, reviewedAt, rating, state: prev ? 'review' : 'new', elapsedDays: prev ? Math.floor((reviewedAt - prev.reviewedAt) / DAY) : 0, due, before });
        last.set(cardId, { due, reviewedAt });
      }
      const schedules = tx.objectStore('schedules');
      for (const [cardId, l] of last) {
        schedules.put({ cardId, state: 'review', due: l.due, stability: 20, difficulty: 5, scheduledDays: 10, learningSteps: 0, reps: 10, lapses: 1, lastReview: l.reviewedAt });
      }
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  },
  { ids: cardIds, n: LOG_ENTRIES },
);
const total = await countLog();
console.log(`seeded ${total} review-log entries in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

// The first visit sums the whole history once (and keeps the per-day totals); later visits
// read only the totals plus what came since. Both are reported.
const statsTimes: number[] = [];
let firstFigures = 0;
let shownToday = '';
for (let i = 0; i < STATS_RUNS; i++) {
  // A fresh page each time: nothing in memory; the per-day totals (after the first visit) come from localStorage.
  await page.goto(`${server.url}/drill`);
  await page.locator('.drill-stats-link').waitFor();
  // Two moments: the first figures on screen (today, forecast), and everything (history too).
  const ready = page.evaluate(
    () =>
      new Promise<{ first: number; full: number }>((resolve) => {
        let first = 0;
        const painted = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
        const check = async () => {
          if (!first && document.querySelector('[data-stats-shown]')) first = -1;
          const full = !!document.querySelector('[data-stats-ready]') && document.querySelectorAll('.chart svg').length === 2;
          if (first === -1) first = full ? 0 : await painted();
          if (full) {
            obs.disconnect();
            const t = await painted();
            resolve({ first: first || t, full: t });
          }
        };
        const obs = new MutationObserver(() => void check());
        obs.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
  await page.evaluate(() => {
    document.addEventListener('click', (e) => ((window as unknown as RawWindow).tapAt = e.timeStamp), { capture: true, once: true });
  });
  await page.locator('.drill-stats-link').tap();
  const { first, full: end } = await ready;
  const tapAt = await page.evaluate(() => (window as unknown as RawWindow).tapAt);
  statsTimes.push(end - tapAt);
  if (i === 0) firstFigures = first - tapAt;
  shownToday = (await page.locator('.stat-today').textContent()) ?? '';
  console.log(`stats ${String(i + 1).padStart(2)}: ${(end - tapAt).toFixed(1)} ms${i === 0 ? ' (first visit: whole log read and summed per day)' : ''}`);
}
const heat = await page.locator('.heat').count();
const warm = statsTimes.slice(1);
console.log(`stats screen with ${total} log entries (tap on Stats → figures and both charts painted, fresh page each time):`);
console.log(`  first visit (reads and sums the whole log once): today + forecast on screen after ${firstFigures.toFixed(1)} ms, everything after ${statsTimes[0]!.toFixed(1)} ms`);
if (warm.length) console.log(`  later visits (per-day totals + today's log): median ${pct(warm, 50).toFixed(1)} ms · p95 ${pct(warm, 95).toFixed(1)} ms · max ${Math.max(...warm).toFixed(1)} ms (target ≤ 300 ms)`);
console.log(`  shown: ${heat} heatmap days, ${shownToday} reviews today`);

await chromium.close();
await server.close();
