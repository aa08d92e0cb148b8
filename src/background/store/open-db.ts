import { openDB } from 'idb';
import { DB_VERSION, MIGRATIONS } from './migrations';
import { DB_NAME, type Db, type JourneyDb } from './schema';
import { StoreBlockedError } from '../store-health';

/**
 * Opens (and upgrades) the database; `version` is for tests that build an older database first. An open that an
 * older connection blocks fails at once, so the caller can say so and retry, instead of waiting forever.
 */
export function openJourneyDb(name = DB_NAME, version = DB_VERSION): Promise<Db> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const opening = openDB<JourneyDb>(name, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]!(db, tx);
      },
      blocking(_current, _next, event) {
        // A newer version wants in (an extension update): let it, the worker reopens on its next message.
        (event.target as IDBDatabase).close();
      },
      blocked() {
        blocked = true;
        reject(new StoreBlockedError('The database is held open by an older connection.'));
      },
    });
    // Once unblocked, a connection nobody waits for any more is closed again.
    opening.then((db) => (blocked ? db.close() : resolve(db)), (error) => !blocked && reject(error));
  });
}

/** One shared connection, opened on first use and again after a failed open or a close (never a dead promise). */
export function sharedConnection(open: () => Promise<Db> = () => openJourneyDb()): () => Promise<Db> {
  let connection: Promise<Db> | null = null;
  return () => {
    connection ??= open().then(
      (db) => {
        db.addEventListener('close', () => (connection = null));
        return db;
      },
      (error: unknown) => {
        connection = null;
        throw error;
      },
    );
    return connection;
  };
}
