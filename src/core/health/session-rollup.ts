import type { SurveyResponse } from '../records/response';
import type { Signal, SignalKind } from '../records/signal';
import type { Visit } from '../records/visit';
import { emptyTally, scoredValue, tallyAnswer, type AnswerTally } from './scores';
import { isAnswer } from '../surveys/instruments';

/**
 * What one session's records add to a journey map, kept beside them in the store so a map of a long study reads a
 * few hundred of these instead of every record. A rollup depends only on its session's own visits, signals and
 * answers — not on the study's stages (they may be edited) nor on the session record — and is rebuilt or
 * extended in the transaction that writes those records, so it can never disagree with them.
 */

/** The most recent signals a session summary shows. */
export const LATEST_SIGNALS = 5;

/** A page touchpoint: its stage and page key. UUIDs hold no `|`, so the first one splits the key unambiguously. */
export function touchpointKey(stageId: string | null, pageKey: string): string {
  return `${stageId ?? 'untagged'}|${pageKey}`;
}

/** The stage and page key a page touchpoint's key was made of. */
export function placeOf(key: string): { stageId: string | null; pageKey: string } {
  const bar = key.indexOf('|');
  const stage = key.slice(0, bar);
  return { stageId: stage === 'untagged' ? null : stage, pageKey: key.slice(bar + 1) };
}

export interface Verbatim {
  responseId: string;
  sessionId: string | null;
  stageId: string | null;
  pageKey: string;
  text: string;
  at: number;
}

/** The exit or dead end counted for a visit: its first signal of that kind (smallest id), and its touchpoint key. */
export type FirstOfVisit = [signalId: string, touchpoint: string];

/** Friction of one kind on one element: how many signals, and when the first happened. */
export type GroupCount = [count: number, firstAt: number];

/** Adds `count` things, the first of them at `firstAt`, to what `counts` holds under `key`. */
export function addCount(counts: Record<string, [count: number, firstAt: number]>, key: string, count: number, firstAt: number): void {
  const had = counts[key];
  if (!had) counts[key] = [count, firstAt];
  else {
    had[0] += count;
    had[1] = Math.min(had[1], firstAt);
  }
}

/**
 * Stage id → page key → kind → element → count. Nested rather than keyed by all four: a long study holds a
 * hundred of these per session, and the map reads them all. An element is keyed `+name`, no element `-`.
 */
export type Groups = Record<string, Record<string, Partial<Record<SignalKind, Record<string, GroupCount>>>>>;

export const elementKey = (element: string | null) => (element === null ? '-' : `+${element}`);
export const elementOf = (key: string) => (key === '-' ? null : key.slice(1));

export interface SessionRollup {
  /** The session's id; `none|<studyId>` for answers tied to no session. */
  key: string;
  studyId: string;
  sessionId: string | null;
  visits: {
    count: number;
    /** Touchpoint key → visits, and when it was first entered. Keys, not fields, say where (`placeOf`). */
    touchpoints: Record<string, [visits: number, firstAt: number]>;
    /** Stage id → the walk's first visit in it: when, and pages viewed up to and including it. */
    arrivals: Record<string, { enteredAt: number; pages: number }>;
    /** When the walk's first visit was entered; null without visits. */
    firstAt: number | null;
    /**
     * The touchpoint keys walked through, in order, a repeat of the same one (a reload) once: the map's paths.
     * Missing in rollups stored before paths were drawn; those walks have no path until their rollup is rebuilt.
     */
    path?: string[];
    /** Touchpoint key → page title → visits: a touchpoint's name defaults to its most seen title (missing as `path`). */
    titles?: Record<string, Record<string, number>>;
  };
  signals: {
    count: number;
    byTouchpoint: Record<string, Partial<Record<SignalKind, number>>>;
    /** Visit id → its exit; visit id → its dead end. */
    exits: Record<string, FirstOfVisit>;
    deadEnds: Record<string, FirstOfVisit>;
    /** Friction on tagged pages. */
    groups: Groups;
    /** The most recent signals, newest first. */
    latest: Signal[];
  };
  responses: {
    count: number;
    /** Touchpoint key → the answers that count there (scored ones and non-empty open text). */
    tallies: Record<string, AnswerTally>;
    verbatims: Verbatim[];
  };
  /**
   * Set when its study's summary (merged-rollups.ts) added it up, and kept through later writes: a write to it drops
   * that summary. The only field not drawn from the records; never set on a rollup that is still being recorded.
   */
  inSummary?: true;
}

