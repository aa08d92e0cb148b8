import type { ContentEvent, LeaveIntent } from '../core/messages';
import type { Arrival, Visit, VisitEnd } from '../core/records/visit';
import { JOURNEY_STORES, noteExit, noteQuickBack, type JourneyTx } from './journey-signals';
import type { Db } from './schema';
import { ACTIVE_SESSION } from './store';

/**
 * How the previous page of a tab ended, read from how the next one was entered. This holds even when the old
 * page's own goodbye was lost with it (a message sent during unload to a stopped worker may never arrive).
 */
function endFromArrival(arrival: Arrival, referred: boolean): VisitEnd {
  if (arrival === 'back_forward' || arrival === 'reload' || arrival === 'route_change') return arrival;
  return referred ? 'link' : 'navigation';
}

function endFromIntent(intent: LeaveIntent): VisitEnd | null {
  return intent === 'unknown' ? null : intent;
}

type Of<K extends ContentEvent['kind']> = Extract<ContentEvent, { kind: K }>;

async function startVisit(tx: JourneyTx, event: Of<'visit.start'>, tabId: number): Promise<void> {
  const visits = tx.objectStore('visits');
  const { enteredAt, arrival } = event.visit;
  const earlier = await visits.index('byTab').getAll([event.visit.sessionId, tabId]);
  for (const previous of earlier) {
    if (previous.enteredAt > enteredAt) continue;
    // The user left when the next page started loading, before the old page's pagehide said so.
    const overlaps = previous.leftAt === null || previous.leftAt > enteredAt;
    if (previous.endedBy !== null && !overlaps) continue;
    await visits.put({ ...previous, leftAt: overlaps ? enteredAt : previous.leftAt, endedBy: previous.endedBy ?? endFromArrival(arrival, event.referred) });
  }
  const visit: Visit = { ...event.visit, tabId, leftAt: null, maxScrollDepth: 0, endedBy: null };
  await visits.put(visit);
  await noteQuickBack(tx, earlier, visit);
}

async function leaveVisit(tx: JourneyTx, event: Of<'visit.leave'>): Promise<void> {
  const visit = await tx.objectStore('visits').get(event.visitId);
  if (!visit) return;
  const left = {
    ...visit,
    leftAt: visit.leftAt === null ? event.leftAt : Math.min(visit.leftAt, event.leftAt),
    maxScrollDepth: Math.max(visit.maxScrollDepth, event.maxScrollDepth),
    // The next page's arrival may have been stored first; its 'navigation' is a guess the page can correct.
    endedBy: visit.endedBy === null || visit.endedBy === 'navigation' ? (endFromIntent(event.intent) ?? visit.endedBy) : visit.endedBy,
  };
  await tx.objectStore('visits').put(left);
  await noteExit(tx, left);
}

/**
 * Applies a content script's batch in one transaction and returns the ids it may forget. Writes are keyed by
 * the records' own ids, so a batch re-sent after a worker stop changes nothing the second time.
 */
export async function applyContentEvents(db: Db, events: readonly ContentEvent[], tabId: number): Promise<string[]> {
  const tx = db.transaction(JOURNEY_STORES, 'readwrite');
  const visits = tx.objectStore('visits');
  const activeId = (await tx.objectStore('meta').get(ACTIVE_SESSION)) as string | undefined;
  for (const event of events) {
    if (event.kind === 'visit.start') {
      // A page can outlive its session by a moment; what it says after the stop is not part of the walk.
      if (event.visit.sessionId === activeId && !(await visits.get(event.visit.id))) await startVisit(tx, event, tabId);
    } else if (event.kind === 'visit.leave') {
      await leaveVisit(tx, event);
    } else if (event.kind === 'visit.retag') {
      const visit = await visits.get(event.visitId);
      if (visit && visit.sessionId === activeId) await visits.put({ ...visit, pageKey: event.pageKey, stageId: event.stageId, ruleId: event.ruleId });
    } else {
      const visit = await visits.get(event.signal.visitId);
      // A signal belongs to a visit of the running session, and says so consistently.
      if (!visit || visit.sessionId !== activeId || visit.sessionId !== event.signal.sessionId) continue;
      if (event.signal.kind === 'exit') await noteExit(tx, visit, event.signal);
      else await tx.objectStore('signals').put(event.signal);
    }
  }
  await tx.done;
  return events.map((event) => event.eventId);
}
