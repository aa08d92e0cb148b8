import PouchDB from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';

export type { Doc, Replication } from 'pouchdb-core';

/**
 * PouchDB with what a team sync needs: the CouchDB HTTP client, replication, and the `indexeddb` adapter for the
 * local mirror, which keeps a document in one record (the older `idb` one writes three or more per document,
 * and a first sync of a long study writes 100k).
 */
export const Pouch = PouchDB.plugin(IndexedDbAdapter).plugin(HttpAdapter).plugin(Replication);

/** The local mirror of one study. */
export const openMirror = (name: string): PouchDB => new Pouch(name, { adapter: 'indexeddb' });
