import type { ContentEvent, LeaveIntent } from '../core/messages';
import type { Persona } from '../core/records/persona';
import type { Outcome, Role, Session } from '../core/records/session';
import type { Study } from '../core/records/study';
import type { Arrival, VisitEnd } from '../core/records/visit';
import { newId } from '../core/records/common';
import { UserError } from './errors';
import type { Db } from './schema';

/** The only module that writes IndexedDB. Every write is one transaction: it applies whole or not at all. */

const ACTIVE_SESSION = 'activeSessionId';

export async function activeSession(db: Db): Promise<Session | null> {
  const id = (await db.get('meta', ACTIVE_SESSION)) as string | undefined;
  return (id && (await db.get('sessions', id))) || null;
}

export async function saveStudy(db: Db, study: Study): Promise<Study> {
  await db.put('studies', study);
  return study;
}

/** Stores whose records belong to one study, each with a byStudy index. */
const STUDY_DATA = ['sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite'] as const;

/** Removes a study with everything recorded for it. A study with a running session is refused. */
export async function deleteStudy(db: Db, studyId: string): Promise<void> {
  const running = await activeSession(db);
  if (running?.studyId === studyId) throw new UserError('Stop the running session before deleting its study.');
  const tx = db.transaction(['studies', 'screenshots', ...STUDY_DATA], 'readwrite');
  for (const report of await tx.objectStore('feedback').index('byStudy').getAll(studyId)) {
    if (report.screenshotId) await tx.objectStore('screenshots').delete(report.screenshotId);
  }
  await tx.objectStore('studies').delete(studyId);
  for (const name of STUDY_DATA) {
    // Every one of these stores has the same byStudy index; the cast only picks one of their identical shapes.
    const store = tx.objectStore(name as 'sessions');
    for (const key of await store.index('byStudy').getAllKeys(studyId)) await store.delete(key);
  }
  await tx.done;
}

export async function savePersona(db: Db, persona: Persona): Promise<Persona> {
  await db.put('personas', persona);
  return persona;
}

export async function deletePersona(db: Db, personaId: string): Promise<void> {
  const running = await activeSession(db);
  if (running?.personaId === personaId) throw new UserError('Stop the running session before deleting its persona.');
  await db.delete('personas', personaId);
}

export interface SessionStart {
  studyId: string;
  personaId: string | null;
  goal: string;
  role: Role;
}

export async function startSession(db: Db, start: SessionStart, now: number): Promise<Session> {
  const tx = db.transaction(['meta', 'sessions', 'studies', 'personas'], 'readwrite');
  if (await tx.objectStore('meta').get(ACTIVE_SESSION)) throw new UserError('A session is already running. Stop it first.');
  if (!(await tx.objectStore('studies').get(start.studyId))) throw new UserError('That study no longer exists.');
  if (start.personaId && !(await tx.objectStore('personas').get(start.personaId))) throw new UserError('That persona no longer exists.');
  const session: Session = { id: newId(), ...start, startedAt: now, endedAt: null, outcome: null };
  await tx.objectStore('sessions').put(session);
  await tx.objectStore('meta').put(session.id, ACTIVE_SESSION);
  await tx.done;
  return session;
}

/** Ends the running session; visits still open are closed at `now`, pages left without a follow-up left scope. */
export async function stopSession(db: Db, outcome: Outcome, now: number): Promise<Session> {
  const tx = db.transaction(['meta', 'sessions', 'visits'], 'readwrite');
  const id = (await tx.objectStore('meta').get(ACTIVE_SESSION)) as string | undefined;
  const session = id ? await tx.objectStore('sessions').get(id) : undefined;
  if (!session) throw new UserError('No session is running.');
  const range = IDBKeyRange.bound([session.id, 0], [session.id, Number.MAX_SAFE_INTEGER]);
  for (const visit of await tx.objectStore('visits').index('bySession').getAll(range)) {
    if (visit.endedBy !== null) continue;
    const endedBy: VisitEnd = visit.leftAt === null ? 'session_stopped' : 'left_scope';
    await tx.objectStore('visits').put({ ...visit, leftAt: visit.leftAt ?? now, endedBy });
  }
  const ended: Session = { ...session, endedAt: now, outcome };
  await tx.objectStore('sessions').put(ended);
  await tx.objectStore('meta').delete(ACTIVE_SESSION);
  await tx.done;
  return ended;
}

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

/**
 * Applies a content script's batch in one transaction and returns the ids it may forget. Writes are keyed by
 * the records' own ids, so a batch re-sent after a worker stop changes nothing the second time.
 */
export async function applyContentEvents(db: Db, events: readonly ContentEvent[], tabId: number): Promise<string[]> {
  const tx = db.transaction(['meta', 'visits'], 'readwrite');
  const visits = tx.objectStore('visits');
  const activeId = (await tx.objectStore('meta').get(ACTIVE_SESSION)) as string | undefined;
  const acked: string[] = [];
  for (const event of events) {
    acked.push(event.eventId);
    if (event.kind === 'visit.start') {
      // A page can outlive its session by a moment; what it says after the stop is not part of the walk.
      if (event.visit.sessionId !== activeId || (await visits.get(event.visit.id))) continue;
      const earlier = await visits.index('byTab').getAll([event.visit.sessionId, tabId]);
      const { enteredAt, arrival } = event.visit;
      for (const previous of earlier) {
        if (previous.enteredAt > enteredAt) continue;
        // The user left when the next page started loading, before the old page's pagehide said so.
        const overlaps = previous.leftAt === null || previous.leftAt > enteredAt;
        if (previous.endedBy !== null && !overlaps) continue;
        await visits.put({
          ...previous,
          leftAt: overlaps ? enteredAt : previous.leftAt,
          endedBy: previous.endedBy ?? endFromArrival(arrival, event.referred),
        });
      }
      await visits.put({ ...event.visit, tabId, leftAt: null, maxScrollDepth: 0, endedBy: null });
    } else if (event.kind === 'visit.retag') {
      const visit = await visits.get(event.visitId);
      if (!visit || visit.sessionId !== activeId) continue;
      await visits.put({ ...visit, pageKey: event.pageKey, stageId: event.stageId, ruleId: event.ruleId });
    } else {
      const visit = await visits.get(event.visitId);
      if (!visit) continue;
      await visits.put({
        ...visit,
        leftAt: visit.leftAt === null ? event.leftAt : Math.min(visit.leftAt, event.leftAt),
        maxScrollDepth: Math.max(visit.maxScrollDepth, event.maxScrollDepth),
        // The next page's arrival may have been stored first; its 'navigation' is a guess the page can correct.
        endedBy: visit.endedBy === null || visit.endedBy === 'navigation' ? (endFromIntent(event.intent) ?? visit.endedBy) : visit.endedBy,
      });
    }
  }
  await tx.done;
  return acked;
}

/** A closed tab ends its open visit; the page's own leave message may or may not have made it. */
export async function closeTabVisits(db: Db, tabId: number, now: number): Promise<void> {
  const tx = db.transaction(['meta', 'visits'], 'readwrite');
  const activeId = (await tx.objectStore('meta').get(ACTIVE_SESSION)) as string | undefined;
  if (activeId) {
    for (const visit of await tx.objectStore('visits').index('byTab').getAll([activeId, tabId])) {
      if (visit.endedBy === null) await tx.objectStore('visits').put({ ...visit, leftAt: visit.leftAt ?? now, endedBy: 'tab_closed' });
    }
  }
  await tx.done;
}
