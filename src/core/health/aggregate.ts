import type { Annotation } from '../records/annotation';
import type { SignalKind } from '../records/signal';
import { mergedFor, recordPicker, selectedSessions, type HealthFilter, type MergedRecords, type RollupRecords } from './filter';
import { journeyPaths, type JourneyPaths } from './paths';
import { addTally, attitudeAnswers, attitudeInputs, normaliseLinear, type Normalise } from './scores';
import { findabilityOf, finishStage, newStageWork, UNTAGGED, type SessionFindability, type StageRollup, type StageWork } from './stage-rollups';
import { inMapOrder, offsiteRollup, TouchpointTable, type TouchpointRollup } from './touchpoint-rollups';
import { placeOf, touchpointKey, type Verbatim } from './session-rollup';

/**
 * From rolled-up records to the counts health and the journey map are drawn from. Each session's records are first
 * summed up on their own (session-rollup.ts; the store keeps these up to date as it writes), the sessions in the
 * filter are added up (merged-rollups.ts), and that is spread here over stages and touchpoints: a long study's map
 * costs a pass over its few hundred sessions, not its 100k events.
 */

export interface AggregateOptions {
  /** How instrument scores become 0…1 attitude inputs; the survey module's `normalisedScore` fits here. */
  normalise?: Normalise;
}

export interface JourneyAggregate {
  /** The study's stages, in journey order. */
  stages: StageRollup[];
  /** Pages no rule tags (or of a stage no longer in the study): the map's Untagged column, after the stages. */
  untagged: StageRollup;
  /** Every touchpoint seen or logged, in stage order; untagged pages (stageId null or unknown) last. */
  touchpoints: TouchpointRollup[];
  sessions: { total: number; ended: number; goalReached: number };
  findability: SessionFindability[];
  paths: JourneyPaths;
  /** Open-text answers, oldest first. */
  verbatims: Verbatim[];
  /** Annotations in the filter, oldest first. */
  annotations: Annotation[];
  counts: { visits: number; signals: number; responses: number };
}

function addKinds(into: Partial<Record<SignalKind, number>>, from: Partial<Record<SignalKind, number>>): void {
  for (const [kind, n] of Object.entries(from) as [SignalKind, number][]) into[kind] = (into[kind] ?? 0) + n;
}

/** Each touchpoint's counts, added to its stage's (the Untagged column's when no stage of the study is its). */
function countTouchpoints(merged: MergedRecords['merged'], table: TouchpointTable, stageOf: (stageId: string | null) => StageWork): void {
  for (const [key, [visits]] of Object.entries(merged.touchpoints)) {
    const tp = table.at(key);
    tp.visits += visits;
    stageOf(tp.stageId).visits += visits;
  }
  for (const [key, byKind] of Object.entries(merged.signalsByTouchpoint)) {
    const tp = table.at(key);
    addKinds(tp.signalsByKind, byKind);
    addKinds(stageOf(tp.stageId).signalsByKind, byKind);
  }
  for (const [key, tally] of Object.entries(merged.tallies)) {
    const tp = table.at(key);
    addTally(tp.tally, tally);
    addTally(stageOf(tp.stageId).tally, tally);
  }
  for (const [key, n] of Object.entries(merged.exits)) {
    const tp = table.at(key);
    tp.exits += n;
    stageOf(tp.stageId).exits += n;
  }
  for (const [key, n] of Object.entries(merged.deadEnds)) {
    const tp = table.at(key);
    tp.deadEnds += n;
    stageOf(tp.stageId).deadEnds += n;
  }
}

/** Open pain points and opportunities, counted where they were noted. */
function countNotes(annotations: readonly Annotation[], table: TouchpointTable, stageOf: (stageId: string | null) => StageWork): void {
  for (const a of annotations) {
    if (a.status !== 'open' || (a.type !== 'pain_point' && a.type !== 'opportunity')) continue;
    const tp = table.at(touchpointKey(a.stageId, a.pageKey));
    const stage = stageOf(a.stageId);
    if (a.type === 'pain_point') {
      tp.openPainPoints++;
      stage.openPainPoints++;
    } else {
      tp.openOpportunities++;
      stage.openOpportunities++;
    }
  }
}

