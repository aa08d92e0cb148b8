import { aggregateRollups, type JourneyAggregate } from '../health/aggregate';
import { mergedFor, type HealthFilter, type MergedRecords, type RollupRecords } from '../health/filter';
import { compareText, elementOf, placeOf, touchpointKey, type GroupCount } from '../health/session-rollup';
import { UNTAGGED } from '../health/stage-rollups';
import { pageKeyOfPattern } from '../journey/stage-match';
import { journeyHealth, type JourneyHealth } from '../health/journey-health';
import type { Persona } from '../records/persona';
import type { Session } from '../records/session';
import { SignalKind } from '../records/signal';
import type { Study } from '../records/study';
import type { TextItem } from '../text/themes';
import { voiceOf } from '../text/summary';
import type { Voice } from '../text/voice';
import { columnFinder, QUOTES_SHOWN } from './map-columns';
import { withoutSiteName } from './site-name';

/** One step of the persona's path in a stage: a touchpoint and how often it was visited. */
export interface MapAction {
  /** The touchpoint's key (stage and page key), for its name. */
  key: string;
  pageKey: string;
  visits: number;
  firstAt: number;
}

/** Friction of one kind on one element of one touchpoint: a pain point. */
export interface SignalGroup {
  kind: SignalKind;
  pageKey: string;
  element: string | null;
  count: number;
}

/**
 * The aggregate as a map shows it: without each walk's own arrivals (`findability`), which only the stages'
 * medians and the goal completion are made of, and which would be a third of a long study's map reply.
 */
export type MapAggregate = Omit<JourneyAggregate, 'findability'>;

export interface JourneyMapData {
  study: Study;
  filter: HealthFilter;
  aggregate: MapAggregate;
  health: JourneyHealth;
  /** Per stage id: the touchpoints the persona went through, in the order first reached. */
  actions: Record<string, MapAction[]>;
  /** Per stage id: friction grouped by kind and element, most frequent first. */
  painPoints: Record<string, SignalGroup[]>;
  /** Touchpoint key → the name people read: its rule's label, else the page title seen most (map-view.ts falls back to the key). */
  labels: Record<string, string>;
  /**
   * Per column (a stage id, or Untagged): what its open-text answers and pain-point and opportunity notes say. Added
   * up here, in the worker, where the sentiment lexicons are warm, not in the page on every map it opens.
   */
  voices: Record<string, Voice>;
  /** For the filter bar: who walked and when. */
  sessions: Session[];
  personas: Persona[];
}

