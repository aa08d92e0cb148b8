import type { Annotation } from '../records/annotation';
import type { OffsiteTouchpoint } from '../records/offsite';
import type { SurveyResponse } from '../records/response';
import type { Session } from '../records/session';
import type { Signal, SignalKind } from '../records/signal';
import type { Study } from '../records/study';
import type { Visit } from '../records/visit';
import { addTally, attitudeAnswers, attitudeInputs, emptyTally, instrumentScores, normaliseLinear, type AnswerTally, type InstrumentScores, type Normalise } from './scores';
import { mergeRollups, type MergedRollups } from './merged-rollups';
import { compareText, placeOf, rollupOf, touchpointKey, type SessionRollup, type Verbatim } from './session-rollup';
import type { TouchpointAggregate } from './touchpoint-health';

export { touchpointKey, type Verbatim } from './session-rollup';

/**
 * From records to the counts health and the journey map are drawn from. Each session's records are first summed
 * up on their own (session-rollup.ts; the store keeps these up to date as it writes), then the sessions in the
 * filter are added up here: a long study's map costs a pass over its few hundred sessions, not its 100k events.
 */

/** Which walks to look at. Empty lists are "none"; a missing field is "no limit". */
export interface HealthFilter {
  personaIds?: readonly string[];
  sessionIds?: readonly string[];
  /** Sessions that started at or after this time (epoch ms). */
  from?: number;
  /** Sessions that started at or before this time (epoch ms). */
  to?: number;
}

export interface HealthRecords {
  study: Pick<Study, 'stages' | 'goalStageId'>;
  sessions: readonly Session[];
  visits: readonly Visit[];
  signals: readonly Signal[];
  responses: readonly SurveyResponse[];
  annotations: readonly Annotation[];
  offsite: readonly OffsiteTouchpoint[];
}

export interface AggregateOptions {
  /** How instrument scores become 0…1 attitude inputs; the survey module's `normalisedScore` fits here. */
  normalise?: Normalise;
}

export interface TouchpointRollup extends TouchpointAggregate {
  /** Raw answer counts behind `attitude`, and NPS / open text. */
  tally: AnswerTally;
  openOpportunities: number;
  offsite: Pick<OffsiteTouchpoint, 'id' | 'name' | 'channel' | 'note'> | null;
}

export interface Findability {
  /** Sessions that arrived in the stage at all. */
  sessions: number;
  /** Median time from the session's start to its first visit in the stage. */
  medianTimeMs: number | null;
  /** Median pages viewed to get there, the arrival page included (1 = the walk started there). */
  medianPages: number | null;
}

export interface StageRollup {
  stageId: string;
  name: string;
  visits: number;
  /** The stage's touchpoints in map order: pages by visits, then off-site ones. */
  touchpointKeys: string[];
  /** Sessions with at least one visit in the stage. */
  sessionsReached: number;
  exits: number;
  /** Exits in the stage ÷ sessions that reached it; null when none did. */
  dropOff: number | null;
  signalsByKind: Partial<Record<SignalKind, number>>;
  tally: AnswerTally;
  /** CSAT %, CES, SEQ, NPS and emotion mean of the answers given in the stage. */
  scores: InstrumentScores;
  openPainPoints: number;
  openOpportunities: number;
  findability: Findability;
}

export interface SessionFindability {
  sessionId: string;
  personaId: string | null;
  /** Stage id → first arrival: time since the session started, and pages viewed up to and including that one. */
  arrivals: Record<string, { timeMs: number; pages: number }>;
  /** Whether any visit was in the goal stage or a later one; null when the study has no goal stage. */
  reachedGoalStage: boolean | null;
}


export interface JourneyAggregate {
  /** The study's stages, in journey order. */
  stages: StageRollup[];
  /** Every touchpoint seen or logged, in stage order; untagged pages (stageId null or unknown) last. */
  touchpoints: TouchpointRollup[];
  sessions: { total: number; ended: number; goalReached: number };
  findability: SessionFindability[];
  /** Open-text answers, oldest first. */
  verbatims: Verbatim[];
  /** Annotations in the filter, oldest first. */
  annotations: Annotation[];
  counts: { visits: number; signals: number; responses: number };
}

export function offsiteKey(offsiteId: string): string {
  return `offsite|${offsiteId}`;
}

/** The middle value (mean of the two middle ones for an even count); null for none. Sorts a copy. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function newTouchpoint(key: string, stageId: string | null, pageKey: string | null): TouchpointRollup {
  return {
    key,
    kind: pageKey === null ? 'offsite' : 'page',
    stageId,
    pageKey,
    visits: 0,
    signalsByKind: {},
    exits: 0,
    deadEnds: 0,
    attitude: { csat: null, ces: null, seq: null, emotion: null },
    answers: 0,
    openPainPoints: 0,
    tally: emptyTally(),
    openOpportunities: 0,
    offsite: null,
  };
}


interface StageWork extends StageRollup {
  times: number[];
  pages: number[];
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

/** Whether a filter picks walks by who or which; then records of no known session are out. */
export function picksSessions(filter: HealthFilter): boolean {
  return filter.personaIds !== undefined || filter.sessionIds !== undefined;
}

