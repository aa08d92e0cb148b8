import type { Annotation } from '../records/annotation';
import type { OffsiteTouchpoint } from '../records/offsite';
import type { SurveyResponse } from '../records/response';
import type { Session } from '../records/session';
import type { Signal, SignalKind } from '../records/signal';
import type { Study } from '../records/study';
import type { Visit } from '../records/visit';
import {
  attitudeAnswers,
  attitudeInputs,
  emptyTally,
  instrumentScores,
  normaliseLinear,
  scoredValue,
  tallyAnswer,
  type AnswerTally,
  type InstrumentScores,
  type Normalise,
} from './scores';
import type { TouchpointAggregate } from './touchpoint-health';

/**
 * From records to the counts health and the journey map are drawn from: one pass over each kind of record (maps,
 * no nested scans), plus one sort of each session's visits for findability — fine for a long study's 100k events.
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

export interface Verbatim {
  responseId: string;
  sessionId: string | null;
  stageId: string | null;
  pageKey: string;
  text: string;
  at: number;
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

/** A page touchpoint: its stage and page key. UUIDs hold no `|`, so the first one splits the key unambiguously. */
export function touchpointKey(stageId: string | null, pageKey: string): string {
  return `${stageId ?? 'untagged'}|${pageKey}`;
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

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface StageWork extends StageRollup {
  times: number[];
  pages: number[];
}

/**
 * Touchpoints and stages of a study for a filter. Records tied to a session are in when their session is (its
 * persona, its id, its start within from…to); records tied to no session — a note made outside a walk — are in only
 * when no persona or session is asked for, and their own time lies within from…to. Off-site touchpoints are part of
 * the journey itself and always listed (they have no visits: health "not measured").
 */
export function aggregateJourney(records: HealthRecords, filter: HealthFilter = {}, options: AggregateOptions = {}): JourneyAggregate {
  const normalise = options.normalise ?? normaliseLinear;
  const { stages: studyStages, goalStageId } = records.study;
  const inRange = (t: number) => (filter.from === undefined || t >= filter.from) && (filter.to === undefined || t <= filter.to);
  const personas = filter.personaIds ? new Set(filter.personaIds) : null;
  const sessionIds = filter.sessionIds ? new Set(filter.sessionIds) : null;
  const bySession = personas !== null || sessionIds !== null;

  const known = new Set<string>();
  const selected = new Map<string, Session>();
  for (const session of records.sessions) {
    known.add(session.id);
    if (personas && (session.personaId === null || !personas.has(session.personaId))) continue;
    if (sessionIds && !sessionIds.has(session.id)) continue;
    if (!inRange(session.startedAt)) continue;
    selected.set(session.id, session);
  }
  const inFilter = (sessionId: string | null, at: number) =>
    sessionId !== null && known.has(sessionId) ? selected.has(sessionId) : !bySession && inRange(at);

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
  const touchpoint = (stageId: string | null, pageKey: string) => {
    const key = touchpointKey(stageId, pageKey);
    let tp = touchpoints.get(key);
    if (!tp) touchpoints.set(key, (tp = newTouchpoint(key, stageId, pageKey)));
    return tp;
  };

  const visitsBySession = new Map<string, Visit[]>();
  let visitCount = 0;
  for (const visit of records.visits) {
    if (!inFilter(visit.sessionId, visit.enteredAt)) continue;
    visitCount++;
    touchpoint(visit.stageId, visit.pageKey).visits++;
    const stage = stageOf(visit.stageId);
    if (stage) stage.visits++;
    const list = visitsBySession.get(visit.sessionId);
    if (list) list.push(visit);
    else visitsBySession.set(visit.sessionId, [visit]);
  }

  // One exit and one dead end per visit at most, whatever duplicates the store holds.
  const exitVisits = new Set<string>();
  const deadEndVisits = new Set<string>();
  let signalCount = 0;
  for (const signal of records.signals) {
    if (!inFilter(signal.sessionId, signal.at)) continue;
    signalCount++;
    const tp = touchpoint(signal.stageId, signal.pageKey);
    const stage = stageOf(signal.stageId);
    tp.signalsByKind[signal.kind] = (tp.signalsByKind[signal.kind] ?? 0) + 1;
    if (stage) stage.signalsByKind[signal.kind] = (stage.signalsByKind[signal.kind] ?? 0) + 1;
    if (signal.kind === 'exit' && !exitVisits.has(signal.visitId)) {
      exitVisits.add(signal.visitId);
      tp.exits++;
      if (stage) stage.exits++;
    } else if (signal.kind === 'dead_end' && !deadEndVisits.has(signal.visitId)) {
      deadEndVisits.add(signal.visitId);
      tp.deadEnds++;
    }
  }

  const verbatims: Verbatim[] = [];
  let responseCount = 0;
  for (const response of records.responses) {
    if (!inFilter(response.sessionId, response.at)) continue;
    responseCount++;
    const stage = stageOf(response.stageId);
    if (response.instrument === 'open_text') {
      const text = response.dismissed ? '' : (response.text ?? '').trim();
      if (!text) continue;
      touchpoint(response.stageId, response.pageKey).tally.openText++;
      if (stage) stage.tally.openText++;
      verbatims.push({ responseId: response.id, sessionId: response.sessionId, stageId: response.stageId, pageKey: response.pageKey, text, at: response.at });
      continue;
    }
    const value = scoredValue(response);
    if (value === null) continue;
    tallyAnswer(touchpoint(response.stageId, response.pageKey).tally, response.instrument, value);
    if (stage) tallyAnswer(stage.tally, response.instrument, value);
  }

  const annotations: Annotation[] = [];
  for (const annotation of records.annotations) {
    if (!inFilter(annotation.sessionId, annotation.createdAt)) continue;
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

  const findability: SessionFindability[] = [];
  for (const [sessionId, visits] of visitsBySession) {
    visits.sort((a, b) => a.enteredAt - b.enteredAt);
    const session = selected.get(sessionId);
    const start = session?.startedAt ?? visits[0]!.enteredAt;
    const arrivals: SessionFindability['arrivals'] = {};
    let furthest = -1;
    visits.forEach((visit, i) => {
      const index = visit.stageId === null ? undefined : stageIndex.get(visit.stageId);
      if (index === undefined) return;
      furthest = Math.max(furthest, index);
      if (arrivals[visit.stageId!]) return;
      arrivals[visit.stageId!] = { timeMs: Math.max(0, visit.enteredAt - start), pages: i + 1 };
      const stage = stages[index]!;
      stage.sessionsReached++;
      stage.times.push(Math.max(0, visit.enteredAt - start));
      stage.pages.push(i + 1);
    });
    findability.push({ sessionId, personaId: session?.personaId ?? null, arrivals, reachedGoalStage: goalIndex < 0 ? null : furthest >= goalIndex });
  }

  // Map order: stage by stage (untagged last); in a stage, pages by visits, then its off-site touchpoints.
  const rank = (tp: TouchpointRollup) => (tp.stageId === null ? undefined : stageIndex.get(tp.stageId)) ?? studyStages.length;
  const all = [...touchpoints.values(), ...offsite].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(a.kind === 'offsite') - Number(b.kind === 'offsite') ||
      b.visits - a.visits ||
      compareText(a.pageKey ?? a.offsite?.name ?? '', b.pageKey ?? b.offsite?.name ?? ''),
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
    verbatims: verbatims.sort((a, b) => a.at - b.at),
    annotations: annotations.sort((a, b) => a.createdAt - b.createdAt),
    counts: { visits: visitCount, signals: signalCount, responses: responseCount },
  };
}
