import type { ContentEvent, LeaveIntent } from '../../core/messages';
import type { TriggerEvent } from '../../core/surveys/triggers';
import type { Arrival, Visit, VisitEnd } from '../../core/records/visit';
import type { Signal } from '../../core/records/signal';
import { JOURNEY_STORES, noteExit, noteQuickBack, type JourneyTx } from './journey-signals';
import { rebuildRollups, RollupWriter, rollupTx } from '../store/rollups';
import { moveVisitRecords } from '../store/retag';
import type { Db } from '../store/schema';
import { ACTIVE_SESSION } from '../store/records';

/**
 * How the previous page of a tab ended, read from how the next one was entered. This holds even when the old
 * page's own goodbye was lost with it (a message sent during unload to a stopped worker may never arrive).
 */
function endFromArrival(arrival: Arrival, referred: boolean): VisitEnd {
  if (arrival === 'back_forward' || arrival === 'reload' || arrival === 'route_change') return arrival;
  if (arrival === 'page_route') return 'route_change';
  return referred ? 'link' : 'navigation';
}

function endFromIntent(intent: LeaveIntent): VisitEnd | null {
  return intent === 'unknown' ? null : intent;
}

type Of<K extends ContentEvent['kind']> = Extract<ContentEvent, { kind: K }>;

/** Something in the walk that may call for a survey, on the visit it happened in; decided once it is stored. */
export interface SurveyMoment {
  event: TriggerEvent;
  visit: Visit;
}

async function startVisit(tx: JourneyTx, writer: RollupWriter, event: Of<'visit.start'>, tabId: number): Promise<SurveyMoment | null> {
  const visits = tx.objectStore('visits');
  const { enteredAt, arrival, sessionId } = event.visit;
  const earlier = await visits.index('byTab').getAll([sessionId, tabId]);
  for (const previous of earlier) {
    if (previous.enteredAt > enteredAt) continue;
    // The user left when the next page started loading, before the old page's pagehide said so.
    const overlaps = previous.leftAt === null || previous.leftAt > enteredAt;
    if (previous.endedBy !== null && !overlaps) continue;
    await writer.visit({ ...previous, leftAt: overlaps ? enteredAt : previous.leftAt, endedBy: previous.endedBy ?? endFromArrival(arrival, event.referred) });
  }
  const visit: Visit = { ...event.visit, tabId, leftAt: null, maxScrollDepth: 0, endedBy: null };
  await writer.visit(visit);
  await noteQuickBack(tx, writer, earlier, visit);
  // Entering a stage: the walk's previous page (in any tab) was in another stage, or there was none.
  const before = await visits.index('bySession').getAll(IDBKeyRange.bound([sessionId, 0], [sessionId, enteredAt], false, true));
  const previousStage = before.at(-1)?.stageId;
  return visit.stageId && visit.stageId !== previousStage ? { event: { kind: 'stage_enter', stageId: visit.stageId }, visit } : null;
}

async function leaveVisit(tx: JourneyTx, writer: RollupWriter, event: Of<'visit.leave'>): Promise<void> {
  const visit = await tx.objectStore('visits').get(event.visitId);
  if (!visit) return;
  const left = {
    ...visit,
    leftAt: visit.leftAt === null ? event.leftAt : Math.min(visit.leftAt, event.leftAt),
    maxScrollDepth: Math.max(visit.maxScrollDepth, event.maxScrollDepth),
    // The next page's arrival may have been stored first; its 'navigation' is a guess the page can correct.
    endedBy: visit.endedBy === null || visit.endedBy === 'navigation' ? (endFromIntent(event.intent) ?? visit.endedBy) : visit.endedBy,
    ...(event.routesFolded && { routesFolded: (visit.routesFolded ?? 0) + event.routesFolded }),
  };
  await writer.visit(left);
  await noteExit(tx, writer, left);
}

