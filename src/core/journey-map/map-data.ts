import { aggregateJourney, type HealthFilter, type HealthRecords, type JourneyAggregate } from '../health/aggregate';
import { journeyHealth, type JourneyHealth } from '../health/journey-health';
import type { Persona } from '../records/persona';
import type { Session } from '../records/session';
import type { SignalKind } from '../records/signal';
import type { Study } from '../records/study';

/** One step of the persona's path in a stage: a touchpoint and how often it was visited. */
export interface MapAction {
  pageKey: string;
  visits: number;
  firstAt: number;
}

/** Friction of one kind on one element of one touchpoint: a pain point with its evidence. */
export interface SignalGroup {
  kind: SignalKind;
  pageKey: string;
  element: string | null;
  count: number;
  /** The signals behind it (the first few), so a cell can link to its evidence. */
  signalIds: string[];
}

export interface JourneyMapData {
  study: Study;
  filter: HealthFilter;
  aggregate: JourneyAggregate;
  health: JourneyHealth;
  /** Per stage id: the touchpoints the persona went through, in the order first reached. */
  actions: Record<string, MapAction[]>;
  /** Per stage id: friction grouped by kind and element, most frequent first. */
  painPoints: Record<string, SignalGroup[]>;
  /** For the filter bar: who walked and when. */
  sessions: Session[];
  personas: Persona[];
}

const EVIDENCE_IDS = 20;

/** Everything the dashboard draws for one filter, built in one pass over the study's records. */
export function buildJourneyMap(records: HealthRecords & { study: Study; personas: readonly Persona[] }, filter: HealthFilter = {}): JourneyMapData {
  const aggregate = aggregateJourney(records, filter);
  const inFilter = new Set(aggregate.findability.map((f) => f.sessionId));
  const actions: Record<string, Map<string, MapAction>> = {};
  for (const visit of records.visits) {
    if (!inFilter.has(visit.sessionId) || visit.stageId === null) continue;
    const stage = (actions[visit.stageId] ??= new Map());
    const action = stage.get(visit.pageKey);
    if (action) {
      action.visits++;
      action.firstAt = Math.min(action.firstAt, visit.enteredAt);
    } else stage.set(visit.pageKey, { pageKey: visit.pageKey, visits: 1, firstAt: visit.enteredAt });
  }
  const groups: Record<string, Map<string, SignalGroup>> = {};
  for (const signal of records.signals) {
    if (!inFilter.has(signal.sessionId) || signal.stageId === null) continue;
    const element = signal.element ? signal.element.name || signal.element.selector : null;
    const key = `${signal.kind}|${signal.pageKey}|${element ?? ''}`;
    const stage = (groups[signal.stageId] ??= new Map());
    const group = stage.get(key) ?? { kind: signal.kind, pageKey: signal.pageKey, element, count: 0, signalIds: [] };
    group.count++;
    if (group.signalIds.length < EVIDENCE_IDS) group.signalIds.push(signal.id);
    stage.set(key, group);
  }
  const personaIds = new Set(records.sessions.map((s) => s.personaId));
  return {
    study: records.study,
    filter,
    aggregate,
    health: journeyHealth(aggregate),
    actions: Object.fromEntries(Object.entries(actions).map(([stageId, map]) => [stageId, [...map.values()].sort((a, b) => a.firstAt - b.firstAt)])),
    painPoints: Object.fromEntries(Object.entries(groups).map(([stageId, map]) => [stageId, [...map.values()].sort((a, b) => b.count - a.count)])),
    sessions: [...records.sessions].sort((a, b) => b.startedAt - a.startedAt),
    personas: records.personas.filter((p) => personaIds.has(p.id)),
  };
}
