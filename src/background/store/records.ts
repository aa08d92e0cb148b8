import type { OffsiteTouchpoint } from '../../core/records/offsite';
import type { Persona } from '../../core/records/persona';
import type { SurveyResponse } from '../../core/records/response';
import type { PromptRecord } from '../../core/surveys/prompt-history';
import type { PromptSkip } from '../../core/surveys/prompt-skip';
import type { Retention } from '../../core/records/retention';
import type { Outcome, Role, Session } from '../../core/records/session';
import type { Study } from '../../core/records/study';
import type { Visit, VisitEnd } from '../../core/records/visit';
import { visitWhereStopped } from '../../core/journey/goal';
import { newId } from '../../core/records/common';
import { UserError } from '../errors';
import { JOURNEY_STORES, noteExit, sessionRange } from '../recording/journey-signals';
import { rebuildRollups, ROLLUP_STORES, RollupWriter, rollupTx, type RollupRef } from './rollups';
import type { Db } from './schema';

/** The records' writes (with recording/, the only code that writes IndexedDB). Each is one transaction: whole or not at all. */

export const ACTIVE_SESSION = 'activeSessionId';
export const RETENTION = 'retention';

export async function activeSession(db: Db): Promise<Session | null> {
  const id = (await db.get('meta', ACTIVE_SESSION)) as string | undefined;
  return (id && (await db.get('sessions', id))) || null;
}

export async function saveStudy(db: Db, study: Study): Promise<Study> {
  await db.put('studies', study);
  return study;
}

/** Stores whose records belong to one study, each with a byStudy index. */
const STUDY_DATA = ['sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite', 'rollups'] as const;

/** Removes a study with everything recorded for it. A study with a running session is refused. */
export async function deleteStudy(db: Db, studyId: string): Promise<void> {
  const running = await activeSession(db);
  if (running?.studyId === studyId) throw new UserError('errorStudyInUse');
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
  if (running?.personaId === personaId) throw new UserError('errorPersonaInUse');
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
  if (await tx.objectStore('meta').get(ACTIVE_SESSION)) throw new UserError('errorSessionRunning');
  if (!(await tx.objectStore('studies').get(start.studyId))) throw new UserError('errorStudyGone');
  if (start.personaId && !(await tx.objectStore('personas').get(start.personaId))) throw new UserError('errorPersonaGone');
  const session: Session = { id: newId(), ...start, startedAt: now, endedAt: null, outcome: null };
  await tx.objectStore('sessions').put(session);
  await tx.objectStore('meta').put(session.id, ACTIVE_SESSION);
  await tx.done;
  return session;
}

/**
 * Ends the running session; visits still open are closed at `now`, pages left without a follow-up left scope.
 * `stoppedAt`: the visit it was stopped from (the popup's tab), where "abandoned" puts its exit.
 */
export async function stopSession(db: Db, outcome: Outcome, now: number, stoppedAt: string | null = null): Promise<Session> {
  const tx = db.transaction(JOURNEY_STORES, 'readwrite');
  const id = (await tx.objectStore('meta').get(ACTIVE_SESSION)) as string | undefined;
  const session = id ? await tx.objectStore('sessions').get(id) : undefined;
  if (!session) throw new UserError('errorNoSession');
  const writer = new RollupWriter(rollupTx(tx));
  const visits = await tx.objectStore('visits').index('bySession').getAll(sessionRange(session.id));
  const closed = new Map<string, Visit>();
  for (const visit of visits) {
    if (visit.endedBy !== null) continue;
    const endedBy: VisitEnd = visit.leftAt === null ? 'session_stopped' : 'left_scope';
    const ended = { ...visit, leftAt: visit.leftAt ?? now, endedBy };
    closed.set(ended.id, ended);
    await writer.visit(ended);
    await noteExit(tx, writer, ended);
  }
  // "Stop: abandoned" is where the walk gave up: an exit at its last visit (PRODUCT.md §3).
  const last = visitWhereStopped(visits, stoppedAt);
  if (outcome === 'abandoned' && last) await noteExit(tx, writer, closed.get(last.id) ?? last, undefined, { abandoned: true });
  await writer.finish();
  const ended: Session = { ...session, endedAt: now, outcome };
  await tx.objectStore('sessions').put(ended);
  await tx.objectStore('meta').delete(ACTIVE_SESSION);
  await tx.done;
  return ended;
}

/** The visit still open in this tab at this URL, if any: an observer that replaces an orphaned one continues it. */
export async function openVisitIn(db: Db, sessionId: string, tabId: number, url: string): Promise<{ id: string; enteredAt: number } | null> {
  // One read of both: a page's hello does not wait for the journal to be applied, so its visits are there too.
  const tx = db.transaction(['visits', 'journal'], 'readonly');
  const [stored, journaled] = await Promise.all([tx.objectStore('visits').index('byTab').getAll([sessionId, tabId]), tx.objectStore('journal').index('byTab').getAll(tabId)]);
  const events = journaled.flatMap((entry) => entry.events);
  const left = new Set(events.flatMap((event) => (event.kind === 'visit.leave' ? [event.visitId] : [])));
  const open = [
    ...stored.filter((v) => v.endedBy === null && v.leftAt === null),
    ...events.flatMap((event) => (event.kind === 'visit.start' && event.visit.sessionId === sessionId ? [event.visit] : [])),
  ].filter((v) => v.url === url && !left.has(v.id));
  const latest = open.sort((a, b) => b.enteredAt - a.enteredAt)[0];
  return latest ? { id: latest.id, enteredAt: latest.enteredAt } : null;
}