/** Everything the dashboard draws for one filter, added up from the rollups of the sessions in it. */
export function buildJourneyMap(records: (RollupRecords | MergedRecords) & { study: Study; personas: readonly Persona[] }, filter: HealthFilter = {}): JourneyMapData {
  const { merged } = mergedFor(records, filter);
  const { findability: _perWalk, ...aggregate } = aggregateRollups({ ...records, merged }, filter);
  const untaggedKeys = new Set(aggregate.untagged.touchpointKeys);
  const columnOf = (key: string) => (untaggedKeys.has(key) ? UNTAGGED : placeOf(key).stageId!);
  // Paths and pain points are drawn from walks with a visit in the filter (every visit is part of one).
  const actions: Record<string, MapAction[]> = {};
  for (const [key, [visits, firstAt]] of Object.entries(merged.touchpoints)) {
    (actions[columnOf(key)] ??= []).push({ key, pageKey: placeOf(key).pageKey, visits, firstAt });
  }
  const groups: Record<string, (SignalGroup & { firstAt: number })[]> = {};
  for (const [stageId, pages] of Object.entries(merged.groups)) {
    const stage = (groups[stageId] ??= []);
    for (const [pageKey, kinds] of Object.entries(pages)) {
      for (const [kind, elements] of Object.entries(kinds) as [SignalKind, Record<string, GroupCount>][]) {
        for (const [element, [count, firstAt]] of Object.entries(elements)) stage.push({ kind, pageKey, element: elementOf(element), count, firstAt });
      }
    }
  }
  // Untagged pages keep no friction by element (session-rollup.ts): by kind and page.
  const untaggedGroups = (groups[UNTAGGED] ??= []);
  for (const key of untaggedKeys) {
    const { pageKey } = placeOf(key);
    const firstAt = merged.touchpoints[key]?.[1] ?? 0;
    for (const [kind, count] of Object.entries(merged.signalsByTouchpoint[key] ?? {}) as [SignalKind, number][]) untaggedGroups.push({ kind, pageKey, element: null, count, firstAt });
  }
  const personaIds = new Set(records.sessions.map((s) => s.personaId));
  const byFirstAt = (a: MapAction, b: MapAction) => a.firstAt - b.firstAt || compareText(a.pageKey, b.pageKey);
  // Most frequent first; a tie goes to the friction that happened first, then by kind in the list's order.
  const kindOrder = (g: SignalGroup) => SignalKind.options.indexOf(g.kind);
  const byCount = (a: SignalGroup & { firstAt: number }, b: SignalGroup & { firstAt: number }) =>
    b.count - a.count || a.firstAt - b.firstAt || kindOrder(a) - kindOrder(b) || compareText(`${a.pageKey}|${a.element ?? ''}`, `${b.pageKey}|${b.element ?? ''}`);
  const health = journeyHealth(aggregate);
  return {
    study: records.study,
    filter,
    aggregate,
    health,
    actions: Object.fromEntries(Object.entries(actions).map(([stageId, list]) => [stageId, list.sort(byFirstAt)])),
    painPoints: Object.fromEntries(
      Object.entries(groups).map(([stageId, list]) => [stageId, list.sort(byCount).map(({ firstAt: _first, ...group }) => group)]),
    ),
    labels: touchpointLabels(records.study, merged.titles),
    voices: voicesOf(aggregate, columnFinder(health)),
    sessions: [...records.sessions].sort((a, b) => b.startedAt - a.startedAt),
    personas: records.personas.filter((p) => personaIds.has(p.id)),
  };
}

/**
 * Each column's voice: its answers, then its pain-point notes, then its opportunity notes, as the map lists them;
 * with the sentiment of the quotes it shows and of every note.
 */
function voicesOf(aggregate: MapAggregate, columnOf: (stageId: string | null) => string): Record<string, Voice> {
  const texts: Record<string, TextItem[]> = {};
  const shown = new Set<string>();
  const quoted: Record<string, number> = {};
  for (const v of aggregate.verbatims) {
    const column = columnOf(v.stageId);
    (texts[column] ??= []).push({ id: v.responseId, text: v.text });
    if ((quoted[column] = (quoted[column] ?? 0) + 1) <= QUOTES_SHOWN) shown.add(v.responseId);
  }
  for (const type of ['pain_point', 'opportunity'] as const) {
    for (const a of aggregate.annotations) {
      if (a.type !== type) continue;
      (texts[columnOf(a.stageId)] ??= []).push({ id: a.id, text: a.text });
      shown.add(a.id);
    }
  }
  return Object.fromEntries(Object.entries(texts).map(([column, items]) => [column, voiceOf(items, shown)]));
}

/**
 * A touchpoint's name: the label of the path or glob rule that names its page key, else its page title seen most,
 * without the site's name the titles share (site-name.ts).
 */
export function touchpointLabels(study: Pick<Study, 'rules'>, titles: Readonly<Record<string, Record<string, number>>>): Record<string, string> {
  const seenMost: Record<string, string> = {};
  for (const [key, byTitle] of Object.entries(titles)) {
    const best = Object.entries(byTitle).sort(([a, n], [b, m]) => m - n || compareText(a, b))[0];
    if (best) seenMost[key] = best[0];
  }
  const labels = withoutSiteName(seenMost);
  for (const rule of study.rules) {
    if (!rule.label || (rule.kind !== 'path' && rule.kind !== 'glob')) continue;
    labels[touchpointKey(rule.stageId, pageKeyOfPattern(rule.pattern))] = rule.label;
  }
  return labels;
}
