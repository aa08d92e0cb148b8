import type { SessionSummary, SignalCounts } from '../../core/replies';
import type { Signal } from '../../core/records/signal';
import { bytesToBase64 } from '../../core/exchange/base64';
import { asReport } from './feedback';
import { EXPORT_FORMAT, EXPORT_VERSION, type StudyExport } from '../../core/exchange/study-export';
import { limitsTime, mergedFor, type HealthFilter, type MergedRecords } from '../../core/health/filter';
import { looseRollup } from '../../core/health/raw-rollups';
import { wholeStudyTouchpoint } from '../../core/health/aggregate';
import { touchpointHealth, type TouchpointHealth } from '../../core/health/touchpoint-health';
import type { Persona } from '../../core/records/persona';
import type { Study } from '../../core/records/study';
import type { SignalKind } from '../../core/records/signal';
import { asSessionRollup, readSessionRecords, rollupTx, wholeStudyRollups } from './rollups';
import { buildJourneyMap, type JourneyMapData } from '../../core/journey-map/map-data';
import type { Session } from '../../core/records/session';
import type { Visit } from '../../core/records/visit';
import { inScope } from '../../core/journey/scope';
import type { Db } from './schema';
import { ACTIVE_SESSION, activeSession, openPromptOf, promptSkipsOf } from './records';
import { gapEndsAt } from '../../core/surveys/prompt-decision';

/** Read side for the UI pages: they ask, this module answers from IndexedDB; nothing here writes but a study summary (and the mark of each rollup in it). */

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

/** The study whose scope takes this URL: the first, as stage rules go. */
export async function studyForUrl(db: Db, url: string): Promise<Study | null> {
  const studies = await db.getAll('studies');
  return studies.find((study) => inScope(url, study.scope)) ?? null;
}

export async function studySessions(db: Db, studyId: string): Promise<Session[]> {
  const sessions = await db.getAllFromIndex('sessions', 'byStudy', studyId);
  return sessions.sort((a, b) => b.startedAt - a.startedAt);
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
  const [study, persona, visits, stored, skips, responses, open] = await Promise.all([
    db.get('studies', session.studyId),
    session.personaId ? db.get('personas', session.personaId) : undefined,
    sessionVisits(db, session.id),
    db.get('rollups', session.id),
    promptSkipsOf(db, session.id),
    db.getAllFromIndex('responses', 'bySession', session.id),
    openPromptOf(db, session.id),
  ]);
  const rollup = asSessionRollup(stored);
  const signalCounts: SignalCounts = {};
  for (const byKind of Object.values(rollup?.signals.byTouchpoint ?? {})) {
    for (const [kind, n] of Object.entries(byKind) as [SignalKind, number][]) signalCounts[kind] = (signalCounts[kind] ?? 0) + n;
  }
  const promptTimes = [...responses.map((r) => r.at), ...(open ? [open.at] : [])];
  const nextPromptAt = study ? gapEndsAt(promptTimes, study.settings.surveyGapMs) : null;
  return { session, studyName: study?.name ?? '', persona: persona ?? null, visits, signalCounts, latestSignals: rollup?.signals.latest ?? [], promptSkips: skips, nextPromptAt };
}

/** A study's records: the export file's body without its screenshots. */
export type StudyRecordSet = Omit<StudyExport, 'format' | 'version' | 'exportedAt' | 'screenshots'>;

/** Every record of a study, read in one transaction: what an export and a team sync send. */
export async function studyRecordSet(db: Db, studyId: string): Promise<StudyRecordSet | null> {
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
  return { study, personas, sessions, visits, signals, responses, annotations, feedback: feedback.map(asReport), offsite };
}

/** A report's screenshot as stored. */
export async function screenshotBlob(db: Db, screenshotId: string): Promise<Blob | undefined> {
  return db.get('screenshots', screenshotId);
}

/** The whole study as its export file. */
export async function studyRecords(db: Db, studyId: string, now: number): Promise<StudyExport | null> {
  const records = await studyRecordSet(db, studyId);
  if (!records) return null;
  const screenshots = await Promise.all(
    records.feedback.flatMap(({ screenshotId: id }) => (id ? [id] : [])).map(async (id) => {
      const blob = await screenshotBlob(db, id);
      return blob ? { id, type: 'image/png' as const, base64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) } : null;
    }),
  );
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, ...records, screenshots: screenshots.filter((shot) => shot !== null) };
}

