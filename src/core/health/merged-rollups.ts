import type { SignalKind } from '../records/signal';
import { addTally, emptyTally, type AnswerTally } from './scores';
import { addCount, byTimeThenId, compareText, type FirstOfVisit, type Groups, type GroupCount, type SessionRollup, type Verbatim } from './session-rollup';

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
  /** Touchpoint keys in the order walked (see `SessionRollup`); empty for a rollup stored before paths. */
  path: string[];
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
  /** Touchpoint key → page title → visits. */
  titles: Record<string, Record<string, number>>;
}

function addGroups(into: Groups, from: Groups): void {
  for (const [stageId, pages] of Object.entries(from)) {
    const stage = (into[stageId] ??= {});
    for (const [pageKey, kinds] of Object.entries(pages)) {
      const page = (stage[pageKey] ??= {});
      for (const [kind, elements] of Object.entries(kinds) as [SignalKind, Record<string, GroupCount>][]) {
        const byElement = (page[kind] ??= {});
        for (const [element, [count, firstAt]] of Object.entries(elements)) addCount(byElement, element, count, firstAt);
      }
    }
  }
}

export function emptyMerged(): MergedRollups {
  return { counts: { visits: 0, signals: 0, responses: 0 }, touchpoints: {}, signalsByTouchpoint: {}, exits: {}, deadEnds: {}, tallies: {}, verbatims: [], walks: [], groups: {}, titles: {} };
}

/** Which of a rollup's firsts: its visits' exits, or their dead ends. */
export type FirstsPart = 'exits' | 'deadEnds';

/**
 * For a visit of a rollup being added: its first exit / dead end among the rollups added before, if it has one
 * there. A visit's signals may lie in more than one rollup (an import can bring a signal of another session), and
 * a merge keeps only counts by touchpoint, not the first of each visit.
 */
export type EarlierFirsts = (part: FirstsPart, visitId: string) => FirstOfVisit | undefined;

/**
 * Adds rollups into a merge, in any order and in as many steps as wanted: the result equals `mergeRollups` of all
 * of them at once (lists are kept sorted, counts are sums and minimums). Changes the merge it is given; reads, never
 * changes, the rollups.
 */
export class RollupAdder {
  /** Visit id → the first exit / dead end counted for it, among the rollups added here. */
  private readonly firsts: Record<FirstsPart, Map<string, FirstOfVisit>> = { exits: new Map(), deadEnds: new Map() };

  constructor(
    readonly merged: MergedRollups,
    private readonly earlier: EarlierFirsts = () => undefined,
  ) {}

  /** One per visit: the first signal by id across every rollup, counted at its touchpoint. */
  private first(part: FirstsPart, visitId: string, signal: FirstOfVisit): void {
    const had = this.firsts[part].get(visitId) ?? this.earlier(part, visitId);
    if (had && had[0] <= signal[0]) return;
    const counts = this.merged[part];
    if (had && --counts[had[1]]! === 0) delete counts[had[1]];
    counts[signal[1]] = (counts[signal[1]] ?? 0) + 1;
    this.firsts[part].set(visitId, signal);
  }

  add(rollups: readonly SessionRollup[]): MergedRollups {
    const { merged } = this;
    for (const rollup of rollups) {
      merged.counts.visits += rollup.visits.count;
      merged.counts.signals += rollup.signals.count;
      merged.counts.responses += rollup.responses.count;
      for (const [key, [visits, firstAt]] of Object.entries(rollup.visits.touchpoints)) addCount(merged.touchpoints, key, visits, firstAt);
      for (const [key, byTitle] of Object.entries(rollup.visits.titles ?? {})) {
        const into = (merged.titles[key] ??= {});
        for (const [title, n] of Object.entries(byTitle)) into[title] = (into[title] ?? 0) + n;
      }
      for (const [key, byKind] of Object.entries(rollup.signals.byTouchpoint)) {
        const into = (merged.signalsByTouchpoint[key] ??= {});
        for (const [kind, n] of Object.entries(byKind) as [SignalKind, number][]) into[kind] = (into[kind] ?? 0) + n;
      }
      for (const [visitId, exit] of Object.entries(rollup.signals.exits)) this.first('exits', visitId, exit);
      for (const [visitId, deadEnd] of Object.entries(rollup.signals.deadEnds)) this.first('deadEnds', visitId, deadEnd);
      for (const [key, tally] of Object.entries(rollup.responses.tallies)) addTally((merged.tallies[key] ??= emptyTally()), tally);
      merged.verbatims.push(...rollup.responses.verbatims);
      if (!rollup.visits.count || rollup.sessionId === null) continue;
      merged.walks.push({ sessionId: rollup.sessionId, firstAt: rollup.visits.firstAt!, arrivals: rollup.visits.arrivals, path: rollup.visits.path ?? [] });
      addGroups(merged.groups, rollup.signals.groups);
    }
    if (rollups.length) {
      merged.verbatims.sort(byTimeThenId);
      // A walk's session id is its rollup's key.
      merged.walks.sort((a, b) => compareText(a.sessionId, b.sessionId));
    }
    return merged;
  }
}

/** Adds up rollups. Reads, never changes, what it is given. */
export function mergeRollups(rollups: readonly SessionRollup[]): MergedRollups {
  return new RollupAdder(emptyMerged()).add(rollups);
}

/**
 * A study's settled session rollups added up, kept in the rollups store beside them under its own key: a
 * whole-study map reads this one record, and adds to it only the rollups it does not hold. Settled: those of
 * sessions no longer recorded (not the running session's, nor that of answers given outside a session, which may
 * change at any time); each is marked `inSummary`, and a write to a marked rollup deletes the summary in the same
 * transaction — the next whole-study map adds them all up again and keeps the result.
 */
export interface StudySummary {
  key: string;
  studyId: string;
  merged: MergedRollups;
  /** The keys of the session rollups added up in `merged`. */
  rollupKeys: string[];
}

/**
 * Each summary written is a new revision under a key of its own, never rewritten in place: the keys of a study's
 * rollups, read anyway, tell whether a summary held in memory is still the stored one. Summaries stored before
 * revisions have the bare `study|<id>`.
 */
export function studySummaryKey(studyId: string, revision: string): string {
  return `${summaryKeys(studyId).revisions}${revision}`;
}

/** A study's summary keys: the bare one of before revisions, and what every revision's key starts with. */
export function summaryKeys(studyId: string): { bare: string; revisions: string } {
  return { bare: `study|${studyId}`, revisions: `study|${studyId}|` };
}

export function isStudySummaryKey(key: string, studyId: string): boolean {
  const { bare, revisions } = summaryKeys(studyId);
  return key === bare || key.startsWith(revisions);
}

/**
 * A merge to add to that leaves `merged` as it is: its own counts and lists, sharing only the walks and answers in
 * them, which adding never changes (it puts others beside them and sorts its own list).
 */
export function forkMerged(merged: MergedRollups): MergedRollups {
  const { walks, verbatims, ...counts } = merged;
  return { ...structuredClone(counts), walks: [...walks], verbatims: [...verbatims] };
}

/** What the rollups store holds under a key: a session's rollup, or a study's summary. */
export function isStudySummary(record: SessionRollup | StudySummary): record is StudySummary {
  return 'merged' in record;
}
