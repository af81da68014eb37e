// PouchDB's modules ship no types; pouch-types.ts describes what sync uses.
declare module 'pouchdb-core' {
  const PouchDB: import('./pouch-types.ts').PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
