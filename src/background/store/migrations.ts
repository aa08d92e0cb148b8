import type { IDBPTransaction, StoreNames } from 'idb';
import { withCurrentSoft404Defaults } from '../../core/records/settings';
import { rebuildAllRollups, rollupTx } from './rollups';
import type { Db, JourneyDb } from './schema';

type UpgradeTx = IDBPTransaction<JourneyDb, StoreNames<JourneyDb>[], 'versionchange'>;

/**
 * Migration i takes the database from version i to i + 1. Append only: a released step never changes, so
 * every earlier database (and the fixtures in test/unit/store-upgrade.test.ts) upgrades by the same path.
 */
export const MIGRATIONS: ReadonlyArray<(db: Db, tx: UpgradeTx) => void> = [
  (db) => {
    db.createObjectStore('studies', { keyPath: 'id' });
    db.createObjectStore('personas', { keyPath: 'id' });
    db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byStudy', 'studyId');
    const visits = db.createObjectStore('visits', { keyPath: 'id' });
    visits.createIndex('bySession', ['sessionId', 'enteredAt']);
    visits.createIndex('byTab', ['sessionId', 'tabId']);
    visits.createIndex('byStudy', 'studyId');
    const signals = db.createObjectStore('signals', { keyPath: 'id' });
    signals.createIndex('bySession', 'sessionId');
    signals.createIndex('byVisit', 'visitId');
    signals.createIndex('byStudy', 'studyId');
    const responses = db.createObjectStore('responses', { keyPath: 'id' });
    responses.createIndex('bySession', 'sessionId');
    responses.createIndex('byStudy', 'studyId');
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('byStudy', 'studyId');
    annotations.createIndex('byPage', ['studyId', 'pageKey']);
    db.createObjectStore('feedback', { keyPath: 'id' }).createIndex('byStudy', 'studyId');
    db.createObjectStore('screenshots');
    db.createObjectStore('offsite', { keyPath: 'id' }).createIndex('byStudy', 'studyId');
    db.createObjectStore('meta');
  },
  // A long study's map and the popup's summaries read per-session rollups, not every record; the most recently
  // ended session is found by its end time. Rollups of the records already stored are built here.
  (db, tx) => {
    db.createObjectStore('rollups', { keyPath: 'key' }).createIndex('byStudy', 'studyId');
    tx.objectStore('sessions').createIndex('byEnded', 'endedAt');
    void rebuildAllRollups(rollupTx(tx));
  },
  // A page's batch is acknowledged once it is one record here (one put, not one per event), and applied after.
  (db) => {
    db.createObjectStore('journal', { keyPath: 'seq', autoIncrement: true });
  },
  // Rollups learnt each walk's path and its pages' titles (the map's Paths and touchpoint names): all rebuilt, study
  // summaries dropped (the next whole-study map adds them up again).
  (_db, tx) => {
    const rollups = rollupTx(tx);
    void rollups.objectStore('rollups').clear().then(() => rebuildAllRollups(rollups));
  },
  // A page's hello looks for its tab's open visit among the batches not applied yet, which a burst of tabs piles up.
  (_db, tx) => {
    tx.objectStore('journal').createIndex('byTab', 'tabId');
  },
  // Studies that kept the first soft-404 defaults (English only) get today's, Korean included.
  (_db, tx) => {
    void (async () => {
      for (let cursor = await tx.objectStore('studies').openCursor(); cursor; cursor = await cursor.continue()) {
        const { settings } = cursor.value;
        const patterns = withCurrentSoft404Defaults(settings.soft404Patterns);
        if (patterns !== settings.soft404Patterns) await cursor.update({ ...cursor.value, settings: { ...settings, soft404Patterns: patterns } });
      }
    })();
  },
];

export const DB_VERSION = MIGRATIONS.length;
