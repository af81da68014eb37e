/**
 * The main thread's side of the index worker. Requests run one at a time, each within a time
 * budget: a note that takes longer is stopped (the worker is ended and a fresh one takes the
 * next request), so one pathological note never wedges the imports queued behind it. A worker
 * that dies fails its request instead of hanging.
 */
import type { ImportFailure, IndexedNote, IndexPhase, IndexRequest, IndexResponse } from './protocol.ts';

export type IndexOutcome = { ok: true; note: IndexedNote } | { ok: false; error: ImportFailure };
type Request = IndexRequest extends infer R ? (R extends IndexRequest ? Omit<R, 'id'> : never) : never;

/** Ample for a 5 MB note on a slow phone (about 2 s on a laptop); a wedged note is stopped in half a minute. */
export const INDEX_BUDGET_MS = 30_000;

/** What the client needs of a Worker (a fake in tests). */
export interface IndexWorker {
  postMessage(message: IndexRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<IndexResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface Job {
  id: number;
  request: Request;
  done: (outcome: IndexOutcome) => void;
  progress?: (phase: IndexPhase, fraction: number) => void;
}

function spawnWorker(): IndexWorker {
  return new Worker(new URL('../../workers/index.worker.ts', import.meta.url), { type: 'module', name: 'deckhand-index' });
}

export class IndexClient {
  #worker: IndexWorker | undefined;
  #queue: Job[] = [];
  #running: Job | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #nextId = 1;
  #budgetMs: number;
  #spawn: () => IndexWorker;

  constructor(options: { budgetMs?: number; spawn?: () => IndexWorker } = {}) {
    this.#budgetMs = options.budgetMs ?? INDEX_BUDGET_MS;
    this.#spawn = options.spawn ?? spawnWorker;
  }

  index(request: Request, progress?: Job['progress']): Promise<IndexOutcome> {
    return new Promise((done) => {
      this.#queue.push({ id: this.#nextId++, request, done, ...(progress ? { progress } : {}) });
      this.#next();
    });
  }

  #next() {
    if (this.#running) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#running = job;
    const message = { ...job.request, id: job.id } as IndexRequest;
    const transfer = message.kind === 'bytes' ? [message.bytes] : [];
    try {
      this.#ensure().postMessage(message, transfer);
    } catch (error) {
      return this.#finish(job, { ok: false, error: { code: 'crash', message: String(error) } });
    }
    this.#timer = setTimeout(() => {
      // The worker is busy in the indexer and cannot be interrupted: end it; the next job gets a new one.
      this.#stopWorker();
      this.#finish(job, { ok: false, error: { code: 'timeout', file: job.request.file, seconds: Math.round(this.#budgetMs / 1000) } });
    }, this.#budgetMs);
  }

  #finish(job: Job, outcome: IndexOutcome) {
    if (this.#running !== job) return;
    clearTimeout(this.#timer);
    this.#running = undefined;
    job.done(outcome);
    this.#next();
  }

  #ensure(): IndexWorker {
    if (this.#worker) return this.#worker;
    const worker = this.#spawn();
    worker.onmessage = (event: MessageEvent<IndexResponse>) => {
      const reply = event.data;
      const job = this.#running;
      if (worker !== this.#worker || !job || reply.id !== job.id) return;
      if (reply.type === 'progress') return job.progress?.(reply.phase, reply.fraction);
      this.#finish(job, reply.type === 'done' ? { ok: true, note: reply.note } : { ok: false, error: reply.error });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker !== this.#worker) return;
      this.#stopWorker();
      const job = this.#running;
      if (job) this.#finish(job, { ok: false, error: { code: 'crash', message: event.message || 'the indexing worker stopped' } });
    };
    this.#worker = worker;
    return worker;
  }

  #stopWorker() {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
