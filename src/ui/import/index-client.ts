/**
 * The main thread's side of the index worker: one worker, created on first use, requests
 * matched to replies by id. A worker that dies fails its pending requests instead of hanging.
 */
import type { ImportFailure, IndexedNote, IndexPhase, IndexRequest, IndexResponse } from './protocol.ts';

export type IndexOutcome = { ok: true; note: IndexedNote } | { ok: false; error: ImportFailure };
type Request = IndexRequest extends infer R ? (R extends IndexRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  done: (outcome: IndexOutcome) => void;
  progress?: (phase: IndexPhase, fraction: number) => void;
}

export class IndexClient {
  #worker: Worker | undefined;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  index(request: Request, progress?: Pending['progress']): Promise<IndexOutcome> {
    const id = this.#nextId++;
    return new Promise((done) => {
      this.#pending.set(id, { done, progress });
      const message = { ...request, id } as IndexRequest;
      const transfer = message.kind === 'bytes' ? [message.bytes] : [];
      try {
        this.#ensure().postMessage(message, transfer);
      } catch (error) {
        this.#pending.delete(id);
        done({ ok: false, error: { code: 'crash', message: String(error) } });
      }
    });
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('../../workers/index.worker.ts', import.meta.url), { type: 'module', name: 'deckhand-index' });
    worker.onmessage = (event: MessageEvent<IndexResponse>) => {
      const reply = event.data;
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      if (reply.type === 'progress') return pending.progress?.(reply.phase, reply.fraction);
      this.#pending.delete(reply.id);
      pending.done(reply.type === 'done' ? { ok: true, note: reply.note } : { ok: false, error: reply.error });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.#failAll(event.message || 'the indexing worker stopped');
    };
    this.#worker = worker;
    return worker;
  }

  #failAll(message: string) {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.done({ ok: false, error: { code: 'crash', message } });
    this.#pending.clear();
  }
}
