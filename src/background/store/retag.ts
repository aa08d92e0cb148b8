import type { IDBPTransaction } from 'idb';
import { moved, retagPlan } from '../../core/journey/retag';
import type { Visit } from '../../core/records/visit';
import { rebuildRollups, rollupTx, type RollupRef } from './rollups';
import type { Db, JourneyDb } from './schema';

const RETAG_STORES = ['studies', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'rollups'] as const;

/**
 * Moves the study's untagged visits its rules now tag, with their signals, answers, notes and reports, and rebuilds
 * the rollups of the sessions they belong to — in one transaction, so the map never sees a page half moved.
 * Returns how many visits moved.
 */
export async function retagStudy(db: Db, studyId: string): Promise<number> {
  const tx = db.transaction(RETAG_STORES, 'readwrite');
  const study = await tx.objectStore('studies').get(studyId);
  const plan = retagPlan(study ? await tx.objectStore('visits').index('byStudy').getAll(studyId) : [], study?.rules ?? []);
  const touched: RollupRef[] = [];
  await Promise.all(plan.visits.map((visit) => tx.objectStore('visits').put(visit)));
  for (const visit of plan.visits) {
    touched.push(visit);
    for (const signal of await tx.objectStore('signals').index('byVisit').getAll(visit.id)) {
      const at = moved(signal, plan);
      if (at) await tx.objectStore('signals').put(at);
    }
  }
  // Answers, notes and reports are few per study: read them all rather than index them by visit.
  for (const response of await tx.objectStore('responses').index('byStudy').getAll(studyId)) {
    const at = moved(response, plan);
    if (!at) continue;
    touched.push(at);
    await tx.objectStore('responses').put(at);
  }
  for (const annotation of await tx.objectStore('annotations').index('byStudy').getAll(studyId)) {
    const at = moved(annotation, plan);
    if (at) await tx.objectStore('annotations').put(at);
  }
  for (const report of await tx.objectStore('feedback').index('byStudy').getAll(studyId)) {
    const at = moved(report, plan);
    if (at) await tx.objectStore('feedback').put(at);
  }
  await rebuildRollups(rollupTx(tx), touched);
  await tx.done;
  return plan.visits.length;
}

type RecordsTx = IDBPTransaction<JourneyDb, ('signals' | 'responses')[], 'readwrite'>;

/**
 * A page that retagged its own open visit (its study's rules changed while it was open) takes along what was
 * recorded on it so far: its signals and answers. The caller rebuilds the session's rollup.
 */
export async function moveVisitRecords(tx: RecordsTx | object, visit: Pick<Visit, 'id' | 'sessionId'>, place: Pick<Visit, 'stageId' | 'pageKey'>): Promise<void> {
  const records = tx as RecordsTx;
  const [signals, responses] = await Promise.all([
    records.objectStore('signals').index('byVisit').getAll(visit.id),
    records.objectStore('responses').index('bySession').getAll(visit.sessionId),
  ]);
  await Promise.all([
    ...signals.map((signal) => records.objectStore('signals').put({ ...signal, ...place })),
    ...responses.filter((r) => r.visitId === visit.id).map((response) => records.objectStore('responses').put({ ...response, ...place })),
  ]);
}
