/** What the sync settings say before anything is replicated: address rules and server problems. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrl, defaultDatabase, prepareServer, type SyncConfig } from '../../../src/lib/sync/server.ts';
import { startCouchServer, type CouchServer } from './couch-server.ts';

const probe = { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init), online: () => true };
let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer({ ana: 'secret' }, { canCreateDatabases: false });
});
afterAll(() => server.close());

describe('the server address', () => {
  it('takes https anywhere and plain http only on this device', () => {
    expect(checkUrl('https://couch.example.org').ok).toBe(true);
    expect(checkUrl('http://localhost:5984').ok).toBe(true);
    expect(checkUrl('http://127.0.0.1:5984/').ok).toBe(true);
    expect(checkUrl('http://couch.example.org:5984')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkUrl('http://192.168.1.20:5984')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkUrl('couch.example.org')).toEqual({ ok: false, problem: 'bad-url' });
    expect(checkUrl('ftp://couch.example.org')).toEqual({ ok: false, problem: 'bad-url' });
  });

  it('names a database per user that CouchDB accepts', () => {
    expect(defaultDatabase('Ana')).toBe('deckhand-ana');
    expect(defaultDatabase('ana@example.org')).toBe('deckhand-ana-example-org');
    expect(defaultDatabase('李雷')).toBe('deckhand-user');
  });
});

describe('checking the server before syncing', () => {
  const config = (over: Partial<SyncConfig> = {}): SyncConfig => ({ url: server.url, user: 'ana', password: 'secret', db: 'deckhand-ana', ...over });

  it('says the password is wrong', async () => {
    expect(await prepareServer(config({ password: 'nope' }), probe)).toBe('auth');
  });

  it('says the database is missing when this user may not create it', async () => {
    expect(await prepareServer(config(), probe)).toBe('no-database');
  });

  it('says nothing answers at an address with no server', async () => {
    const closed = await startCouchServer();
    const url = closed.url;
    await closed.close();
    expect(await prepareServer(config({ url }), probe)).toBe('unreachable');
  });

  it('says the device is offline without trying the network', async () => {
    expect(await prepareServer(config(), { ...probe, online: () => false })).toBe('offline');
  });
});
