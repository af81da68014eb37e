// Sync benchmarks in Node, over the real sync code (src/lib/sync) and a CouchDB-protocol
// server started here (express-pouchdb, memory adapter, 127.0.0.1):
//  1. a 100,000-review log reaching a fresh device: pull into its mirror, add to its store,
//     replay every card's schedule (target ≤ 30 s);
//  2. an incremental sync of 20 new reviews: pushed by one device, pulled and applied by the
//     other (target ≤ 1 s).
// The server runs in a child process. Node devices' stores are fake-indexeddb (much slower than a
// browser's IndexedDB) and their mirrors PouchDB's memory adapter; a third device runs the same
// code in Chromium (bench-sync-chromium.ts) with real IndexedDB and PouchDB's idb adapter, as the
// app does: its figures are the ones a user waits for.
// Usage: npm run bench:sync [-- reviews] [--node-only]
import 'fake-indexeddb/auto';
import { openDeckhandDB } from '../src/lib/store/open.ts';
import { idbRepository } from '../src/lib/store/repository.ts';
import { applyLogChanges, replaceSchedules } from '../src/lib/store/sync-records.ts';
import { createScheduler, type Grade, type ReviewLogEntry, type Schedule } from '../src/lib/srs/index.ts';
import { SyncEngine } from '../src/lib/sync/engine.ts';
import { idbLocal } from '../src/lib/sync/local.ts';
import { databaseUrl, type SyncConfig } from '../src/lib/sync/server.ts';
import type { SyncDoc } from '../src/lib/sync/docs.ts';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { nodePouch } from '../tests/unit/sync/couch-server.ts';
import { chromiumDevice } from './bench-sync-chromium.ts';