/** Whether a filter limits time; then records of no known session count only for their own time. */
export function limitsTime(filter: HealthFilter): boolean {
  return filter.from !== undefined || filter.to !== undefined;
}

function inRangeOf(filter: HealthFilter): (t: number) => boolean {
  return (t) => (filter.from === undefined || t >= filter.from) && (filter.to === undefined || t <= filter.to);
}

/**
 * Records of no known session (answers outside a walk, or a session the file did not bring) are in only when no
 * persona or session is asked for, and their own time lies within from…to: their rollup is built from just those.
 */
export function looseRollup(studyId: string, sessionId: string | null, records: SessionRecordsOf, filter: HealthFilter): SessionRollup | null {
  if (picksSessions(filter)) return null;
  const inRange = inRangeOf(filter);
  return rollupOf(studyId, sessionId, {
    visits: records.visits.filter((v) => inRange(v.enteredAt)),
    signals: records.signals.filter((s) => inRange(s.at)),
    responses: records.responses.filter((r) => inRange(r.at)),
  });
}
type SessionRecordsOf = Parameters<typeof rollupOf>[2];

/** Every session key's rollup, from raw records: what the store keeps, for records not in a store. */
export function rollupsFor(records: HealthRecords & { study: { id?: string } }, filter: HealthFilter = {}): SessionRollup[] {
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

/**
 * Touchpoints and stages of a study for a filter. Records tied to a session are in when their session is (its
 * persona, its id, its start within from…to); records tied to no session — a note made outside a walk — are in only
 * when no persona or session is asked for, and their own time lies within from…to. Off-site touchpoints are part of
 * the journey itself and always listed (they have no visits: health "not measured").
 */
export function aggregateJourney(records: HealthRecords & { study: { id?: string } }, filter: HealthFilter = {}, options: AggregateOptions = {}): JourneyAggregate {
  return aggregateRollups({ ...records, rollups: rollupsFor(records, filter) }, filter, options);
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

/** The rollups a filter takes, in key order: those of its sessions, and (unless it picks sessions) those of no known session. */
export function selectedRollups(records: Pick<RollupRecords, 'sessions' | 'rollups'>, filter: HealthFilter): SessionRollup[] {
  const known = new Set(records.sessions.map((s) => s.id));
  const selected = selectedSessions(records.sessions, filter);
  const loose = !picksSessions(filter);
  return records.rollups
    .filter((r) => (r.sessionId !== null && known.has(r.sessionId) ? selected.has(r.sessionId) : loose))
    .sort((a, b) => compareText(a.key, b.key));
}

/** What the aggregate is drawn from when the rollups in the filter are already added up (merged-rollups.ts). */
export interface MergedRecords {
  study: Pick<Study, 'stages' | 'goalStageId'>;
  sessions: readonly Session[];
  /** The rollups `selectedRollups` takes for the filter, added up. */
  merged: MergedRollups;
  annotations: readonly Annotation[];
  offsite: readonly OffsiteTouchpoint[];
}

/** Merges the rollups a filter takes, unless that was done already (a study summary, for the whole study). */
export function mergedFor(records: RollupRecords | MergedRecords, filter: HealthFilter): MergedRecords {
  return 'merged' in records ? records : { ...records, merged: mergeRollups(selectedRollups(records, filter)) };
}

export function aggregateRollups(records: RollupRecords | MergedRecords, filter: HealthFilter = {}, options: AggregateOptions = {}): JourneyAggregate {
  const normalise = options.normalise ?? normaliseLinear;
  const { merged } = mergedFor(records, filter);
  const { stages: studyStages, goalStageId } = records.study;
  const inRange = inRangeOf(filter);
  const bySession = picksSessions(filter);
  const known = new Set(records.sessions.map((s) => s.id));
  const selected = selectedSessions(records.sessions, filter);

  const stageIndex = new Map(studyStages.map((stage, i) => [stage.id, i]));
  const goalIndex = goalStageId ? (stageIndex.get(goalStageId) ?? -1) : -1;
  const stages: StageWork[] = studyStages.map((stage) => ({
    stageId: stage.id,
    name: stage.name,
    visits: 0,
    touchpointKeys: [],
    sessionsReached: 0,
    exits: 0,
    dropOff: null,
    signalsByKind: {},
    tally: emptyTally(),
    scores: instrumentScores(emptyTally()),
    openPainPoints: 0,
    openOpportunities: 0,
    findability: { sessions: 0, medianTimeMs: null, medianPages: null },
    times: [],
    pages: [],
  }));
  const stageOf = (stageId: string | null) => {
    const i = stageId === null ? undefined : stageIndex.get(stageId);
    return i === undefined ? undefined : stages[i];
  };

  const touchpoints = new Map<string, TouchpointRollup>();
  const touchpointAt = (key: string) => {
    let tp = touchpoints.get(key);
    if (!tp) {
      const { stageId, pageKey } = placeOf(key);
      touchpoints.set(key, (tp = newTouchpoint(key, stageId, pageKey)));
    }
    return tp;
  };
  const touchpoint = (stageId: string | null, pageKey: string) => touchpointAt(touchpointKey(stageId, pageKey));

  for (const [key, [visits]] of Object.entries(merged.touchpoints)) {
    const tp = touchpointAt(key);
    tp.visits += visits;
    const stage = stageOf(tp.stageId);
    if (stage) stage.visits += visits;
  }
  for (const [key, byKind] of Object.entries(merged.signalsByTouchpoint)) {
    const into = touchpointAt(key);
    const stage = stageOf(into.stageId);
    for (const [kind, n] of Object.entries(byKind) as [SignalKind, number][]) {
      into.signalsByKind[kind] = (into.signalsByKind[kind] ?? 0) + n;
      if (stage) stage.signalsByKind[kind] = (stage.signalsByKind[kind] ?? 0) + n;
    }
  }
  for (const [key, tally] of Object.entries(merged.tallies)) {
    const tp = touchpointAt(key);
    addTally(tp.tally, tally);
    const stage = stageOf(tp.stageId);
    if (stage) addTally(stage.tally, tally);
  }
  const findability: SessionFindability[] = [];
  for (const walk of merged.walks) {
    const session = selected.get(walk.sessionId);
    const start = session?.startedAt ?? walk.firstAt;
    const arrivals: SessionFindability['arrivals'] = {};
    let furthest = -1;
    for (const [stageId, arrival] of Object.entries(walk.arrivals)) {
      const index = stageIndex.get(stageId);
      if (index === undefined) continue;
      furthest = Math.max(furthest, index);
      const timeMs = Math.max(0, arrival.enteredAt - start);
      arrivals[stageId] = { timeMs, pages: arrival.pages };
      const stage = stages[index]!;
      stage.sessionsReached++;
      stage.times.push(timeMs);
      stage.pages.push(arrival.pages);
    }
    findability.push({ sessionId: walk.sessionId, personaId: session?.personaId ?? null, arrivals, reachedGoalStage: goalIndex < 0 ? null : furthest >= goalIndex });
  }
  // Every signal's touchpoint was made above, from the counts by touchpoint.
  for (const [key, n] of Object.entries(merged.exits)) {
    const tp = touchpoints.get(key)!;
    tp.exits += n;
    const stage = stageOf(tp.stageId);
    if (stage) stage.exits += n;
  }
  for (const [key, n] of Object.entries(merged.deadEnds)) touchpoints.get(key)!.deadEnds += n;

  const annotations: Annotation[] = [];
  for (const annotation of records.annotations) {
    const isIn = annotation.sessionId !== null && known.has(annotation.sessionId) ? selected.has(annotation.sessionId) : !bySession && inRange(annotation.createdAt);
    if (!isIn) continue;
    annotations.push(annotation);
    if (annotation.status !== 'open') continue;
    const stage = stageOf(annotation.stageId);
    if (annotation.type === 'pain_point') {
      touchpoint(annotation.stageId, annotation.pageKey).openPainPoints++;
      if (stage) stage.openPainPoints++;
    } else if (annotation.type === 'opportunity') {
      touchpoint(annotation.stageId, annotation.pageKey).openOpportunities++;
      if (stage) stage.openOpportunities++;
    }
  }

  const offsite: TouchpointRollup[] = records.offsite.map((o) => ({
    ...newTouchpoint(offsiteKey(o.id), o.stageId, null),
    offsite: { id: o.id, name: o.name, channel: o.channel, note: o.note },
  }));

  // Map order: stage by stage (untagged last); in a stage, pages by visits, then its off-site touchpoints.
  const rank = (tp: TouchpointRollup) => (tp.stageId === null ? undefined : stageIndex.get(tp.stageId)) ?? studyStages.length;
  const all = [...touchpoints.values(), ...offsite].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(a.kind === 'offsite') - Number(b.kind === 'offsite') ||
      b.visits - a.visits ||
      compareText(a.pageKey ?? a.offsite?.name ?? '', b.pageKey ?? b.offsite?.name ?? '') ||
      compareText(a.key, b.key),
  );
  for (const tp of all) {
    tp.attitude = attitudeInputs(tp.tally, normalise);
    tp.answers = attitudeAnswers(tp.tally);
    stageOf(tp.stageId)?.touchpointKeys.push(tp.key);
  }

  let ended = 0;
  let goalReached = 0;
  for (const session of selected.values()) {
    if (session.endedAt === null) continue;
    ended++;
    if (session.outcome === 'goal_reached') goalReached++;
  }

  return {
    stages: stages.map(({ times, pages, ...stage }) => ({
      ...stage,
      dropOff: stage.sessionsReached ? stage.exits / stage.sessionsReached : null,
      scores: instrumentScores(stage.tally),
      findability: { sessions: times.length, medianTimeMs: median(times), medianPages: median(pages) },
    })),
    touchpoints: all,
    sessions: { total: selected.size, ended, goalReached },
    findability,
    verbatims: merged.verbatims,
    annotations: annotations.sort((a, b) => a.createdAt - b.createdAt),
    counts: { ...merged.counts },
  };
}
