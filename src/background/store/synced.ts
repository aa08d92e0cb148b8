import { incomingWins, RECORD_KINDS } from '../../core/exchange/merge';
import { EDITABLE_KINDS, type SyncRecord } from '../../core/sync/doc';
import { rebuildRollups, rollupTx, type RollupRef } from './rollups';
import type { Db } from './schema';

/** A checked document from the team database, with its screenshot when it carried one. */
export type Incoming = SyncRecord & { docId: string; shot?: Blob };

const ROLLUP_KINDS = new Set(['visits', 'signals', 'responses']);

/**
 * Writes what a team sync brought, in one transaction with the rollups of the sessions it touched. Edited kinds
 * (study, personas, notes, reports) arrive as the replication's winner and are taken as they are; the others follow
 * the import rule (an ended session or visit replaces its unfinished copy, nothing else is rewritten). Refused, and
 * not written: a record whose id the store holds for another study, or filed under another study's session.
 */
export async function applySynced(db: Db, studyId: string, items: readonly Incoming[]): Promise<{ id: string; reason: string }[]> {
  const tx = db.transaction(['studies', 'rollups', 'screenshots', ...RECORD_KINDS], 'readwrite');
  const refused: { id: string; reason: string }[] = [];
  const touched: RollupRef[] = [];
  for (const item of items) {
    if (item.kind === 'study') {
      await tx.objectStore('studies').put(item.record);
      continue;
    }
    const store = tx.objectStore(item.kind as 'sessions');
    const stored = (await store.get(item.record.id)) as Record<string, unknown> | undefined;
    if (stored && 'studyId' in stored && stored.studyId !== studyId) {
      refused.push({ id: item.docId, reason: 'Already the id of a record of another study' });
      continue;
    }
    const sessionId = 'sessionId' in item.record ? item.record.sessionId : null;
    const session = sessionId && item.kind !== 'sessions' ? await tx.objectStore('sessions').get(sessionId) : undefined;
    if (session && session.studyId !== studyId) {
      refused.push({ id: item.docId, reason: 'Filed under a session of another study' });
      continue;
    }
    const take = !stored || (EDITABLE_KINDS.has(item.kind) ? JSON.stringify(stored) !== JSON.stringify(item.record) : incomingWins(item.kind, stored, item.record as never));
    if (take) await store.put(item.record as never);
    if (take && ROLLUP_KINDS.has(item.kind)) touched.push(item.record as RollupRef, ...(stored ? [stored as unknown as RollupRef] : []));
    if (item.shot && item.kind === 'feedback' && item.record.screenshotId) {
      const shots = tx.objectStore('screenshots');
      // Ids are never reused: a screenshot stored under this id is the same capture.
      if ((await shots.getKey(item.record.screenshotId)) === undefined) await shots.put(item.shot, item.record.screenshotId);
    }
  }
  await rebuildRollups(rollupTx(tx), touched);
  await tx.done;
  return refused;
}