/** A closed tab ends its open visit; the page's own leave message may or may not have made it. */
export async function closeTabVisits(db: Db, tabId: number, now: number): Promise<void> {
  const tx = db.transaction(JOURNEY_STORES, 'readwrite');
  const activeId = (await tx.objectStore('meta').get(ACTIVE_SESSION)) as string | undefined;
  if (activeId) {
    const writer = new RollupWriter(rollupTx(tx));
    for (const visit of await tx.objectStore('visits').index('byTab').getAll([activeId, tabId])) {
      if (visit.endedBy !== null) continue;
      const closed = { ...visit, leftAt: visit.leftAt ?? now, endedBy: 'tab_closed' as const };
      await writer.visit(closed);
      await noteExit(tx, writer, closed);
    }
    await writer.finish();
  }
  await tx.done;
}

export async function saveRetention(db: Db, retention: Retention): Promise<Retention> {
  await db.put('meta', retention, RETENTION);
  return retention;
}

/** What retention removes: whole sessions with what was recorded in them, and feedback reports. */
export interface Removal {
  sessionIds: readonly string[];
  feedbackIds: readonly string[];
}

/**
 * Deletes sessions with their visits, signals and survey answers, and feedback reports with their screenshots, in
 * one transaction. The one place recorded data is removed by age: anything derived from it (cached or incremental
 * aggregates) hooks in here. The running session is never touched, whatever the caller asked. Notes stay.
 */
export async function deleteRecorded(db: Db, removal: Removal): Promise<void> {
  const tx = db.transaction(['meta', 'sessions', 'feedback', 'screenshots', ...ROLLUP_STORES], 'readwrite');
  const running = (await tx.objectStore('meta').get(ACTIVE_SESSION)) as string | undefined;
  const removed: RollupRef[] = [];
  for (const id of removal.sessionIds) {
    if (id === running) continue;
    const session = await tx.objectStore('sessions').get(id);
    if (session) removed.push({ studyId: session.studyId, sessionId: id });
    for (const key of await tx.objectStore('visits').index('bySession').getAllKeys(sessionRange(id))) await tx.objectStore('visits').delete(key);
    for (const key of await tx.objectStore('signals').index('bySession').getAllKeys(id)) await tx.objectStore('signals').delete(key);
    for (const key of await tx.objectStore('responses').index('bySession').getAllKeys(id)) await tx.objectStore('responses').delete(key);
    await tx.objectStore('sessions').delete(id);
  }
  for (const id of removal.feedbackIds) {
    const report = await tx.objectStore('feedback').get(id);
    if (!report || (report.sessionId !== null && report.sessionId === running)) continue;
    if (report.screenshotId) await tx.objectStore('screenshots').delete(report.screenshotId);
    await tx.objectStore('feedback').delete(id);
  }
  // The map's per-session sums go with their sessions.
  await rebuildRollups(rollupTx(tx), removed);
  await tx.done;
}

/** An off-site touchpoint (a call, a store visit) of a study that still exists. */
export async function saveOffsite(db: Db, touchpoint: OffsiteTouchpoint): Promise<OffsiteTouchpoint> {
  const tx = db.transaction(['studies', 'offsite'], 'readwrite');
  if (!(await tx.objectStore('studies').get(touchpoint.studyId))) throw new UserError('errorStudyGone');
  await tx.objectStore('offsite').put(touchpoint);
  await tx.done;
  return touchpoint;
}

export async function deleteOffsite(db: Db, id: string): Promise<void> {
  await db.delete('offsite', id);
}

/** One survey response (the popup's end-of-session answer), with its session's rollup. */
export async function saveResponse(db: Db, response: SurveyResponse): Promise<void> {
  const tx = db.transaction(ROLLUP_STORES, 'readwrite');
  const writer = new RollupWriter(rollupTx(tx));
  await writer.response(response);
  await writer.finish();
  await tx.done;
}

const openPromptKey = (sessionId: string) => `openPrompt:${sessionId}`;

/** The survey card on screen in a session (prompts.ts), remembered until its answer or dismissal is stored. */
export function openPromptOf(db: Db, sessionId: string): Promise<PromptRecord | undefined> {
  return db.get('meta', openPromptKey(sessionId)) as Promise<PromptRecord | undefined>;
}

export async function rememberOpenPrompt(db: Db, sessionId: string, prompt: PromptRecord): Promise<void> {
  await db.put('meta', prompt, openPromptKey(sessionId));
}

/**
 * bench/ only (the e2e build's test hooks): a long study's records put straight into the store, with their
 * sessions' rollups rebuilt in the same transaction, as an import does; importing 100k events takes too long.
 */
export async function storeRecords(db: Db, records: Record<'sessions' | 'visits' | 'signals' | 'responses', { id: string; studyId: string; sessionId: string | null }[]>): Promise<void> {
  const tx = db.transaction(['sessions', ...ROLLUP_STORES], 'readwrite');
  const puts: Promise<unknown>[] = [];
  for (const [name, list] of Object.entries(records)) for (const record of list) puts.push(tx.objectStore(name as 'sessions').put(record as never));
  await Promise.all(puts);
  await rebuildRollups(rollupTx(tx), [...records.visits, ...records.signals, ...records.responses]);
  await tx.done;
}

const promptSkipsKey = (sessionId: string) => `promptSkips:${sessionId}`;

/** The prompts a session skipped lately, oldest first (core/surveys/prompt-skip.ts). */
export async function promptSkipsOf(db: Db, sessionId: string): Promise<PromptSkip[]> {
  return ((await db.get('meta', promptSkipsKey(sessionId))) as PromptSkip[] | undefined) ?? [];
}

export async function rememberPromptSkips(db: Db, sessionId: string, skips: readonly PromptSkip[]): Promise<void> {
  await db.put('meta', skips, promptSkipsKey(sessionId));
}