export function rollupKey(studyId: string, sessionId: string | null): string {
  return sessionId ?? `none|${studyId}`;
}

export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byEnteredThenId = (a: Visit, b: Visit) => a.enteredAt - b.enteredAt || compareText(a.id, b.id);

export function visitPart(visits: readonly Visit[]): SessionRollup['visits'] {
  const path: string[] = [];
  const titles: Record<string, Record<string, number>> = {};
  const part: SessionRollup['visits'] = { count: visits.length, touchpoints: {}, arrivals: {}, firstAt: null, path, titles };
  [...visits].sort(byEnteredThenId).forEach((visit, i) => {
    part.firstAt ??= visit.enteredAt;
    const key = touchpointKey(visit.stageId, visit.pageKey);
    if (path.at(-1) !== key) path.push(key);
    const title = visit.title.trim();
    if (title) (titles[key] ??= {})[title] = (titles[key]?.[title] ?? 0) + 1;
    addCount(part.touchpoints, key, 1, visit.enteredAt);
    if (visit.stageId !== null) part.arrivals[visit.stageId] ??= { enteredAt: visit.enteredAt, pages: i + 1 };
  });
  return part;
}

export function emptySignalPart(): SessionRollup['signals'] {
  return { count: 0, byTouchpoint: {}, exits: {}, deadEnds: {}, groups: {}, latest: [] };
}

const newerFirst = (a: Signal, b: Signal) => b.at - a.at || compareText(a.id, b.id);

/** Adds one signal not counted before (the store holds each id once). */
export function addSignal(part: SessionRollup['signals'], signal: Signal): void {
  part.count++;
  const key = touchpointKey(signal.stageId, signal.pageKey);
  const byKind = (part.byTouchpoint[key] ??= {});
  byKind[signal.kind] = (byKind[signal.kind] ?? 0) + 1;
  const firsts = signal.kind === 'exit' ? part.exits : signal.kind === 'dead_end' ? part.deadEnds : null;
  const counted = firsts?.[signal.visitId];
  if (firsts && (!counted || signal.id < counted[0])) firsts[signal.visitId] = [signal.id, key];
  if (signal.stageId !== null) {
    const element = signal.element ? signal.element.name || signal.element.selector : null;
    const byElement = (((part.groups[signal.stageId] ??= {})[signal.pageKey] ??= {})[signal.kind] ??= {});
    addCount(byElement, elementKey(element), 1, signal.at);
  }
  if (part.latest.length < LATEST_SIGNALS || newerFirst(signal, part.latest.at(-1)!) < 0) {
    part.latest = [...part.latest, signal].sort(newerFirst).slice(0, LATEST_SIGNALS);
  }
}

export function responsePart(responses: readonly SurveyResponse[]): SessionRollup['responses'] {
  const part: SessionRollup['responses'] = { count: responses.length, tallies: {}, verbatims: [] };
  const tallyAt = (response: SurveyResponse) => {
    const key = touchpointKey(response.stageId, response.pageKey);
    return (part.tallies[key] ??= emptyTally());
  };
  for (const response of responses) {
    if (response.instrument === 'open_text') {
      if (!isAnswer(response)) continue;
      tallyAt(response).openText++;
      const text = (response.text ?? '').trim();
      part.verbatims.push({ responseId: response.id, sessionId: response.sessionId, stageId: response.stageId, pageKey: response.pageKey, text, at: response.at });
      continue;
    }
    const value = scoredValue(response);
    if (value !== null) tallyAnswer(tallyAt(response), response.instrument, value);
  }
  part.verbatims.sort(byTimeThenId);
  return part;
}

export const byTimeThenId = (a: Verbatim, b: Verbatim) => a.at - b.at || compareText(a.responseId, b.responseId);

export interface SessionRecords {
  visits: readonly Visit[];
  signals: readonly Signal[];
  responses: readonly SurveyResponse[];
}

/** The rollup of one session key's records, from scratch. */
export function rollupOf(studyId: string, sessionId: string | null, records: SessionRecords): SessionRollup {
  const signals = emptySignalPart();
  for (const signal of records.signals) addSignal(signals, signal);
  return { key: rollupKey(studyId, sessionId), studyId, sessionId, visits: visitPart(records.visits), signals, responses: responsePart(records.responses) };
}

/** Whether a rollup still holds anything (one without records is deleted rather than kept empty). */
export function isEmptyRollup(rollup: SessionRollup): boolean {
  return rollup.visits.count + rollup.signals.count + rollup.responses.count === 0;
}
