import type { SignalKind } from '../records/signal';
import { addTally, emptyTally, type AnswerTally } from './scores';
import { byTimeThenId, type FirstOfVisit, type Groups, type GroupCount, type SessionRollup, type Verbatim } from './session-rollup';

/**
 * Session rollups added up into one: what a journey map needs of them, whatever the study's stages and session
 * records say (those are applied after). The map of a whole study is drawn from this one record (kept in the
 * store as a study summary) instead of a few hundred session rollups.
 */

/** A walk: a session key with visits; where its visits first reached each stage. */
export interface Walk {
  sessionId: string;
  firstAt: number;
  arrivals: SessionRollup['visits']['arrivals'];
}

export interface MergedRollups {
  counts: { visits: number; signals: number; responses: number };
  /** Touchpoint key → visits, and when it was first entered. Visits always belong to a session: all of walks. */
  touchpoints: Record<string, [visits: number, firstAt: number]>;
  signalsByTouchpoint: Record<string, Partial<Record<SignalKind, number>>>;
  /** Touchpoint key → visits that ended in an exit / were dead ends (one per visit, the first signal by id). */
  exits: Record<string, number>;
  deadEnds: Record<string, number>;
  tallies: Record<string, AnswerTally>;
  /** Oldest first. */
  verbatims: Verbatim[];
  /** In session key order. */
  walks: Walk[];
  /** Friction on tagged pages, of walks only (signals of a session without visits are in the counts, not here). */
  groups: Groups;
}

function addGroups(into: Groups, from: Groups): void {
  for (const [stageId, pages] of Object.entries(from)) {
    const stage = (into[stageId] ??= {});
    for (const [pageKey, kinds] of Object.entries(pages)) {
      const page = (stage[pageKey] ??= {});
      for (const [kind, elements] of Object.entries(kinds) as [SignalKind, Record<string, GroupCount>][]) {
        const byElement = (page[kind] ??= {});
        for (const [element, [count, firstAt]] of Object.entries(elements)) {
          const group = byElement[element];
          if (group) {
            group[0] += count;
            group[1] = Math.min(group[1], firstAt);
          } else byElement[element] = [count, firstAt];
        }
      }
    }
  }
}

/** Counts of exits or dead ends by touchpoint: one per visit, whatever duplicates the rollups hold. */
function perTouchpoint(firsts: Map<string, FirstOfVisit>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, key] of firsts.values()) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** Adds up rollups; `rollups` in session key order (walks keep it). Reads, never changes, what it is given. */
export function mergeRollups(rollups: readonly SessionRollup[]): MergedRollups {
  const merged: MergedRollups = { counts: { visits: 0, signals: 0, responses: 0 }, touchpoints: {}, signalsByTouchpoint: {}, exits: {}, deadEnds: {}, tallies: {}, verbatims: [], walks: [], groups: {} };
  const exits = new Map<string, FirstOfVisit>();
  const deadEnds = new Map<string, FirstOfVisit>();
  const first = (into: Map<string, FirstOfVisit>, visitId: string, signal: FirstOfVisit) => {
    const had = into.get(visitId);
    if (!had || signal[0] < had[0]) into.set(visitId, signal);
  };
  for (const rollup of rollups) {
    merged.counts.visits += rollup.visits.count;
    merged.counts.signals += rollup.signals.count;
    merged.counts.responses += rollup.responses.count;
    for (const [key, [visits, firstAt]] of Object.entries(rollup.visits.touchpoints)) {
      const tp = merged.touchpoints[key];
      if (tp) {
        tp[0] += visits;
        tp[1] = Math.min(tp[1], firstAt);
      } else merged.touchpoints[key] = [visits, firstAt];
    }
    for (const [key, byKind] of Object.entries(rollup.signals.byTouchpoint)) {
      const into = (merged.signalsByTouchpoint[key] ??= {});
      for (const [kind, n] of Object.entries(byKind) as [SignalKind, number][]) into[kind] = (into[kind] ?? 0) + n;
    }
    for (const [visitId, exit] of Object.entries(rollup.signals.exits)) first(exits, visitId, exit);
    for (const [visitId, deadEnd] of Object.entries(rollup.signals.deadEnds)) first(deadEnds, visitId, deadEnd);
    for (const [key, tally] of Object.entries(rollup.responses.tallies)) addTally((merged.tallies[key] ??= emptyTally()), tally);
    merged.verbatims.push(...rollup.responses.verbatims);
    if (!rollup.visits.count || rollup.sessionId === null) continue;
    merged.walks.push({ sessionId: rollup.sessionId, firstAt: rollup.visits.firstAt!, arrivals: rollup.visits.arrivals });
    addGroups(merged.groups, rollup.signals.groups);
  }
  merged.exits = perTouchpoint(exits);
  merged.deadEnds = perTouchpoint(deadEnds);
  merged.verbatims.sort(byTimeThenId);
  return merged;
}

/**
 * A study's session rollups added up, kept in the rollups store beside them under its own key: a whole-study map
 * reads this one record. Any change to one of its session rollups deletes it in the same transaction; the next
 * whole-study map adds them up again and keeps the result.
 */
export interface StudySummary {
  key: string;
  studyId: string;
  merged: MergedRollups;
}

export function studySummaryKey(studyId: string): string {
  return `study|${studyId}`;
}

/** What the rollups store holds under a key: a session's rollup, or a study's summary. */
export function isStudySummary(record: SessionRollup | StudySummary): record is StudySummary {
  return 'merged' in record;
}
