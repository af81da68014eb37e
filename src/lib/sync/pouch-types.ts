/**
 * The part of PouchDB's API sync uses, typed here: DefinitelyTyped's @types/pouchdb-core
 * redeclares Node's global `Buffer`, which breaks unrelated Node code in this project.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
}

export type WriteResult = { ok: true; id: string; rev: string } | { error: true | string; id: string; status?: number; message?: string };

export interface ChangesBatch<T> {
  results: Array<{ id: string; seq: number | string; deleted?: boolean; changes: Array<{ rev: string }>; doc?: T & PouchDoc }>;
  last_seq: number | string;
}

export type RevsDiff = Record<string, { missing: string[] }>;

export interface ReplicateOptions {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  batches_limit?: number;
  back_off_function?: (delay: number) => number;
  /** Start from this source sequence (and checkpoint it) instead of the saved checkpoint. */
  since?: number | string;
}

export interface ReplicationResult {
  docs_written: number;
  /** The source's sequence it got to (and checkpointed). */
  last_seq: number | string;
}

/** A one-way replication: a promise of its result, with an event per batch written. */
export interface Replication<T> extends PromiseLike<ReplicationResult> {
  on(event: 'change', fn: (info: { docs?: Array<T & PouchDoc> }) => void): Replication<T>;
  cancel(): void;
}

/** A live two-way replication: an event emitter that can be cancelled. */
export interface LiveSync {
  on(event: 'change', fn: (info: { direction: 'push' | 'pull' }) => void): LiveSync;
  on(event: 'paused', fn: (err?: unknown) => void): LiveSync;
  on(event: 'active', fn: () => void): LiveSync;
  on(event: 'error', fn: (err: unknown) => void): LiveSync;
  cancel(): void;
}

export interface Pouch<T extends object = object> {
  /** The adapter it runs on: 'idb', 'memory', 'http'. */
  readonly adapter?: string;
  get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<T & PouchDoc>;
  put(doc: T & PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  remove(id: string, rev: string): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: Array<T & PouchDoc>): Promise<WriteResult[]>;
  allDocs(options: { startkey?: string; endkey?: string; include_docs?: boolean; limit?: number }): Promise<{
    total_rows: number;
    rows: Array<{ id: string; value: { rev: string }; doc?: T & PouchDoc }>;
  }>;
  /** One row per key, in order; `error` for a key the database does not have. */
  allDocs(options: { keys: string[] }): Promise<{ rows: Array<{ id: string; value: { rev: string } } | { key: string; error: string }> }>;
  /** Which of these revisions (by document id) the database does not have. */
  revsDiff(request: Record<string, string[]>): Promise<RevsDiff>;
  changes(options: { since: number | string; limit?: number; include_docs?: boolean; conflicts?: boolean; style?: 'all_docs' }): Promise<ChangesBatch<T>>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  replicate: {
    to(target: Pouch<T>, options?: ReplicateOptions): Replication<T>;
    from(source: Pouch<T>, options?: ReplicateOptions): Replication<T>;
  };
  sync(remote: Pouch<T>, options?: ReplicateOptions): LiveSync;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PouchOptions {
  adapter?: string;
  skip_setup?: boolean;
  revs_limit?: number;
  auth?: { username: string; password: string };
}

export interface PouchStatic {
  new <T extends object = object>(name: string, options?: PouchOptions): Pouch<T>;
  plugin(plugin: unknown): PouchStatic;
}
