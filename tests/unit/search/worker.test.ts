import { describe, expect, it } from 'vitest';
import { createSearchClient, type SearchPort } from '../../../src/lib/search/client.ts';
import { buildSearchIndex } from '../../../src/lib/search/index.ts';
import type { SearchResponse } from '../../../src/lib/search/protocol.ts';
import { createSearchService } from '../../../src/lib/search/service.ts';
import { fixtureCards } from '../../fixtures/search/deck.ts';

/** A worker stand-in: the same service the worker runs, answering asynchronously in order; `die()` fails it as a crashed worker does. */
function fakeWorker(): SearchPort & { die(message: string): void } {
  const handle = createSearchService(
    () => 0,
    (bytes) => new TextDecoder().decode(bytes),
  );
  const listeners: Array<(event: { data: SearchResponse }) => void> = [];
  const errorListeners: Array<(event: { message?: string }) => void> = [];
  let alive = true;
  return {
    postMessage(message) {
      if (!alive) return; // a dead worker answers nothing
      // Structured clone, as postMessage does: the answer must survive it.
      const request = structuredClone(message);
      setTimeout(() => {
        if (!alive) return;
        const data = structuredClone(handle(request));
        for (const l of listeners) l({ data });
      }, 0);
    },
    addEventListener(type: 'message' | 'error', listener: ((event: { data: SearchResponse }) => void) | ((event: { message?: string }) => void)) {
      if (type === 'error') errorListeners.push(listener as (event: { message?: string }) => void);
      else listeners.push(listener as (event: { data: SearchResponse }) => void);
    },
    die(message) {
      alive = false;
      for (const l of errorListeners) l({ message });
    },
  };
}

describe('search worker protocol', () => {
  it('answers like the index itself once loaded', async () => {
    const client = createSearchClient(fakeWorker());
    expect(await client.load(fixtureCards)).toMatchObject({ size: fixtureCards.length });
    const direct = buildSearchIndex(fixtureCards).search('-P', { limit: 3 });
    expect(await client.search('-P', { limit: 3 })).toEqual(direct);
  });

  it('takes the bundled deck as its JSON bytes, ahead of the cards sent as objects, and says what it corrected', async () => {
    const client = createSearchClient(fakeWorker());
    const [first, ...rest] = fixtureCards;
    const bytes = new TextEncoder().encode(JSON.stringify(rest)).buffer;
    expect(await client.load([first!], bytes)).toMatchObject({ size: fixtureCards.length });
    const direct = buildSearchIndex([...rest, first!]);
    for (const query of ['-P', 'rmi', first!.key]) expect(await client.search(query, { limit: 5 }), query).toEqual(direct.search(query, { limit: 5 }));
    client.warm(); // finishing the index changes no answer
    for (const query of ['-P', 'rmi', 'dokcer']) expect(await client.search(query, { limit: 5 }), query).toEqual(direct.search(query, { limit: 5 }));
    expect(await client.correct('dokcer rmi')).toBe(direct.correct('dokcer rmi'));
    expect(await client.correct('dokcer rmi')).toBeDefined();
    expect(await client.correct('docker rmi')).toBeUndefined();
  });

  it('drops an answer that a newer search overtook', async () => {
    const client = createSearchClient(fakeWorker());
    await client.load(fixtureCards);
    const older = client.search('do');
    const newer = client.search('docker rmi');
    expect(await older).toBeNull();
    expect((await newer)?.[0]?.card.key).toBe('docker rmi');
  });

  it('answers every load, in order, and the latest cards win', async () => {
    const client = createSearchClient(fakeWorker());
    const first = client.load(fixtureCards.slice(0, 3));
    const second = client.load(fixtureCards);
    expect((await first).size).toBe(3);
    expect((await second).size).toBe(fixtureCards.length);
    expect((await client.search('rmi'))?.[0]?.card.key).toBe('docker rmi');
  });

  it('suggests, and answers before any cards arrive', async () => {
    const client = createSearchClient(fakeWorker());
    expect(await client.search('docker')).toEqual([]);
    await client.load(fixtureCards);
    expect(await client.suggest('exprto', 2)).toContain('docker export');
  });

  it('fails what waits on a worker that died, and everything asked of it after', async () => {
    const worker = fakeWorker();
    const client = createSearchClient(worker);
    const load = client.load(fixtureCards);
    const search = client.search('rmi');
    worker.die('out of memory');
    await expect(load).rejects.toThrow('the search worker stopped: out of memory');
    await expect(search).rejects.toThrow('out of memory');
    await expect(client.search('rm')).rejects.toThrow('the search worker stopped');
    await expect(client.load(fixtureCards)).rejects.toThrow('the search worker stopped');
  });
});
