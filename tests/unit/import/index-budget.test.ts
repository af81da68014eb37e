import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexClient, type IndexWorker } from '../../../src/ui/import/index-client.ts';
import type { IndexRequest, IndexResponse } from '../../../src/ui/import/protocol.ts';

/** A worker that answers every note at once, except notes named "slow…", which never finish. */
class FakeWorker implements IndexWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<IndexResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: IndexRequest): void {
    if (message.file.startsWith('slow')) return;
    const note = { text: '', encoding: 'utf-8' as const, cards: [], warnings: [], meta: { deck: message.file }, ms: 1 };
    queueMicrotask(() => {
      if (!this.terminated) this.onmessage?.({ data: { id: message.id, type: 'done', note } } as unknown as MessageEvent<IndexResponse>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
  FakeWorker.made = [];
});

describe('the import time budget', () => {
  it('stops a note that runs past the budget, names it, and goes on with the queue', async () => {
    vi.useFakeTimers();
    const client = new IndexClient({ budgetMs: 5_000, spawn: () => new FakeWorker() });
    const slow = client.index({ kind: 'text', text: 'x', file: 'slow-note.md' });
    const next = client.index({ kind: 'text', text: 'y', file: 'next.md' });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(FakeWorker.made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await slow).toEqual({ ok: false, error: { code: 'timeout', file: 'slow-note.md', seconds: 5 } });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    const after = await next;
    expect(after.ok && after.note.meta.deck).toBe('next.md');
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('gives a note that finishes in time its cards, and later notes reuse the worker', async () => {
    vi.useFakeTimers();
    const client = new IndexClient({ budgetMs: 5_000, spawn: () => new FakeWorker() });
    const a = await client.index({ kind: 'text', text: 'a', file: 'a.md' });
    await vi.advanceTimersByTimeAsync(10_000);
    const b = await client.index({ kind: 'text', text: 'b', file: 'b.md' });
    expect(a.ok && b.ok).toBe(true);
    expect(FakeWorker.made).toHaveLength(1);
  });
});
