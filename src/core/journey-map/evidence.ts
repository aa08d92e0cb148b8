import type { HealthFilter } from '../health/filter';
import { UNTAGGED } from '../health/stage-rollups';
import type { Annotation, AnnotationType } from '../records/annotation';
import type { OffsiteTouchpoint } from '../records/offsite';
import type { SurveyResponse } from '../records/response';
import type { Session } from '../records/session';
import type { Signal, SignalKind } from '../records/signal';
import type { Instrument } from '../records/survey';
import type { Visit } from '../records/visit';
import { isAnswer } from '../surveys/instruments';

/**
 * The records behind one cell of the map: the study file (fetched once) cut to the map's filter, grouped by stage
 * once per filter, so opening a cell only looks at that stage. The filter means what it means to the aggregate
 * (src/core/health/aggregate.ts): a record of a known session is in when its session is; a record of no session is
 * in only when no persona or session is asked for and its own time lies in the date range.
 */

export interface EvidenceSource {
  sessions: readonly Session[];
  visits: readonly Visit[];
  signals: readonly Signal[];
  responses: readonly SurveyResponse[];
  annotations: readonly Annotation[];
  offsite: readonly OffsiteTouchpoint[];
}

interface StageRecords {
  visits: Visit[];
  signals: Signal[];
  responses: SurveyResponse[];
  annotations: Annotation[];
}

export interface EvidenceIndex {
  /** Stage id (or `untagged`) → its records in the filter, oldest first. Dismissed survey prompts are left out. */
  byStage: ReadonlyMap<string, StageRecords>;
  offsite: ReadonlyMap<string, OffsiteTouchpoint>;
  sessions: ReadonlyMap<string, Session>;
}

export interface EvidenceQuery {
  stageId: string | null;
  /** One touchpoint of the stage; all of them when left out. */
  pageKey?: string;
  offsiteId?: string;
  visits?: boolean;
  /** true: every kind; a list: those kinds only. */
  signals?: boolean | readonly SignalKind[];
  responses?: boolean | readonly Instrument[];
  annotations?: boolean | readonly AnnotationType[];
}

export interface Evidence {
  visits: Visit[];
  signals: Signal[];
  responses: SurveyResponse[];
  annotations: Annotation[];
  offsite: OffsiteTouchpoint | null;
}


/** Whether a record belongs to the filter, as the aggregate decides it. */
export function filterPredicate(sessions: readonly Session[], filter: HealthFilter): (sessionId: string | null, at: number) => boolean {
  const inRange = (t: number) => (filter.from === undefined || t >= filter.from) && (filter.to === undefined || t <= filter.to);
  const personas = filter.personaIds ? new Set(filter.personaIds) : null;
  const ids = filter.sessionIds ? new Set(filter.sessionIds) : null;
  const bySession = personas !== null || ids !== null;
  const known = new Set<string>();
  const selected = new Set<string>();
  for (const s of sessions) {
    known.add(s.id);
    if (personas && (s.personaId === null || !personas.has(s.personaId))) continue;
    if (ids && !ids.has(s.id)) continue;
    if (inRange(s.startedAt)) selected.add(s.id);
  }
  return (sessionId, at) => (sessionId !== null && known.has(sessionId) ? selected.has(sessionId) : !bySession && inRange(at));
}

export function evidenceIndex(source: EvidenceSource, filter: HealthFilter): EvidenceIndex {
  const inFilter = filterPredicate(source.sessions, filter);
  const byStage = new Map<string, StageRecords>();
  const stage = (stageId: string | null) => {
    const key = stageId ?? UNTAGGED;
    let records = byStage.get(key);
    if (!records) byStage.set(key, (records = { visits: [], signals: [], responses: [], annotations: [] }));
    return records;
  };
  for (const v of source.visits) if (inFilter(v.sessionId, v.enteredAt)) stage(v.stageId).visits.push(v);
  for (const s of source.signals) if (inFilter(s.sessionId, s.at)) stage(s.stageId).signals.push(s);
  for (const r of source.responses) if (!r.dismissed && inFilter(r.sessionId, r.at)) stage(r.stageId).responses.push(r);
  for (const a of source.annotations) if (inFilter(a.sessionId, a.createdAt)) stage(a.stageId).annotations.push(a);
  for (const records of byStage.values()) {
    records.visits.sort((a, b) => a.enteredAt - b.enteredAt);
    records.signals.sort((a, b) => a.at - b.at);
    records.responses.sort((a, b) => a.at - b.at);
    records.annotations.sort((a, b) => a.createdAt - b.createdAt);
  }
  return {
    byStage,
    offsite: new Map(source.offsite.map((o) => [o.id, o])),
    sessions: new Map(source.sessions.map((s) => [s.id, s])),
  };
}

const wanted = <T extends string>(option: boolean | readonly T[] | undefined, value: T) =>
  option === true || (Array.isArray(option) && option.includes(value));

/** An open-text answer with words in it: what the "Thoughts & feelings" lane shows. */
export const isVerbatim = (r: SurveyResponse) => r.instrument === 'open_text' && isAnswer(r);

export function selectEvidence(index: EvidenceIndex, query: EvidenceQuery): Evidence {
  const offsite = query.offsiteId ? (index.offsite.get(query.offsiteId) ?? null) : null;
  const records = index.byStage.get(query.stageId ?? UNTAGGED);
  const empty: Evidence = { visits: [], signals: [], responses: [], annotations: [], offsite };
  if (!records || query.offsiteId) return empty;
  const here = <T extends { pageKey: string }>(list: T[]) => (query.pageKey === undefined ? list : list.filter((r) => r.pageKey === query.pageKey));
  return {
    visits: query.visits ? here(records.visits) : [],
    signals: query.signals ? here(records.signals).filter((s) => wanted(query.signals, s.kind)) : [],
    responses: query.responses
      ? here(records.responses).filter((r) => wanted(query.responses, r.instrument) && (r.instrument !== 'open_text' || isVerbatim(r)))
      : [],
    annotations: query.annotations ? here(records.annotations).filter((a) => wanted(query.annotations, a.type)) : [],
    offsite,
  };
}