const REVIEWS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const CHROMIUM = !process.argv.includes('--node-only');
const CARDS = 2_000;
const DAY = 86_400_000;
const PouchDB = nodePouch();
// The server runs in its own process, as a real server would: its work is not timed as the devices'
// (an in-memory express-pouchdb is far slower than CouchDB: its CPU time is printed apart).
const serverProcess = spawn(
  process.execPath,
  ['--import', 'tsx', '-e', "process.on('message', () => process.send(process.cpuUsage())); import('./tests/unit/sync/couch-server.ts').then(async (m) => console.log((await m.startCouchServer({ ana: 'secret' })).url))"],
  { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
);
const [firstLine] = (await once(serverProcess.stdout!, 'data')) as [Buffer];
async function serverCpu(): Promise<number> {
  serverProcess.send('cpu');
  const [usage] = (await once(serverProcess, 'message')) as [NodeJS.CpuUsage];
  return (usage.user + usage.system) / 1000;
}
const serverUrl = firstLine.toString().trim();
const config: SyncConfig = { url: serverUrl, user: 'ana', password: 'secret', db: 'deckhand-bench' };

async function device(name: string) {
  const db = await openDeckhandDB({ name });
  const mirror = new PouchDB<SyncDoc>(`${name}-mirror`, { adapter: 'memory' });
  const remote = new PouchDB<SyncDoc>(databaseUrl(config), { adapter: 'http', skip_setup: true, auth: { username: config.user, password: config.password } });
  const engine = new SyncEngine({
    mirror,
    remote,
    local: idbLocal(db),
    config,
    probe: { fetch: (input, init) => fetch(input, init), online: () => true },
    now: () => Date.now(),
    onStatus: () => {},
    onApplied: () => {},
    live: false,
  });
  return { db, repo: idbRepository(db), engine };
}

/** A realistic history: CARDS cards, each graded in turn over months, through the app's scheduler. */
function history(n: number, start: number): { log: ReviewLogEntry[]; schedules: Map<string, Schedule> } {
  const scheduler = createScheduler();
  const schedules = new Map<string, Schedule>();
  const log: ReviewLogEntry[] = [];
  for (let i = 0; i < n; i++) {
    const cardId = `docker:card-${i % CARDS}`;
    const at = start + Math.floor(i / CARDS) * 3 * DAY + (i % CARDS) * 1000;
    const r = scheduler.grade({ cardId, schedule: schedules.get(cardId), rating: ((i * 7) % 10 === 0 ? 1 : 3) as Grade, now: new Date(at), newId: () => crypto.randomUUID() });
    schedules.set(cardId, r.schedule);
    log.push(r.log);
  }
  return { log, schedules };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** Wall time, this process's CPU time (user + system): on a shared, loaded machine it says more; and the server's. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number, number, number]> {
  const s0 = await serverCpu();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await fn();
  const cpu = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  return [result, wall, (cpu.user + cpu.system) / 1000, (await serverCpu()) - s0];
}
const cpuNote = (ms: number, server: number) => `(device CPU ${seconds(ms)}, server CPU ${seconds(server)})`;

const phone = await device('bench-phone');
const { log, schedules } = history(REVIEWS, Date.UTC(2025, 0, 1));
await applyLogChanges(phone.db, log, []);
await replaceSchedules(phone.db, schedules);
console.log(`Phone: ${log.length.toLocaleString('en')} reviews of ${CARDS.toLocaleString('en')} cards in its store.`);

const [, upload, uploadCpu, uploadServer] = await timed(() => phone.engine.start());
console.log(`  first sync, upload to the server:       ${seconds(upload)} ${cpuNote(uploadCpu, uploadServer)}`);

const laptop = await device('bench-laptop');
const [problem, fresh, freshCpu, freshServer] = await timed(() => laptop.engine.start());
if (problem) throw new Error(`laptop sync failed: ${problem}`);
const got = await laptop.repo.countLog();
const same = JSON.stringify((await laptop.repo.getSchedules()).sort((a, b) => (a.cardId < b.cardId ? -1 : 1))) ===
  JSON.stringify((await phone.repo.getSchedules()).sort((a, b) => (a.cardId < b.cardId ? -1 : 1)));
console.log(`Fresh laptop: ${got.toLocaleString('en')} reviews, schedules ${same ? 'identical' : 'DIFFERENT'} to the phone's`);
console.log(`  ${REVIEWS.toLocaleString('en')}-review log to a fresh device:   ${seconds(fresh)} ${cpuNote(freshCpu, freshServer)}   (target ≤ 30 s)`);

const tablet = CHROMIUM ? await chromiumDevice() : null;
if (tablet) {
  const f = await tablet.fresh(config);
  const sameAsPhone = (await tablet.schedules()) === JSON.stringify((await phone.repo.getSchedules()).sort((a, b) => (a.cardId < b.cardId ? -1 : 1)));
  console.log(`Fresh Chromium tablet: ${f.reviews.toLocaleString('en')} reviews, schedules ${sameAsPhone ? 'identical' : 'DIFFERENT'} to the phone's`);
  console.log(`  ${REVIEWS.toLocaleString('en')}-review log to a fresh device, Chromium: ${seconds(f.ms)} (main thread busy ${seconds(f.mainThreadMs)})   (target ≤ 30 s)`);
}

// Each direction has its own checkpoint: the phone's first pull from the server still has its own
// upload to walk past (already present, so nothing is fetched). Live replication does that in the
// background right after a first sync; the incremental figure below is the steady state after it.
const [, settle, settleCpu, settleServer] = await timed(async () => {
  await phone.engine.round();
  await laptop.engine.round();
});
console.log(`Settling round (each device walks past the other's copy of its upload): ${seconds(settle)} ${cpuNote(settleCpu, settleServer)}`);

const scheduler = createScheduler();
const now = Date.UTC(2026, 0, 1);
for (let i = 0; i < 20; i++) {
  const cardId = `docker:card-${i * 37}`;
  await phone.repo.saveReview(scheduler.grade({ cardId, schedule: await phone.repo.getSchedule(cardId), rating: 3, now: new Date(now + i * 1000), newId: () => crypto.randomUUID() }));
  phone.engine.localChanged(300, [cardId]); // what the app's storage change listener does after a grade
}
const [, push, pushCpu, pushServer] = await timed(() => phone.engine.round());
const [, pull, pullCpu, pullServer] = await timed(() => laptop.engine.round());
console.log(`Incremental, 20 new reviews: phone push ${seconds(push)}, laptop pull + apply ${seconds(pull)}`);
console.log(`  incremental sync of 20 reviews:         ${seconds(push + pull)} ${cpuNote(pushCpu + pullCpu, pushServer + pullServer)}   (target ≤ 1 s)`);
if (tablet) {
  const t = await tablet.round();
  console.log(`  incremental, Chromium tablet pull + apply: ${seconds(t.ms)} (main thread busy ${seconds(t.mainThreadMs)}); with the phone's push ${seconds(push + t.ms)}   (target ≤ 1 s); ${t.reviews.toLocaleString('en')} reviews`);
  await tablet.close();
}
console.log(`Load average while measuring: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
console.log(`  laptop now has ${(await laptop.repo.countLog()).toLocaleString('en')} reviews`);

phone.engine.stop();
laptop.engine.stop();
serverProcess.kill();
process.exit(0);
