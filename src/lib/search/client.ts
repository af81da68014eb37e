import type { Card } from '../notes/card.ts';
import type { SearchHit, SearchOptions } from './index.ts';
import type { SearchRequest, SearchResponse } from './protocol.ts';

/** What the client needs of a Worker (structural, so this file stays free of DOM types). */
export interface SearchPort {
  postMessage(message: SearchRequest): void;
  addEventListener(type: 'message', listener: (event: { data: SearchResponse }) => void): void;
  /** The worker itself failed (its script did not load, or it ran out of memory). */
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

export interface SearchClient {
  /**
   * Sends the cards (after the bundled deck's JSON bytes, when given); resolves once the
   * worker's index is built and warm, rejects if it could not be.
   */
  load(cards: Card[], bundled?: ArrayBuffer): Promise<{ size: number; buildMs: number }>;
  /** Resolves with the hits, or with null when a newer search was sent before this one answered. */
  search(query: string, opts?: SearchOptions): Promise<SearchHit[] | null>;
  suggest(query: string, limit?: number): Promise<string[]>;
  /** The query as the index read it, when it corrected a misspelling (see SearchIndex.correct). */
  correct(query: string): Promise<string | undefined>;
  /**
   * Has the worker finish indexing now (a few hundred ms on a phone), after what was already
   * asked: send it after the first query, so that query is not kept waiting.
   */
  warm(): void;
}

/**
 * Talks to `src/workers/search.worker.ts`: ids on every query, stale answers dropped. A worker
 * that dies fails every request, then and after, instead of leaving them waiting for ever.
 */
export function createSearchClient(port: SearchPort): SearchClient {
  let nextId = 1;
  let latestSearch = 0;
  let dead: Error | null = null;
  const pending = new Map<number, (r: SearchResponse) => void>();
  // The worker answers messages in order, so loads are answered first in, first out.
  const loads: Array<{ resolve: (r: { size: number; buildMs: number }) => void; reject: (e: Error) => void }> = [];

  port.addEventListener('error', (event) => {
    dead = new Error(`the search worker stopped${event.message ? `: ${event.message}` : ''}`);
    for (const load of loads.splice(0)) load.reject(dead);
    for (const [id, answer] of pending) answer({ type: 'error', id, message: dead.message });
    pending.clear();
  });

  port.addEventListener('message', ({ data }) => {
    if (data.type === 'loaded') loads.shift()?.resolve({ size: data.size, buildMs: data.buildMs });
    else if ('id' in data && data.id !== undefined) {
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    } else if (data.type === 'error') loads.shift()?.reject(new Error(data.message));
  });

  const ask = (message: SearchRequest & { id: number }) =>
    new Promise<SearchResponse>((resolve) => {
      if (dead) return resolve({ type: 'error', id: message.id, message: dead.message });
      pending.set(message.id, resolve);
      port.postMessage(message);
    });

  return {
    load(cards, bundled) {
      return new Promise((resolve, reject) => {
        if (dead) return reject(dead);
        loads.push({ resolve, reject });
        port.postMessage(bundled ? { type: 'load', cards, bundled } : { type: 'load', cards });
      });
    },
    async search(query, opts) {
      const id = (latestSearch = nextId++);
      const r = await ask(opts ? { type: 'search', id, query, opts } : { type: 'search', id, query });
      if (r.type === 'error') throw new Error(r.message);
      return id === latestSearch && r.type === 'hits' ? r.hits : null;
    },
    async suggest(query, limit) {
      const id = nextId++;
      const r = await ask(limit === undefined ? { type: 'suggest', id, query } : { type: 'suggest', id, query, limit });
      if (r.type === 'error') throw new Error(r.message);
      return r.type === 'suggestions' ? r.suggestions : [];
    },
    warm() {
      if (!dead) port.postMessage({ type: 'warm' });
    },
    async correct(query) {
      const r = await ask({ type: 'correct', id: nextId++, query });
      if (r.type === 'error') throw new Error(r.message);
      return r.type === 'corrected' ? r.corrected : undefined;
    },
  };
}
