/**
 * A CouchDB-protocol server for tests and the sync bench: express-pouchdb over PouchDB's
 * in-memory adapter on 127.0.0.1 (a free port), with what a real CouchDB set up for Deckhand
 * has in front: basic-auth users (wrong password → 401) and CORS for the app's origin.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

import type { PouchStatic } from '../../../src/lib/sync/pouch-types.ts';

const require = createRequire(import.meta.url);
type NodePouch = PouchStatic & { defaults(options: object): PouchStatic };

/** PouchDB for Node: core + memory + http + replication (the app's build, with memory for idb). */
let pouch: NodePouch | undefined;
export function nodePouch(): NodePouch {
  pouch ??= (require('pouchdb-core') as NodePouch)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication')) as NodePouch;
  return pouch!;
}

export interface CouchServer {
  url: string;
  /** Requests that reached the server, by method and path. */
  requests: string[];
  close(): Promise<void>;
}

export async function startCouchServer(users: Record<string, string> = { ana: 'secret' }, options: { cors?: boolean; canCreateDatabases?: boolean } = {}): Promise<CouchServer> {
  const PouchDB = nodePouch();
  const expressPouchDB = require('express-pouchdb') as (pouch: PouchStatic, opts: object) => (req: unknown, res: unknown) => void;
  const app = expressPouchDB(PouchDB.defaults({ adapter: 'memory' }), {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
  });
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (options.cors !== false && req.headers.origin) {
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
    }
    if (req.url !== '/' && !authorized(req.headers.authorization, users)) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
      return;
    }
    if (options.canCreateDatabases === false && req.method === 'PUT' && /^\/[^/_][^/]*\/?$/.test(req.url ?? '')) {
      // CouchDB: only admins create databases.
      res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'forbidden', reason: 'You are not a server admin.' }));
      return;
    }
    app(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function authorized(header: string | undefined, users: Record<string, string>): boolean {
  const m = /^Basic (.+)$/.exec(header ?? '');
  if (!m) return false;
  const [name, ...rest] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':');
  return name !== undefined && users[name] !== undefined && users[name] === rest.join(':');
}
