/**
 * One sync session: checks the server, catches up once (pull, merge, push), then replicates
 * live while the app is open, retrying with backoff when the network or server goes away.
 * Everything it knows is reported through `onStatus`; what it changed in the store through
 * `onApplied`, so the UI can refresh.
 */
import { Mirror, type PullResult } from './mirror.ts';
import { batchRevsDiff } from './revs-diff.ts';
import type { LocalSide } from './local.ts';
import { prepareServer, problemOf, type Probe, type SyncConfig, type SyncProblem } from './server.ts';
import type { SyncDoc } from './docs.ts';
import type { LiveSync, Pouch, ReplicateOptions } from './pouch-types.ts';

export type SyncStatus =
  | { kind: 'connecting' }
  | { kind: 'syncing'; lastSynced: number | null }
  | { kind: 'up-to-date'; lastSynced: number }
  | { kind: 'offline'; lastSynced: number | null }
  | { kind: 'error'; problem: SyncProblem };

export interface EngineOptions {
  mirror: Pouch<SyncDoc>;
  remote: Pouch<SyncDoc>;
  local: LocalSide;
  config: SyncConfig;
  probe: Probe;
  now: () => number;
  onStatus: (status: SyncStatus) => void;
  onApplied: (changes: PullResult) => void;
  /** Replicate continuously after the first round (the app); false for one round (bench, tests). */
  live?: boolean;
}

/** A catch-up round moves big batches: a fresh device may have 100,000 reviews to fetch. */
const ROUND = { batch_size: 2000, batches_limit: 2 };

/** 1 s, 2 s, 4 s … up to a minute between retries. */
export function backOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(delay * 2, 60_000);
}

export class SyncEngine {
  readonly #o: EngineOptions;
  readonly #mirror: Mirror;
  #live: LiveSync | null = null;
  #stopped = false;
  #lastSynced: number | null = null;
  #pushTimer: ReturnType<typeof setTimeout> | undefined;
  #pullTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retryDelay = 0;
  /** The mirror's change sequence this session's last push to the server got to. */
  #pushedTo: number | string | null = null;

  constructor(options: EngineOptions) {
    this.#o = options;
    this.#mirror = new Mirror(batchRevsDiff(options.mirror), options.local, options.now);
  }

