/** Two devices, one CouchDB-protocol server: what each ends with after syncing. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler, type Grade, type ReviewLogEntry } from '../../../src/lib/srs/index.ts';
import { startCouchServer, type CouchServer } from './couch-server.ts';
import { device, progressOf, sampleDeck, type Device } from './devices.ts';

let server: CouchServer;
const open: Device[] = [];
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.close());
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

/** A phone and a laptop on a database of their own (one per test keeps the logs apart). */
let pairs = 0;
async function phoneAndLaptop(): Promise<[Device, Device]> {
  const db = `deckhand-pair${++pairs}`;
  const phone = await device(server.url, { db });
  const laptop = await device(server.url, { db, now: Date.UTC(2026, 0, 5, 9, 30) });
  open.push(phone, laptop);
  return [phone, laptop];
}

/** Every device syncs, twice round, as both being online a while does. */
async function syncAll(...devices: Device[]) {
  for (let round = 0; round < 2; round++) for (const d of devices) expect(await d.engine.start()).toBeNull();
}

describe('sync between two devices', () => {
  it('ends with the union of both review logs, nothing lost and nothing doubled', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.grade('c1', 3);
    await phone.grade('c2', 3);
    await laptop.grade('c2', 1);
    await laptop.grade('c3', 4);
    await syncAll(phone, laptop);
    const p = await progressOf(phone);
    const l = await progressOf(laptop);
    expect(p.logIds).toHaveLength(4);
    expect(l.logIds).toEqual(p.logIds);
    expect(l.schedules).toEqual(p.schedules);
    expect(p.schedules.map((s) => s.cardId)).toEqual(['c1', 'c2', 'c3']);
    await syncAll(phone, laptop);
    expect((await progressOf(phone)).logIds).toHaveLength(4);
  });

  it('rebuilds a card graded on both devices to the schedule of the merged history', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.grade('c', 3);
    phone.clock.now += 3 * 86_400_000;
    await phone.grade('c', 1); // a lapse on the phone
    laptop.clock.now += 1 * 86_400_000;
    await laptop.grade('c', 4);
    await syncAll(phone, laptop);

    const merged = (await phone.repo.getLog()).sort((x, y) => x.reviewedAt - y.reviewedAt);
    expect(merged).toHaveLength(3);
    const scheduler = createScheduler();
    let fromScratch: ReturnType<typeof scheduler.grade>['schedule'] | null = null;
    for (const e of merged) fromScratch = scheduler.grade({ cardId: 'c', schedule: fromScratch, rating: e.rating as Grade, now: new Date(e.reviewedAt), newId: () => e.id }).schedule;
    expect(await phone.repo.getSchedule('c')).toEqual(fromScratch);
    expect(await laptop.repo.getSchedule('c')).toEqual(fromScratch);
    expect(fromScratch!.lapses).toBe(1);
  });

  it('uploads what a device had before its first sync, and a fresh device gets all of it', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    for (let i = 0; i < 30; i++) await phone.grade(`card-${i % 7}`, ((i % 4) + 1) as Grade);
    await phone.repo.saveDeck(sampleDeck('mine', 'My notes'));
    await phone.repo.saveSettings({ newPerDay: 7, desiredRetention: 0.85 });
    phone.lang.value = 'zh';
    await syncAll(phone, laptop);
    expect(await progressOf(laptop)).toEqual(await progressOf(phone));
    expect((await laptop.repo.getDecks()).map((d) => d.name)).toEqual(['My notes']);
    expect((await laptop.repo.getSettings()).newPerDay).toBe(7);
    expect((await laptop.repo.getSettings()).desiredRetention).toBe(0.85);
    expect(laptop.lang.value).toBe('zh');
  });

  it('carries an undo to the other device', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.grade('c1', 3);
    await phone.grade('c2', 3);
    await syncAll(phone, laptop);
    const latest = (await phone.repo.getLog({ cardId: 'c2' }))[0] as ReviewLogEntry;
    await phone.repo.undoReview(latest.id);
    await syncAll(phone, laptop);
    expect((await progressOf(laptop)).logIds).toEqual((await progressOf(phone)).logIds);
    expect(await laptop.repo.getSchedule('c2')).toBeUndefined();
  });

  it('keeps both versions of a deck edited on both devices: the newest wins, the other can be restored', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.repo.saveDeck(sampleDeck('d', 'Docker'));
    await syncAll(phone, laptop);
    laptop.clock.now = Date.UTC(2026, 1, 1, 10);
    phone.clock.now = Date.UTC(2026, 1, 1, 11); // the phone's edit is the newer one…
    await laptop.repo.saveDeck(sampleDeck('d', 'Docker (laptop)'));
    await phone.repo.saveDeck(sampleDeck('d', 'Docker (phone)'));
    // …but the laptop syncs last: a real conflict, which the newer edit must win.
    await phone.engine.start();
    await laptop.engine.start();
    await syncAll(phone, laptop);
    expect((await phone.repo.getDecks()).map((d) => d.name)).toEqual(['Docker (phone)']);
    expect((await laptop.repo.getDecks()).map((d) => d.name)).toEqual(['Docker (phone)']);
    for (const d of [phone, laptop]) {
      const kept = await d.mirror.allDocs({ startkey: 'deckv:', endkey: 'deckv:\ufff0', include_docs: true });
      expect(kept.rows.map((r) => (r.doc as unknown as { deck: { name: string } }).deck.name)).toContain('Docker (laptop)');
    }
    // Restoring the kept version is an edit like any other: it reaches the phone.
    laptop.clock.now = Date.UTC(2026, 1, 2);
    await laptop.repo.saveDeck(sampleDeck('d', 'Docker (laptop)'));
    await syncAll(laptop, phone);
    expect((await phone.repo.getDecks()).map((d) => d.name)).toEqual(['Docker (laptop)']);
  });

  it('deletes a deck on the other device too, keeping its review history', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.repo.saveDeck(sampleDeck('d', 'Docker'));
    await phone.grade('d:card', 3);
    await syncAll(phone, laptop);
    expect(await laptop.repo.getDeck('d')).toBeDefined();
    await phone.repo.deleteDeck('d');
    await syncAll(phone, laptop);
    expect(await laptop.repo.getDecks()).toEqual([]);
    expect(await laptop.repo.getLog({ cardId: 'd:card' })).toHaveLength(1);
    expect(await laptop.repo.getSchedule('d:card')).toBeDefined();
    // A later sync does not bring it back.
    await syncAll(laptop, phone);
    expect(await phone.repo.getDecks()).toEqual([]);
  });
});

