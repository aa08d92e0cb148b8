import type { IDBPTransaction } from 'idb';
import { newId } from '../../core/records/common';
import type { Signal } from '../../core/records/signal';
import type { Visit } from '../../core/records/visit';
import { reachedGoalBy } from '../../core/journey/goal';
import { exitOf } from '../../core/signals/exit';
import { isQuickBack } from '../../core/signals/quick-back';
import type { RollupWriter } from '../store/rollups';
import type { JourneyDb } from '../store/schema';

/**
 * Signals only the whole walk can show, decided where the walk is stored: quick backs (a return after a short
 * stay) and exits (the walk left the scope, closed the tab, idled out or was stopped as abandoned before the goal
 * stage).
 */

export const JOURNEY_STORES = ['meta', 'sessions', 'visits', 'signals', 'studies', 'responses', 'rollups'] as const;
export type JourneyTx = IDBPTransaction<JourneyDb, (typeof JOURNEY_STORES)[number][], 'readwrite'>;

export function sessionRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, 0], [sessionId, Number.MAX_SAFE_INTEGER]);
}

/** Whether the session had visited its study's goal stage by `at` (core/journey/goal.ts). */
async function reachedGoal(tx: JourneyTx, visit: Visit, at: number): Promise<boolean> {
  const study = await tx.objectStore('studies').get(visit.studyId);
  if (!study?.goalStageId) return false;
  return reachedGoalBy(await tx.objectStore('visits').index('bySession').getAll(sessionRange(visit.sessionId)), study.goalStageId, at);
}

async function hasExit(tx: JourneyTx, visitId: string): Promise<boolean> {
  return (await tx.objectStore('signals').index('byVisit').getAll(visitId)).some((signal) => signal.kind === 'exit');
}

function journeySignal(visit: Visit, kind: Signal['kind'], at: number, detail: Signal['detail']): Signal {
  const { studyId, sessionId, id: visitId, pageKey, stageId } = visit;
  return { id: newId(), studyId, sessionId, visitId, pageKey, stageId, kind, at, element: null, detail };
}

/** One exit per visit, and none once the goal was reached: drop-off is counted where the walk ended. */
export async function noteExit(tx: JourneyTx, writer: RollupWriter, visit: Visit, idle?: Signal, facts: { abandoned?: boolean } = {}): Promise<void> {
  const at = idle?.at ?? visit.leftAt ?? visit.enteredAt;
  const exit = exitOf(visit, await reachedGoal(tx, visit, at), { idle: Boolean(idle), ...facts });
  if (!exit || (await hasExit(tx, visit.id))) return;
  await writer.signals([idle ?? journeySignal(visit, 'exit', at, { reason: exit.reason })]);
}

/** Checks the tab's last two visits against the one just entered. */
export async function noteQuickBack(tx: JourneyTx, writer: RollupWriter, earlier: readonly Visit[], next: Visit): Promise<void> {
  const before = earlier.filter((v) => v.enteredAt < next.enteredAt).sort((a, b) => a.enteredAt - b.enteredAt);
  const [previous, current] = before.slice(-2);
  const study = await tx.objectStore('studies').get(next.studyId);
  if (!previous || !current || !study || !isQuickBack(previous, current, next, study.settings)) return;
  await writer.signals([journeySignal(current, 'quick_back', next.enteredAt, { dwellMs: next.enteredAt - current.enteredAt })]);
}