  /** Checks the server, then one full round; then live replication if asked. Resolves to the problem, if any. */
  async start(): Promise<SyncProblem | null> {
    this.#status({ kind: 'connecting' });
    const problem = await prepareServer(this.#o.config, this.#o.probe);
    if (problem) {
      this.#status(problem === 'offline' ? { kind: 'offline', lastSynced: this.#lastSynced } : { kind: 'error', problem });
      if (problem === 'offline' || problem === 'unreachable') this.#retryLater();
      return problem;
    }
    this.#retryDelay = 0;
    try {
      await this.round();
    } catch (e) {
      return this.#fail(e);
    }
    if (this.#o.live !== false && !this.#stopped) this.#goLive();
    return null;
  }

  /**
   * One full round: push what is new here, pull from the server (applied to the store batch by
   * batch), push what merging changed. The second push starts after the pulled documents when
   * only the pull wrote the mirror in between: the server has those, and walking 100,000 of them
   * again (a revs_diff each) would double a fresh device's wait.
   */
  async round(): Promise<void> {
    this.#status({ kind: 'syncing', lastSynced: this.#lastSynced });
    // Edits made here go into the mirror first, stamped with their time, so a conflict with the
    // server's version is decided by which edit is newer, not by which device synced last.
    await this.#mirror.push({ settings: false });
    const pushed = await this.#pushToServer();
    const pulled = await this.#mirror.pullFrom(() => this.#o.mirror.replicate.from(this.#o.remote, ROUND));
    const merged = await this.#mirror.push();
    this.#o.onApplied({ cards: [...new Set([...pulled.result.cards, ...merged.cards])], decks: pulled.result.decks || merged.decks, settings: pulled.result.settings || merged.settings });
    const skip = pulled.onlyPulled && String(pushed.last_seq) === String(pulled.from) && String(pulled.to) !== String(pulled.from);
    await this.#pushToServer(skip ? { ...ROUND, since: pulled.to } : ROUND);
    this.#lastSynced = this.#o.now();
    this.#status({ kind: 'up-to-date', lastSynced: this.#lastSynced });
  }

  /**
   * Pushes the mirror to the server; not even a request when the mirror has not changed since
   * this session's last push got to its newest change (an incremental round then costs only its pull).
   */
  async #pushToServer(options: ReplicateOptions = ROUND): Promise<{ last_seq: number | string }> {
    const newest = (await this.#o.mirror.info()).update_seq;
    if (options.since === undefined && this.#pushedTo !== null && String(newest) === String(this.#pushedTo)) return { last_seq: newest };
    const result = await this.#o.mirror.replicate.to(this.#o.remote, options);
    this.#pushedTo = result.last_seq;
    return result;
  }

  /** Something changed in the store here (reviews of `cardIds`, or anything if not given): push it soon (grades come in bursts). */
  localChanged(delayMs = 300, cardIds?: Iterable<string>): void {
    if (this.#stopped) return;
    this.#mirror.localChanged(cardIds);
    clearTimeout(this.#pushTimer);
    this.#pushTimer = setTimeout(() => {
      this.#mirror.push().then((r) => this.#o.onApplied(r), (e) => void this.#fail(e));
    }, delayMs);
  }

  /** Back online (or "Sync now"): restart replication at once instead of waiting for the next retry. */
  async wake(): Promise<SyncProblem | null> {
    this.#cancelLive();
    if (this.#stopped) return null;
    return this.start();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#pushTimer);
    clearTimeout(this.#pullTimer);
    this.#cancelLive();
  }

  /** No server now: try again later, waiting longer each time (backOff). */
  #retryLater() {
    if (this.#o.live === false || this.#stopped) return;
    this.#retryDelay = backOff(this.#retryDelay);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.wake(), this.#retryDelay);
  }

  #goLive() {
    const live = this.#o.mirror.sync(this.#o.remote, { live: true, retry: true, back_off_function: backOff, batch_size: 500 });
    this.#live = live;
    live.on('change', (info) => {
      if (info.direction === 'pull') this.#schedulePull();
    });
    live.on('active', () => this.#status({ kind: 'syncing', lastSynced: this.#lastSynced }));
    live.on('paused', (err) => {
      if (this.#live !== live) return;
      if (err) {
        void this.#diagnose();
        return;
      }
      this.#lastSynced = this.#o.now();
      this.#status({ kind: 'up-to-date', lastSynced: this.#lastSynced });
    });
    live.on('error', (err) => {
      if (this.#live === live) void this.#fail(err);
    });
  }

  #schedulePull() {
    clearTimeout(this.#pullTimer);
    this.#pullTimer = setTimeout(() => {
      this.#mirror.pull().then((r) => this.#o.onApplied(r), (e) => void this.#fail(e));
    }, 100);
  }

  /** Replication paused on an error: offline (it retries by itself), or a problem the user must fix. */
  async #diagnose() {
    const problem = await prepareServer(this.#o.config, this.#o.probe);
    if (this.#stopped) return;
    if (problem === null || problem === 'offline' || problem === 'unreachable') {
      this.#status({ kind: 'offline', lastSynced: this.#lastSynced });
    } else {
      this.#cancelLive();
      this.#status({ kind: 'error', problem });
    }
  }

  async #fail(error: unknown): Promise<SyncProblem> {
    const checked = await prepareServer(this.#o.config, this.#o.probe).catch(() => null);
    const problem = checked ?? problemOf(error);
    console.warn('Sync stopped:', problem, error);
    if (problem === 'offline' || problem === 'unreachable') {
      this.#status({ kind: 'offline', lastSynced: this.#lastSynced });
      if (!this.#live) this.#retryLater();
    } else {
      this.#cancelLive();
      this.#status({ kind: 'error', problem });
    }
    return problem;
  }

  #cancelLive() {
    const live = this.#live;
    this.#live = null;
    live?.cancel();
  }

  #status(status: SyncStatus) {
    if (!this.#stopped) this.#o.onStatus(status);
  }
}
