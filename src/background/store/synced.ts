import type { IDBPTransaction } from 'idb';
import { incomingWins, RECORD_KINDS, type RecordKind } from '../../core/exchange/merge';
import { EDITABLE_KINDS, type SyncRecord } from '../../core/sync/doc';
import { rebuildRollups, rollupTx, type RollupRef } from './rollups';
import type { Db, JourneyDb } from './schema';

type SyncTx = IDBPTransaction<JourneyDb, ('studies' | 'rollups' | 'screenshots' | RecordKind)[], 'readwrite'>;

/**
 * What the store holds under the items' ids. Per kind, the keys in the items' id range come in one request and
 * only those found are read: a first load brings pages of ids in order, nearly all new here.
 */
async function storedCopies(tx: SyncTx, items: readonly Incoming[]): Promise<(Record<string, unknown> | undefined)[]> {
  const byKind = new Map<RecordKind, string[]>();
  for (const item of items) if (item.kind !== 'study') (byKind.get(item.kind) ?? byKind.set(item.kind, []).get(item.kind)!).push(item.record.id);
  const found = new Map<string, Record<string, unknown>>();
  await Promise.all(
    [...byKind].map(async ([kind, ids]) => {
      const store = tx.objectStore(kind as 'sessions');
      const sorted = [...ids].sort();
      const keys = new Set(await store.getAllKeys(IDBKeyRange.bound(sorted[0]!, sorted.at(-1)!)));
      const present = ids.filter((id) => keys.has(id));
      const records = await Promise.all(present.map((id) => store.get(id)));
      records.forEach((record, i) => record && found.set(`${kind}:${present[i]}`, record as unknown as Record<string, unknown>));
    }),
  );
  return items.map((item) => (item.kind === 'study' ? undefined : found.get(`${item.kind}:${item.record.id}`)));
}

/** A checked document from the team database, with its screenshot when it carried one. */
export type Incoming = SyncRecord & { docId: string; shot?: Blob };

const ROLLUP_KINDS = new Set(['visits', 'signals', 'responses']);

/**
 * Writes what a team sync brought, in one transaction with the rollups of the sessions it touched. Edited kinds
 * (study, personas, notes, reports) arrive as the replication's winner and are taken as they are; the others follow
 * the import rule (an ended session or visit replaces its unfinished copy, nothing else is rewritten). Refused, and
 * not written: a record whose id the store holds for another study, or filed under another study's session.
 * With `later`, the sessions to sum up again are collected there instead (a first load: see `rebuildSynced`).
 */
export async function applySynced(db: Db, studyId: string, items: readonly Incoming[], later?: RollupRef[]): Promise<{ id: string; reason: string }[]> {
  const tx = db.transaction(['studies', 'rollups', 'screenshots', ...RECORD_KINDS], 'readwrite');
  const refused: { id: string; reason: string }[] = [];
  const touched: RollupRef[] = [];
  // Every read at once, then every write queued: one request at a time would cost a round trip each.
  const sessionIds = [...new Set(items.flatMap((item) => (item.kind !== 'sessions' && 'sessionId' in item.record && item.record.sessionId ? [item.record.sessionId] : [])))];
  const [stored, sessions] = await Promise.all([storedCopies(tx, items), Promise.all(sessionIds.map((id) => tx.objectStore('sessions').get(id)))]);
  const sessionStudy = new Map(sessions.flatMap((session) => (session ? [[session.id, session.studyId] as const] : [])));
  const writes: Promise<unknown>[] = [];
  const shots: Incoming[] = [];
  items.forEach((item, i) => {
    if (item.kind === 'study') {
      writes.push(tx.objectStore('studies').put(item.record));
      return;
    }
    const before = stored[i];
    if (before && 'studyId' in before && before.studyId !== studyId) {
      refused.push({ id: item.docId, reason: 'Already the id of a record of another study' });
      return;
    }
    const sessionId = item.kind !== 'sessions' && 'sessionId' in item.record ? item.record.sessionId : null;
    if (sessionId && (sessionStudy.get(sessionId) ?? studyId) !== studyId) {
      refused.push({ id: item.docId, reason: 'Filed under a session of another study' });
      return;
    }
    const take = !before || (EDITABLE_KINDS.has(item.kind) ? JSON.stringify(before) !== JSON.stringify(item.record) : incomingWins(item.kind, before, item.record as never));
    if (take) writes.push(tx.objectStore(item.kind as 'sessions').put(item.record as never));
    if (take && ROLLUP_KINDS.has(item.kind)) touched.push(item.record as RollupRef, ...(before ? [before as unknown as RollupRef] : []));
    if (item.shot) shots.push(item);
  });
  await Promise.all(writes);
  for (const item of shots) {
    const screenshotId = item.kind === 'feedback' ? item.record.screenshotId : null;
    const store = tx.objectStore('screenshots');
    // Ids are never reused: a screenshot stored under this id is the same capture.
    if (screenshotId && (await store.getKey(screenshotId)) === undefined) await store.put(item.shot!, screenshotId);
  }
  if (later) later.push(...touched);
  else await rebuildRollups(rollupTx(tx), touched);
  await tx.done;
  return refused;
}

/**
 * The rollups of sessions a first load wrote without them (its pages come in id order, so each would touch most
 * sessions of a study again): rebuilt once at the end, a few sessions per transaction.
 */
export async function rebuildSynced(db: Db, refs: readonly RollupRef[]): Promise<void> {
  const unique = [...new Map(refs.map((ref) => [`${ref.studyId}|${ref.sessionId}`, ref])).values()];
  for (let i = 0; i < unique.length; i += 20) {
    const tx = db.transaction(['rollups', 'visits', 'signals', 'responses'], 'readwrite');
    await rebuildRollups(rollupTx(tx), unique.slice(i, i + 20));
    await tx.done;
  }
}
