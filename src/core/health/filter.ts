import type { Session } from '../records/session';
import { mergeRollups, type MergedRollups } from './merged-rollups';
import { compareText, type SessionRollup } from './session-rollup';
import type { Annotation } from '../records/annotation';
import type { OffsiteTouchpoint } from '../records/offsite';
import type { Study } from '../records/study';

/** Which walks a map looks at, and which rollups and records that takes. */

/** Which walks to look at. Empty lists are "none"; a missing field is "no limit". */
export interface HealthFilter {
  personaIds?: readonly string[];
  sessionIds?: readonly string[];
  /** Sessions that started at or after this time (epoch ms). */
  from?: number;
  /** Sessions that started at or before this time (epoch ms). */
  to?: number;
}

/** Whether a filter picks walks by who or which; then records of no known session are out. */
export function picksSessions(filter: HealthFilter): boolean {
  return filter.personaIds !== undefined || filter.sessionIds !== undefined;
}

/** Whether a filter limits time; then records of no known session count only for their own time. */
export function limitsTime(filter: HealthFilter): boolean {
  return filter.from !== undefined || filter.to !== undefined;
}

export function inRangeOf(filter: HealthFilter): (t: number) => boolean {
  return (t) => (filter.from === undefined || t >= filter.from) && (filter.to === undefined || t <= filter.to);
}

/** The sessions a filter picks: by persona, id, and start within from…to. */
export function selectedSessions(sessions: readonly Session[], filter: HealthFilter): Map<string, Session> {
  const inRange = inRangeOf(filter);
  const personas = filter.personaIds ? new Set(filter.personaIds) : null;
  const sessionIds = filter.sessionIds ? new Set(filter.sessionIds) : null;
  const selected = new Map<string, Session>();
  for (const session of sessions) {
    if (personas && (session.personaId === null || !personas.has(session.personaId))) continue;
    if (sessionIds && !sessionIds.has(session.id)) continue;
    if (!inRange(session.startedAt)) continue;
    selected.set(session.id, session);
  }
  return selected;
}

/**
 * Whether a record kept beside the walks (a note, an off-site touchpoint) is in: with a known session, when its
 * session is; with none, when no session is asked for by id, its persona (if it names one) is asked for or no
 * persona is, and its own time lies within from…to.
 */
export function recordPicker(sessions: readonly Session[], filter: HealthFilter): (record: { sessionId: string | null; personaId?: string | null; at: number }) => boolean {
  const known = new Set(sessions.map((s) => s.id));
  const selected = selectedSessions(sessions, filter);
  const inRange = inRangeOf(filter);
  const personas = filter.personaIds ? new Set(filter.personaIds) : null;
  return ({ sessionId, personaId = null, at }) => {
    if (sessionId !== null && known.has(sessionId)) return selected.has(sessionId);
    if (filter.sessionIds !== undefined) return false;
    if (personas && (personaId === null || !personas.has(personaId))) return false;
    return inRange(at);
  };
}

/** What the aggregate is drawn from when each session's records are already rolled up. */
export interface RollupRecords {
  study: Pick<Study, 'stages' | 'goalStageId'>;
  sessions: readonly Session[];
  /** One per session key; those of unknown sessions (or none) already hold only records in the filter's time. */
  rollups: readonly SessionRollup[];
  annotations: readonly Annotation[];
  offsite: readonly OffsiteTouchpoint[];
}

/** What the aggregate is drawn from when the rollups in the filter are already added up (merged-rollups.ts). */
export interface MergedRecords extends Omit<RollupRecords, 'rollups'> {
  /** The rollups `selectedRollups` takes for the filter, added up. */
  merged: MergedRollups;
}

/** The rollups a filter takes, in key order: those of its sessions, and (unless it picks sessions) those of no known session. */
export function selectedRollups(records: Pick<RollupRecords, 'sessions' | 'rollups'>, filter: HealthFilter): SessionRollup[] {
  const known = new Set(records.sessions.map((s) => s.id));
  const selected = selectedSessions(records.sessions, filter);
  const loose = !picksSessions(filter);
  return records.rollups
    .filter((r) => (r.sessionId !== null && known.has(r.sessionId) ? selected.has(r.sessionId) : loose))
    .sort((a, b) => compareText(a.key, b.key));
}

/** Merges the rollups a filter takes, unless that was done already (a study summary, for the whole study). */
export function mergedFor(records: RollupRecords | MergedRecords, filter: HealthFilter): MergedRecords {
  return 'merged' in records ? records : { ...records, merged: mergeRollups(selectedRollups(records, filter)) };
}