/** Its attitude and answers, from its tally. */
function finishTouchpoint(tp: TouchpointRollup, normalise: Normalise): void {
  tp.attitude = attitudeInputs(tp.tally, normalise);
  tp.answers = attitudeAnswers(tp.tally);
}

/**
 * One touchpoint over the whole study, as `aggregateRollups` counts it for the map's touchpoints (the popup's page
 * panel shows its health): from the study's rollups added up and its notes, with nothing else of the map added up.
 * Null for a touchpoint neither visited nor noted.
 */
export function wholeStudyTouchpoint(merged: MergedRecords['merged'], annotations: readonly Annotation[], key: string, options: AggregateOptions = {}): TouchpointRollup | null {
  const table = new TouchpointTable();
  // Stages are not asked for: their counts go nowhere.
  const anyStage = newStageWork(UNTAGGED, '');
  countTouchpoints(merged, table, () => anyStage);
  countNotes(annotations, table, () => anyStage);
  const tp = table.byKey.get(key);
  if (!tp) return null;
  finishTouchpoint(tp, options.normalise ?? normaliseLinear);
  return tp;
}

/**
 * Touchpoints and stages of a study for a filter. Records tied to a session are in when their session is (its
 * persona, its id, its start within from…to); notes and off-site touchpoints tied to no session follow
 * `recordPicker`. Off-site touchpoints have no visits: health "not measured".
 */
export function aggregateRollups(records: RollupRecords | MergedRecords, filter: HealthFilter = {}, options: AggregateOptions = {}): JourneyAggregate {
  const normalise = options.normalise ?? normaliseLinear;
  const { merged } = mergedFor(records, filter);
  const { stages: studyStages } = records.study;
  const selected = selectedSessions(records.sessions, filter);
  const picks = recordPicker(records.sessions, filter);

  const stageIndex = new Map(studyStages.map((stage, i) => [stage.id, i]));
  const stages = studyStages.map((stage) => newStageWork(stage.id, stage.name));
  const untagged = newStageWork(UNTAGGED, '');
  const stageOf = (stageId: string | null) => (stageId === null ? undefined : stages[stageIndex.get(stageId) ?? -1]) ?? untagged;

  const table = new TouchpointTable();
  countTouchpoints(merged, table, stageOf);
  const findability = findabilityOf(merged.walks, stages, records.study, selected);
  for (const walk of merged.walks) if (walk.path.some((key) => stageOf(placeOf(key).stageId) === untagged)) untagged.sessionsReached++;

  const annotations = records.annotations.filter((a) => picks({ sessionId: a.sessionId, at: a.createdAt })).sort((a, b) => a.createdAt - b.createdAt);
  countNotes(annotations, table, stageOf);
  const offsite = records.offsite.filter((o) => picks({ sessionId: o.sessionId, personaId: o.personaId, at: o.at ?? o.createdAt })).map(offsiteRollup);

  const rank = (tp: TouchpointRollup) => (tp.stageId === null ? undefined : stageIndex.get(tp.stageId)) ?? studyStages.length;
  const all = inMapOrder([...table.byKey.values(), ...offsite], rank);
  for (const tp of all) {
    finishTouchpoint(tp, normalise);
    stageOf(tp.stageId).touchpointKeys.push(tp.key);
  }

  // The goal is reached by a visit to the goal stage itself, or by the researcher saying so (Stop: goal reached).
  const visitedGoal = new Set(findability.filter((f) => f.reachedGoalStage).map((f) => f.sessionId));
  let ended = 0;
  let goalReached = 0;
  for (const session of selected.values()) {
    if (session.endedAt === null) continue;
    ended++;
    if (session.outcome === 'goal_reached' || visitedGoal.has(session.id)) goalReached++;
  }

  return {
    stages: stages.map(finishStage),
    untagged: finishStage(untagged),
    touchpoints: all,
    sessions: { total: selected.size, ended, goalReached },
    findability,
    paths: journeyPaths(merged.walks, records.study.goalStageId),
    verbatims: merged.verbatims,
    annotations,
    counts: { ...merged.counts },
  };
}
