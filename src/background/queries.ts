import type { SessionSummary, SignalCounts } from '../core/replies';
import type { Signal } from '../core/records/signal';
import { EXPORT_FORMAT, EXPORT_VERSION, type StudyExport } from '../core/exchange/study-export';
import { limitsTime, looseRollup, type HealthFilter } from '../core/health/aggregate';
import type { SignalKind } from '../core/records/signal';
import { readSessionRecords, rollupTx } from './rollups';
import { buildJourneyMap, type JourneyMapData } from '../core/journey-map/map-data';
import type { Session } from '../core/records/session';
import type { Visit } from '../core/records/visit';
import type { Db } from './schema';
import { activeSession } from './store';

/** Read side for the UI pages: they ask, this module answers from IndexedDB; nothing here writes. */

export async function overview(db: Db) {
  const [studies, personas, active, last] = await Promise.all([db.getAll('studies'), db.getAll('personas'), activeSession(db), lastEndedSession(db)]);
  studies.sort((a, b) => a.createdAt - b.createdAt);
  personas.sort((a, b) => a.name.localeCompare(b.name));
  return {
    studies,
    personas,
    active: active && (await sessionSummary(db, active)),
    last: last && (await sessionSummary(db, last)),
  };
}

/** The walk that ended most recently, so the popup can show what was just recorded (running ones are not indexed). */
async function lastEndedSession(db: Db): Promise<Session | null> {
  const cursor = await db.transaction('sessions').store.index('byEnded').openCursor(null, 'prev');
  return cursor?.value ?? null;
}

export function sessionVisits(db: Db, sessionId: string): Promise<Visit[]> {
  const range = IDBKeyRange.bound([sessionId, 0], [sessionId, Number.MAX_SAFE_INTEGER]);
  return db.getAllFromIndex('visits', 'bySession', range);
}

export function countSignals(signals: readonly Signal[]): SignalCounts {
  const counts: SignalCounts = {};
  for (const signal of signals) counts[signal.kind] = (counts[signal.kind] ?? 0) + 1;
  return counts;
}

export async function visitSignalCounts(db: Db, visitId: string): Promise<SignalCounts> {
  return countSignals(await db.getAllFromIndex('signals', 'byVisit', visitId));
}

/** A session's counts come from its rollup: a long walk's thousands of signals are not read to be counted. */
export async function sessionSummary(db: Db, session: Session): Promise<SessionSummary> {
  const [study, persona, visits, rollup] = await Promise.all([
    db.get('studies', session.studyId),
    session.personaId ? db.get('personas', session.personaId) : undefined,
    sessionVisits(db, session.id),
    db.get('rollups', session.id),
  ]);
  const signalCounts: SignalCounts = {};
  for (const byKind of Object.values(rollup?.signals.byTouchpoint ?? {})) {
    for (const [kind, n] of Object.entries(byKind) as [SignalKind, number][]) signalCounts[kind] = (signalCounts[kind] ?? 0) + n;
  }
  return { session, studyName: study?.name ?? '', persona: persona ?? null, visits, signalCounts, latestSignals: rollup?.signals.latest ?? [] };
}

/** Every record of a study, read in one transaction: the export file's body, and what the map is built from. */
export async function studyRecords(db: Db, studyId: string, now: number): Promise<StudyExport | null> {
  const tx = db.transaction(['studies', 'personas', 'sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite']);
  const study = await tx.objectStore('studies').get(studyId);
  if (!study) return null;
  const of = <N extends 'sessions' | 'visits' | 'signals' | 'responses' | 'annotations' | 'feedback' | 'offsite'>(name: N) =>
    tx.objectStore(name as 'sessions').index('byStudy').getAll(studyId) as unknown as Promise<StudyExport[N]>;
  const [sessions, visits, signals, responses, annotations, feedback, offsite] = await Promise.all([
    of('sessions'), of('visits'), of('signals'), of('responses'), of('annotations'), of('feedback'), of('offsite'),
  ]);
  const personaIds = new Set(sessions.map((s) => s.personaId).filter((id): id is string => id !== null));
  const personas = (await tx.objectStore('personas').getAll()).filter((p) => personaIds.has(p.id));
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, study, personas, sessions, visits, signals, responses, annotations, feedback, offsite };
}

/**
 * The journey map for a filter, added up from the study's session rollups (one per session, not one per event),
 * so neither this worker nor the page holds the raw records of a long study.
 */
export async function journeyMap(db: Db, studyId: string, filter: HealthFilter): Promise<JourneyMapData | null> {
  const tx = db.transaction(['studies', 'personas', 'sessions', 'rollups', 'annotations', 'offsite', 'visits', 'signals', 'responses']);
  const study = await tx.objectStore('studies').get(studyId);
  if (!study) return null;
  const [personas, sessions, stored, annotations, offsite] = await Promise.all([
    tx.objectStore('personas').getAll(),
    tx.objectStore('sessions').index('byStudy').getAll(studyId),
    tx.objectStore('rollups').index('byStudy').getAll(studyId),
    tx.objectStore('annotations').index('byStudy').getAll(studyId),
    tx.objectStore('offsite').index('byStudy').getAll(studyId),
  ]);
  const known = new Set(sessions.map((s) => s.id));
  // Records of no known session count for their own time: under a time limit, only those within it.
  const rollups = await Promise.all(
    stored.map(async (rollup) =>
      (rollup.sessionId !== null && known.has(rollup.sessionId)) || !limitsTime(filter)
        ? rollup
        : looseRollup(studyId, rollup.sessionId, await readSessionRecords(rollupTx(tx), rollup), filter),
    ),
  );
  return buildJourneyMap({ study, personas, sessions, rollups: rollups.filter((r) => r !== null), annotations, offsite }, filter);
}
