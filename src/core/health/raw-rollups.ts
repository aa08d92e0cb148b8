import type { SurveyResponse } from '../records/response';
import type { Signal } from '../records/signal';
import type { Visit } from '../records/visit';
import { aggregateRollups, type AggregateOptions, type JourneyAggregate } from './aggregate';
import { inRangeOf, picksSessions, type HealthFilter, type RollupRecords } from './filter';
import { rollupOf, type SessionRecords, type SessionRollup } from './session-rollup';

/**
 * Rollups from raw records: what the store keeps beside them, for records that are not in a store (an export,
 * a test's hand-made walks). The store itself never needs this path: it writes rollups as it writes records.
 */

export interface HealthRecords extends Omit<RollupRecords, 'rollups'> {
  study: RollupRecords['study'] & { id?: string };
  visits: readonly Visit[];
  signals: readonly Signal[];
  responses: readonly SurveyResponse[];
}

/**
 * Records of no known session (answers outside a walk, or a session the file did not bring) are in only when no
 * persona or session is asked for, and their own time lies within from…to: their rollup is built from just those.
 */
export function looseRollup(studyId: string, sessionId: string | null, records: SessionRecords, filter: HealthFilter): SessionRollup | null {
  if (picksSessions(filter)) return null;
  const inRange = inRangeOf(filter);
  return rollupOf(studyId, sessionId, {
    visits: records.visits.filter((v) => inRange(v.enteredAt)),
    signals: records.signals.filter((s) => inRange(s.at)),
    responses: records.responses.filter((r) => inRange(r.at)),
  });
}

/** Every session key's rollup, from raw records. */
export function rollupsFor(records: HealthRecords, filter: HealthFilter = {}): SessionRollup[] {
  const studyId = records.study.id ?? '';
  const known = new Set(records.sessions.map((s) => s.id));
  const groups = new Map<string | null, { visits: Visit[]; signals: Signal[]; responses: SurveyResponse[] }>();
  const group = (sessionId: string | null) => {
    let g = groups.get(sessionId);
    if (!g) groups.set(sessionId, (g = { visits: [], signals: [], responses: [] }));
    return g;
  };
  for (const visit of records.visits) group(visit.sessionId).visits.push(visit);
  for (const signal of records.signals) group(signal.sessionId).signals.push(signal);
  for (const response of records.responses) group(response.sessionId).responses.push(response);
  const rollups: SessionRollup[] = [];
  for (const [sessionId, g] of groups) {
    const rollup = sessionId !== null && known.has(sessionId) ? rollupOf(studyId, sessionId, g) : looseRollup(studyId, sessionId, g, filter);
    if (rollup) rollups.push(rollup);
  }
  return rollups;
}

/** The journey's aggregate straight from records: rolled up per session, then added up as a map does. */
export function aggregateJourney(records: HealthRecords, filter: HealthFilter = {}, options: AggregateOptions = {}): JourneyAggregate {
  return aggregateRollups({ ...records, rollups: rollupsFor(records, filter) }, filter, options);
}
