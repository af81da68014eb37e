/**
 * Talking to the user's server before replicating: is the address allowed, is it there, is it
 * a CouchDB new enough, do the name and password work, does the database exist (or can it be
 * made). Every failure becomes a `SyncProblem` the settings screen can explain.
 */

/** Why sync cannot run now, each with its own advice in the UI. */
export type SyncProblem =
  /** Plain http to another machine: the password would cross the network in the clear. */
  | 'insecure'
  | 'bad-url'
  | 'auth'
  /** Nothing answered at that address. */
  | 'unreachable'
  /** The server answered, but without CORS headers the browser will not let the app read it. */
  | 'cors'
  | 'not-couchdb'
  | 'too-old'
  /** The database does not exist and this user may not create it. */
  | 'no-database'
  | 'quota'
  | 'offline'
  | 'unknown';

export interface SyncConfig {
  /** The server's root, e.g. https://couch.example.org or http://localhost:5984. */
  url: string;
  user: string;
  password: string;
  /** Database name; default `defaultDatabase(user)`. */
  db: string;
}

/** One database per person by default: CouchDB names are lower-case letters, digits and _$()+-/. */
export function defaultDatabase(user: string): string {
  const slug = user.toLowerCase().replace(/[^a-z0-9_$()+-]+/g, '-').replace(/^-+|-+$/g, '');
  return `deckhand-${slug || 'user'}`;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; plain http only to this device (the app's CSP allows exactly these). */
export function checkUrl(url: string): { ok: true; url: URL } | { ok: false; problem: 'bad-url' | 'insecure' } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, problem: 'bad-url' };
  }
  if (parsed.protocol === 'https:') return { ok: true, url: parsed };
  if (parsed.protocol !== 'http:') return { ok: false, problem: 'bad-url' };
  return LOCAL_HOSTS.has(parsed.hostname) ? { ok: true, url: parsed } : { ok: false, problem: 'insecure' };
}

/** The database's URL (no credentials in it: they go in a header). */
export function databaseUrl(config: SyncConfig): string {
  return `${config.url.trim().replace(/\/+$/, '')}/${encodeURIComponent(config.db)}`;
}

export function authHeader(config: SyncConfig): string {
  const bytes = new TextEncoder().encode(`${config.user}:${config.password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export interface Probe {
  fetch: typeof fetch;
  online: () => boolean;
}

/** Checks server, credentials and database; creates the database when missing and allowed. Null = ready. */
export async function prepareServer(config: SyncConfig, probe: Probe): Promise<SyncProblem | null> {
  const checked = checkUrl(config.url);
  if (!checked.ok) return checked.problem;
  if (!probe.online()) return 'offline';
  const root = config.url.trim().replace(/\/+$/, '') + '/';
  let welcome: Response;
  try {
    welcome = await probe.fetch(root, { headers: { Accept: 'application/json' } });
  } catch {
    return networkProblem(root, probe);
  }
  const info = (await welcome.json().catch(() => null)) as { couchdb?: string; version?: string; 'express-pouchdb'?: string } | null;
  if (!info || (!info.couchdb && !info['express-pouchdb'])) return 'not-couchdb';
  if (info.couchdb && Number.parseInt(info.version ?? '0', 10) < 2) return 'too-old';

  const headers = { Authorization: authHeader(config), Accept: 'application/json' };
  const dbUrl = databaseUrl(config);
  try {
    const db = await probe.fetch(dbUrl, { headers });
    if (db.ok) return null;
    if (db.status === 401) return 'auth';
    if (db.status === 403) return 'no-database';
    if (db.status !== 404) return statusProblem(db.status);
    const made = await probe.fetch(dbUrl, { method: 'PUT', headers });
    if (made.ok || made.status === 412) return null;
    if (made.status === 401) return 'auth';
    return made.status === 403 || made.status === 400 ? 'no-database' : statusProblem(made.status);
  } catch {
    return networkProblem(root, probe);
  }
}

function statusProblem(status: number): SyncProblem {
  if (status === 401) return 'auth';
  if (status === 413 || status === 507) return 'quota';
  return 'unknown';
}

/**
 * A fetch that fails outright is either no server or a server without CORS: an opaque
 * (no-cors) request still gets through to a server that answers, and tells them apart.
 */
async function networkProblem(root: string, probe: Probe): Promise<SyncProblem> {
  if (!probe.online()) return 'offline';
  try {
    await probe.fetch(root, { mode: 'no-cors' });
    return 'cors';
  } catch {
    return 'unreachable';
  }
}

/** A replication or storage error, as a problem. */
export function problemOf(error: unknown): SyncProblem {
  const e = error as { status?: number; name?: string; message?: string } | null;
  if (!e) return 'unknown';
  if (e.name === 'QuotaExceededError' || e.name === 'StorageFullError' || /quota/i.test(e.message ?? '')) return 'quota';
  if (e.status === 401 || e.name === 'unauthorized') return 'auth';
  if (e.status === 403 || e.name === 'forbidden') return 'no-database';
  if (e.status === 413 || e.status === 507) return 'quota';
  if (e.status === 404) return 'no-database';
  return 'unreachable';
}
