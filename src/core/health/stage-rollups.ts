import type { SignalKind } from '../records/signal';
import type { Session } from '../records/session';
import type { Study } from '../records/study';
import type { Walk } from './merged-rollups';
import { emptyTally, instrumentScores, type AnswerTally, type InstrumentScores } from './scores';

/** A stage's counts, and how fast walks found it (PRODUCT.md §6, findability). */

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
  /** Walks that ended here: visits with an exit (one per visit). */
  exits: number;
  /** Exits in the stage ÷ sessions that reached it; null when none did. */
  dropOff: number | null;
  /** Visits that were dead ends. */
  deadEnds: number;
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
  /** Whether a visit was in the goal stage itself (never a later one); null when the study has no goal stage. */
  reachedGoalStage: boolean | null;
}

/** The id the Untagged column goes by: pages no rule tags (and pages of a stage since deleted). */
export const UNTAGGED = 'untagged';

/** The middle value (mean of the two middle ones for an even count); null for none. Sorts a copy. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface StageWork extends StageRollup {
  times: number[];
  pages: number[];
}

export function newStageWork(stageId: string, name: string): StageWork {
  return {
    stageId,
    name,
    visits: 0,
    touchpointKeys: [],
    sessionsReached: 0,
    exits: 0,
    dropOff: null,
    deadEnds: 0,
    signalsByKind: {},
    tally: emptyTally(),
    scores: instrumentScores(emptyTally()),
    openPainPoints: 0,
    openOpportunities: 0,
    findability: { sessions: 0, medianTimeMs: null, medianPages: null },
    times: [],
    pages: [],
  };
}

/** Each walk's first arrival in each stage, added to the stages it reached. */
export function findabilityOf(walks: readonly Walk[], stages: readonly StageWork[], study: Pick<Study, 'goalStageId'>, selected: ReadonlyMap<string, Session>): SessionFindability[] {
  const index = new Map(stages.map((stage, i) => [stage.stageId, i]));
  const hasGoal = study.goalStageId !== null && index.has(study.goalStageId);
  return walks.map((walk) => {
    const session = selected.get(walk.sessionId);
    const start = session?.startedAt ?? walk.firstAt;
    const arrivals: SessionFindability['arrivals'] = {};
    for (const [stageId, arrival] of Object.entries(walk.arrivals)) {
      const i = index.get(stageId);
      if (i === undefined) continue;
      const timeMs = Math.max(0, arrival.enteredAt - start);
      arrivals[stageId] = { timeMs, pages: arrival.pages };
      const stage = stages[i]!;
      stage.sessionsReached++;
      stage.times.push(timeMs);
      stage.pages.push(arrival.pages);
    }
    return { sessionId: walk.sessionId, personaId: session?.personaId ?? null, arrivals, reachedGoalStage: hasGoal ? study.goalStageId! in arrivals : null };
  });
}

/** The stage's rates and medians, once everything is counted. */
export function finishStage({ times, pages, ...stage }: StageWork): StageRollup {
  return {
    ...stage,
    dropOff: stage.sessionsReached ? stage.exits / stage.sessionsReached : null,
    scores: instrumentScores(stage.tally),
    findability: { sessions: times.length, medianTimeMs: median(times), medianPages: median(pages) },
  };
}