/** The visit an event speaks of, if it belongs to the running session. */
async function liveVisit(tx: JourneyTx, visitId: string | null, activeId: string | undefined): Promise<Visit | null> {
  const visit = visitId ? await tx.objectStore('visits').get(visitId) : undefined;
  return visit && visit.sessionId === activeId ? visit : null;
}

/**
 * Applies a content script's batch in one transaction and returns the ids it may forget, with the moments that
 * may call for a survey. Writes are keyed by the records' own ids, so a batch re-sent after a worker stop
 * changes nothing the second time.
 */
export async function applyContentEvents(db: Db, events: readonly ContentEvent[], tabId: number): Promise<{ acked: string[]; moments: SurveyMoment[] }> {
  const tx = db.transaction(JOURNEY_STORES, 'readwrite');
  const writer = new RollupWriter(rollupTx(tx));
  const visits = tx.objectStore('visits');
  const activeId = (await tx.objectStore('meta').get(ACTIVE_SESSION)) as string | undefined;
  const moments: SurveyMoment[] = [];
  // Bursts bring many signals for one visit: look it up once per batch, and queue their writes without waiting
  // on each (the transaction still applies whole or not at all). Puts by id make a re-sent batch harmless.
  const known = new Map<string, Visit | null>();
  const live = async (visitId: string | null) => {
    if (visitId === null) return null;
    if (!known.has(visitId)) known.set(visitId, await liveVisit(tx, visitId, activeId));
    return known.get(visitId)!;
  };
  const writes: Promise<unknown>[] = [];
  const signals: Signal[] = [];
  const retagged: Array<{ visit: Visit; place: Pick<Visit, 'pageKey' | 'stageId'> }> = [];
  for (const event of events) {
    if (event.kind === 'visit.start') {
      known.delete(event.visit.id);
      // A page can outlive its session by a moment; what it says after the stop is not part of the walk.
      if (event.visit.sessionId !== activeId || (await visits.get(event.visit.id))) continue;
      const moment = await startVisit(tx, writer, event, tabId);
      if (moment) moments.push(moment);
    } else if (event.kind === 'visit.leave') {
      known.delete(event.visitId);
      await leaveVisit(tx, writer, event);
    } else if (event.kind === 'visit.retag') {
      const visit = await live(event.visitId);
      known.delete(event.visitId);
      if (visit) {
        await writer.visit({ ...visit, pageKey: event.pageKey, stageId: event.stageId, ruleId: event.ruleId });
        retagged.push({ visit, place: { pageKey: event.pageKey, stageId: event.stageId } });
      }
    } else if (event.kind === 'signal') {
      const visit = await live(event.signal.visitId);
      // A signal belongs to a visit of the running session, and says so consistently.
      if (!visit || visit.sessionId !== event.signal.sessionId) continue;
      if (event.signal.kind === 'exit') await noteExit(tx, writer, visit, event.signal);
      else signals.push(event.signal);
      moments.push({ event: { kind: 'signal', signalKind: event.signal.kind, signalId: event.signal.id }, visit });
    } else if (event.kind === 'response') {
      const visit = await live(event.response.visitId);
      if (visit && visit.sessionId === event.response.sessionId) writes.push(writer.response(event.response));
    } else {
      const visit = await live(event.visitId);
      if (visit) moments.push({ event: { kind: 'exit_intent' }, visit });
    }
  }
  await writer.signals(signals);
  // A retagged visit's signals and answers (this batch's too, written just above) move with it.
  for (const { visit, place } of retagged) await moveVisitRecords(tx, visit, place);
  // The e2e build only (compiled out of dist/): which events a committed transaction applied, for the loss suite.
  if (__JL_TEST_HOOKS__) for (const event of events) writes.push(tx.objectStore('meta').put(event.kind, `__jlTestHooks.acked.${event.eventId}`));
  await Promise.all(writes);
  await writer.finish();
  if (retagged.length) await rebuildRollups(rollupTx(tx), retagged.map(({ visit }) => visit));
  await tx.done;
  return { acked: events.map((event) => event.eventId), moments };
}