/** What a journey map is built from: the study, its sessions' rollups (added up), notes and off-site touchpoints. */
export type MapInputs = MergedRecords & { study: Study; personas: Persona[] };

const MAP_STORES = ['meta', 'studies', 'personas', 'sessions', 'rollups', 'annotations', 'offsite', 'visits', 'signals', 'responses'] as const;

/** A filter that takes the whole study: its map is drawn from the study summary. */
function wholeStudy(filter: HealthFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}

/**
 * What a journey map for a filter is added up from: the study's session rollups (one per session, not one per
 * event), so neither this worker nor the page holds the raw records of a long study. For the whole study, the
 * study summary and the few rollups not in it (`wholeStudyRollups`); read-only unless rollups of sessions that
 * ended since have to be added to the summary, the one thing a read here may store.
 */
export async function journeyMapInputs(db: Db, studyId: string, filter: HealthFilter, mode: 'readonly' | 'readwrite' = 'readonly'): Promise<MapInputs | null> {
  const tx = db.transaction(MAP_STORES, mode);
  const study = await tx.objectStore('studies').get(studyId);
  if (!study) return null;
  const [personas, sessions, annotations, offsite, running] = await Promise.all([
    tx.objectStore('personas').getAll(),
    tx.objectStore('sessions').index('byStudy').getAll(studyId),
    tx.objectStore('annotations').index('byStudy').getAll(studyId),
    tx.objectStore('offsite').index('byStudy').getAll(studyId),
    tx.objectStore('meta').get(ACTIVE_SESSION) as Promise<string | undefined>,
  ]);
  const inputs = { study, personas, sessions, annotations, offsite };
  if (wholeStudy(filter)) {
    const merged = await wholeStudyRollups(tx as never, studyId, running ?? null);
    return merged ? { ...inputs, merged } : journeyMapInputs(db, studyId, filter, 'readwrite');
  }
  const stored = (await tx.objectStore('rollups').index('byStudy').getAll(studyId)).map(asSessionRollup).filter((r) => r !== undefined);
  const known = new Set(sessions.map((s) => s.id));
  // Records of no known session count for their own time: under a time limit, only those within it.
  const rollups = await Promise.all(
    stored.map(async (rollup) =>
      (rollup.sessionId !== null && known.has(rollup.sessionId)) || !limitsTime(filter)
        ? rollup
        : looseRollup(studyId, rollup.sessionId, await readSessionRecords(rollupTx(tx), rollup), filter),
    ),
  );
  return { ...inputs, merged: mergedFor({ ...inputs, rollups: rollups.filter((r) => r !== null) }, filter).merged };
}

const TOUCHPOINT_STORES = ['meta', 'rollups', 'annotations', 'signals'] as const;

/**
 * One touchpoint's health over the whole study, as the whole-study map has it: read from the study summary and the
 * study's notes, without the sessions or the rest of the map (the popup and the side panel ask for it as a walk
 * records, each write having dropped the maps the worker keeps). Null for a touchpoint neither visited nor noted.
 */
export async function wholeStudyTouchpointHealth(db: Db, studyId: string, key: string, mode: 'readonly' | 'readwrite' = 'readonly'): Promise<TouchpointHealth | null> {
  const tx = db.transaction(TOUCHPOINT_STORES, mode);
  const [annotations, running] = await Promise.all([
    tx.objectStore('annotations').index('byStudy').getAll(studyId),
    tx.objectStore('meta').get(ACTIVE_SESSION) as Promise<string | undefined>,
  ]);
  const merged = await wholeStudyRollups(tx as never, studyId, running ?? null);
  if (!merged) return wholeStudyTouchpointHealth(db, studyId, key, 'readwrite');
  const touchpoint = wholeStudyTouchpoint(merged, annotations, key);
  return touchpoint && touchpointHealth(touchpoint);
}

/** The journey map for a filter. */
export async function journeyMap(db: Db, studyId: string, filter: HealthFilter): Promise<JourneyMapData | null> {
  const inputs = await journeyMapInputs(db, studyId, filter);
  return inputs && buildJourneyMap(inputs, filter);
}
