/**
 * Card ids are what users' review history hangs on, so an id may only disappear on purpose.
 *
 * card-ids.json is the snapshot of every bundled card id. The test fails when an id in the
 * snapshot is gone from content/ and neither its id nor its key is listed in
 * content/retired.json ([{ "id", "key", "reason" }]). New ids are only reported.
 *
 * Refresh the snapshot after adding cards (or after retiring some):
 *   UPDATE_IDS=1 npx vitest run --project unit tests/unit/deck/ids.test.ts
 * It refuses to drop an unretired id, so the snapshot can never hide a lost card.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, DECK_TEST_DIR, loadDeck, readJson } from './deck.ts';

interface SnapshotEntry {
  id: string;
  key: string;
  kind: string;
}
interface Retired {
  id: string;
  key: string;
  reason: string;
}

const SNAPSHOT = join(DECK_TEST_DIR, 'card-ids.json');
const RETIRED = join(CONTENT_DIR, 'retired.json');

const current: SnapshotEntry[] = loadDeck()
  .cards.map((c) => ({ id: c.id, key: c.key, kind: c.kind }))
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const snapshot: SnapshotEntry[] = existsSync(SNAPSHOT) ? readJson<SnapshotEntry[]>(SNAPSHOT) : [];
const retired: Retired[] = readJson<Retired[]>(RETIRED);

describe('card id snapshot', () => {
  it('content/retired.json lists {id, key, reason} entries with a reason each', () => {
    expect(Array.isArray(retired)).toBe(true);
    const bad = retired.filter(
      (r) => typeof r.id !== 'string' || typeof r.key !== 'string' || !r.reason?.trim() || !(r.id || r.key),
    );
    expect(bad).toEqual([]);
  });

  it('no id from the snapshot disappears unless it is retired', () => {
    const now = new Set(current.map((c) => c.id));
    const retiredIds = new Set(retired.map((r) => r.id));
    const retiredKeys = new Set(retired.map((r) => r.key));
    const lost = snapshot
      .filter((s) => !now.has(s.id) && !retiredIds.has(s.id) && !retiredKeys.has(s.key))
      .map((s) => `${s.id} (${s.kind} "${s.key}")`);
    expect(lost, 'card ids vanished: restore the key or list it in content/retired.json').toEqual([]);

    const known = new Set(snapshot.map((s) => s.id));
    const added = current.filter((c) => !known.has(c.id));
    if (process.env.UPDATE_IDS === '1') {
      // One entry per line keeps snapshot diffs readable.
      writeFileSync(SNAPSHOT, `[\n${current.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`);
      console.info(`[deck] card-ids.json refreshed: ${current.length} ids (${added.length} new).`);
    } else if (added.length > 0) {
      console.info(
        `[deck] ${added.length} new card ids not in card-ids.json (refresh with UPDATE_IDS=1):\n` +
          added.map((c) => `  + ${c.id} (${c.kind} "${c.key}")`).join('\n'),
      );
    }
  });

  it('the snapshot exists and lists each id once', () => {
    expect(snapshot.length, 'generate it with UPDATE_IDS=1').toBeGreaterThan(0);
    expect(new Set(snapshot.map((s) => s.id)).size).toBe(snapshot.length);
  });
});
