/**
 * PouchDB for the browser, built from its modules: core + IndexedDB adapter (the mirror) +
 * http adapter (the server) + replication. No map/reduce or find: sync never queries.
 */
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

PouchDB.plugin(idb).plugin(http).plugin(replication);

export { PouchDB };