describe('what a device changes between two syncs', () => {
  /** What the app's storage listener does after a grade or an undo; the test syncs by itself, not on the timer. */
  const announce = (d: Device, cardId: string) => d.engine.localChanged(60_000, [cardId]);

  it('brings an undo and a new grade made between syncs to the other device', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.grade('c1', 3);
    await phone.grade('c2', 3);
    await syncAll(phone, laptop);
    const undone = (await phone.repo.getLog({ cardId: 'c1' }))[0] as ReviewLogEntry;
    await phone.repo.undoReview(undone.id);
    announce(phone, 'c1');
    await phone.grade('c3', 4);
    announce(phone, 'c3');
    await syncAll(phone, laptop);
    const p = await progressOf(phone);
    expect(p.logIds).toHaveLength(2);
    expect(p.logIds).not.toContain(undone.id);
    expect(await progressOf(laptop)).toEqual(p);
  });

  it('loses nothing when the store refused a batch from the server and the page was reloaded', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.grade('c1', 3);
    await syncAll(phone, laptop);
    for (const card of ['c2', 'c3', 'c4']) await phone.grade(card, 3);
    expect(await phone.engine.start()).toBeNull();
    laptop.faults.applyLog = 1;
    expect(await laptop.engine.start()).toBe('quota'); // the reviews reached its mirror, not its store
    laptop.reload();
    await syncAll(laptop, phone);
    const p = await progressOf(phone);
    expect(p.logIds).toHaveLength(4);
    expect(await progressOf(laptop)).toEqual(p);
  });
});

describe('a wrong password', () => {
  it('says so and changes nothing on the device or the server', async () => {
    const db = `deckhand-auth${++pairs}`;
    const phone = await device(server.url, { db, password: 'wrong' });
    open.push(phone);
    await phone.grade('c1', 3);
    await phone.repo.saveDeck(sampleDeck('d'));
    const before = { progress: await progressOf(phone), decks: await phone.repo.getDecks(), settings: await phone.repo.getSettings() };
    const seen = server.requests.length;
    expect(await phone.engine.start()).toBe('auth');
    expect(phone.statuses.at(-1)).toEqual({ kind: 'error', problem: 'auth' });
    expect({ progress: await progressOf(phone), decks: await phone.repo.getDecks(), settings: await phone.repo.getSettings() }).toEqual(before);
    expect(server.requests.slice(seen).filter((r) => !r.startsWith('GET '))).toEqual([]);
  });
});
