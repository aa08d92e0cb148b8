import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type Db } from './schema';

/** Opens (and upgrades) the database; `version` is for tests that build an older database first. */
export function openJourneyDb(name = DB_NAME, version = DB_VERSION): Promise<Db> {
  return openDB(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]!(db, tx);
    },
    blocking(_current, _next, event) {
      // A newer version wants in (an extension update): let it, the worker reopens on its next message.
      (event.target as IDBDatabase).close();
    },
  });
}
